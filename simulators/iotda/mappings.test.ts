// Checks that the committed IoTDA WireMock mapping files are what the replay cases and fixtures generate (UPDATE_MAPPINGS=1 rewrites them).
import { describe, expect, it } from 'vitest';
import { expectedFiles, syncMappingFiles } from '../replay/mapping-files.ts';
import { REPLAY_CASES } from './replay-cases.ts';

describe('IoTDA mapping files', () => {
  it('are up to date with the replay cases and fixtures', () => {
    expect(
      syncMappingFiles(expectedFiles('iotda', REPLAY_CASES), process.env.UPDATE_MAPPINGS === '1'),
    ).toEqual([]);
  });
});

// The committed WireMock mapping files of OceanConnect are exactly what REPLAY_CASES and the fixtures generate.
import { describe, expect, it } from 'vitest';
import { expectedFiles, syncMappingFiles } from '../replay/mapping-files.ts';
import { REPLAY_CASES } from './replay-cases.ts';

describe('OceanConnect mapping files', () => {
  it('are up to date (regenerate with UPDATE_MAPPINGS=1)', () => {
    expect(
      syncMappingFiles(expectedFiles('oceanconnect', REPLAY_CASES), process.env.UPDATE_MAPPINGS === '1'),
    ).toEqual([]);
  });
});

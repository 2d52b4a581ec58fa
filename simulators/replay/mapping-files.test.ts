import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAULTS } from './build-mappings.ts';
import { expectedFaultsFile, FAULTS_PATH, syncMappingFiles } from './mapping-files.ts';

describe('fault mapping file', () => {
  it('is committed as the generator makes it (UPDATE_MAPPINGS=1 rewrites it)', () => {
    expect(syncMappingFiles([expectedFaultsFile()], process.env.UPDATE_MAPPINGS === '1')).toEqual([]);
  });
  it('has one mapping per documented fault, selected by the X-Harness-Fault marker', () => {
    const file = JSON.parse(readFileSync(FAULTS_PATH, 'utf8')) as {
      mappings: { request: { headers: Record<string, { equalTo: string }> }; response: { fault: string } }[];
    };
    expect(
      file.mappings.map((m) => [m.request.headers['X-Harness-Fault']?.equalTo, m.response.fault]),
    ).toEqual(Object.entries(FAULTS));
  });
});

// Parses every OceanConnect fixture with its schema and checks the seed samples and error texts against both seed editions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ErrorBody, OC_ERRORS, errorBodyOf, errorFixtureName } from './errors.ts';
import { FIXTURE_DIR, fixtureNames, readFixture } from './fixtures.ts';
import { CreateRevocationTaskBody } from './requests.ts';
import {
  DeviceCommandResp,
  LoginResponse,
  QueryCommandsResponse,
  QueryRevocationTasksResponse,
  QueryRevocationTasksResponseTolerant,
  RevocationTask,
  RevocationTaskSeedSample,
  RevocationTaskTolerant,
} from './responses.ts';

/** Every fixture file and the schema that must accept it. A file missing here fails the test. */
const SCHEMA_OF: Record<string, z.ZodType> = {
  '200-login.json': LoginResponse,
  '201-revocation-task.json': RevocationTask,
  '201-revocation-task-none-pending.json': RevocationTask,
  '201-revocation-task-seed-sample.json': RevocationTaskSeedSample,
  'request-create-revocation-task-seed-sample.json': CreateRevocationTaskBody,
  '201-create-command.json': DeviceCommandResp,
  '200-modify-command-canceled.json': DeviceCommandResp,
  '200-query-commands.json': QueryCommandsResponse,
  '200-query-revocation-tasks.json': QueryRevocationTasksResponse,
  '200-query-revocation-tasks-flat-variant.json': QueryRevocationTasksResponseTolerant,
  ...Object.fromEntries(OC_ERRORS.map((e) => [errorFixtureName(e), ErrorBody])),
};

const SEEDS = path.resolve(FIXTURE_DIR, '..', '..', '..', '..', 'shared', 'seeds');
const SEED_EDITIONS = ['002_aa36101ebfb0cd7d.txt', '003_47c8060bc7d2244f.txt'];
const seedText = (file: string) => readFileSync(path.join(SEEDS, file), 'utf8');

/** The JSON object that starts at `{` before `marker` in the seed text, up to its matching brace. */
const jsonAfter = (text: string, marker: string): string => {
  const start = text.lastIndexOf('{', text.indexOf(marker));
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`no JSON object around ${marker}`);
};

describe('OceanConnect fixtures', () => {
  it('every fixture file has a schema, and every schema entry a file', () => {
    expect(fixtureNames()).toEqual(Object.keys(SCHEMA_OF).sort());
  });

  it('names follow <status>-<case>.json (request samples: request-<case>.json)', () => {
    for (const name of fixtureNames()) expect(name).toMatch(/^(\d{3}|request)-[a-z0-9]+(-[a-z0-9]+)*\.json$/);
  });

  it.each(fixtureNames())('%s matches its schema', (name) => {
    const schema = SCHEMA_OF[name];
    expect(schema, `no schema for ${name}`).toBeDefined();
    const parsed = schema!.safeParse(readFixture(name));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(OC_ERRORS.map((e) => [errorFixtureName(e), e] as const))(
    '%s is the documented row',
    (name, row) => {
      expect(readFixture(name)).toEqual(errorBodyOf(row));
    },
  );

  it.each(SEED_EDITIONS)('the error texts of the table appear verbatim in seed %s', (edition) => {
    const text = seedText(edition);
    for (const row of OC_ERRORS.filter((e) => e.documentedOn.includes('createRevocationTask'))) {
      expect(text).toContain(`${row.httpStatus} |\n${row.code} |\n${row.text} |`);
    }
  });

  it.each(SEED_EDITIONS)(
    'the seed-sample fixture is seed %s with only the non-JSON placeholder quoted',
    (edition) => {
      const sample = jsonAfter(seedText(edition), '"taskId"');
      expect(sample).toContain('"maxRetransmit": ****** }');
      const quoted = sample.replace('"maxRetransmit": ******', '"maxRetransmit": "******"');
      expect(JSON.parse(quoted)).toEqual(readFixture('201-revocation-task-seed-sample.json'));
      expect(JSON.parse(jsonAfter(seedText(edition), '"deviceId": "********" }'))).toEqual(
        readFixture('request-create-revocation-task-seed-sample.json'),
      );
    },
  );

  it('the seed sample needs its own reader: strict and tolerant refuse the placeholder, and only there', () => {
    const sample = readFixture('201-revocation-task-seed-sample.json');
    const strict = RevocationTask.safeParse(sample);
    const tolerant = RevocationTaskTolerant.safeParse(sample);
    expect(strict.success).toBe(false);
    expect(tolerant.success).toBe(false);
    expect(tolerant.error?.issues.map((i) => i.path.join('.'))).toEqual(['deviceCommands.0.maxRetransmit']);
  });
});

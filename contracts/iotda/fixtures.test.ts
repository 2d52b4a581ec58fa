// Every IoTDA fixture parses with its schema; a fixture without an entry in the table fails.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApigThrottleBody, IOTDA_ERRORS, IotdaErrorBody } from './errors.ts';
import { FIXTURE_DIR, readFixture } from './pact-bodies.ts';
import {
  CreateAsyncCommandResponse,
  ListAsyncCommandsResponse,
  ListAsyncHistoryCommandsResponse,
  ListCommandsResponseTolerant,
  ShowAsyncCommandResponse,
  ShowAsyncCommandResponseTolerant,
} from './responses.ts';

/** File name -> the schema it must satisfy. Variants that only the tolerant reader accepts say so in their name. */
const TABLE: Record<string, z.ZodType> = {
  '200-show-delivered-seed-sample.json': ShowAsyncCommandResponse,
  '200-show-pending.json': ShowAsyncCommandResponse,
  '200-show-expired.json': ShowAsyncCommandResponse,
  '200-show-sent.json': ShowAsyncCommandResponse,
  '200-show-delivered.json': ShowAsyncCommandResponse,
  '200-show-successful.json': ShowAsyncCommandResponse,
  '200-show-failed.json': ShowAsyncCommandResponse,
  '200-show-timeout.json': ShowAsyncCommandResponse,
  '200-show-pending-null-times-variant.json': ShowAsyncCommandResponseTolerant,
  '200-create-delay-pending.json': CreateAsyncCommandResponse,
  '200-create-immediately-sent.json': CreateAsyncCommandResponse,
  '200-list-queued.json': ListAsyncCommandsResponse,
  '200-list-queued-empty.json': ListAsyncCommandsResponse,
  '200-list-history.json': ListAsyncHistoryCommandsResponse,
  '200-list-history-count-and-paras-variant.json': ListCommandsResponseTolerant,
  '400-iotda-000006-invalid-input.json': IotdaErrorBody,
  '401-iotda-000002-authentication-failed.json': IotdaErrorBody,
  '403-iotda-001000-application-missing.json': IotdaErrorBody,
  '403-iotda-014016-device-offline.json': IotdaErrorBody,
  '404-iotda-014000-device-not-found.json': IotdaErrorBody,
  '500-iotda-000001-internal-error.json': IotdaErrorBody,
  '200-iotda-014111-command-timed-out.json': IotdaErrorBody,
  '429-apig-0308-throttled.json': ApigThrottleBody,
};

const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json'));

describe('IoTDA fixtures', () => {
  it('every fixture file has a schema in the table, and every table entry has a file', () => {
    expect(files.filter((f) => !(f in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((f) => !files.includes(f))).toEqual([]);
  });

  it('fixture names follow <status>-<case>.json', () => {
    for (const f of files) expect(f).toMatch(/^\d{3}-[a-z0-9-]+\.json$/);
  });

  it.each(files)('%s parses with its schema', (file) => {
    const schema = TABLE[file];
    if (!schema) throw new Error(`${file} has no schema in the table`);
    const parsed = schema.safeParse(readFixture(file));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('every documented error has its fixture, with the code and text verbatim', () => {
    for (const e of IOTDA_ERRORS) {
      expect(files, e.fixture).toContain(e.fixture);
      expect(e.fixture.startsWith(`${e.httpStatus}-`), e.fixture).toBe(true);
      expect(readFixture(e.fixture)).toMatchObject({ error_code: e.code, error_msg: e.message });
    }
  });
});

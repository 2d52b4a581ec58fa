// Test support: the hand-written documented vendor answers (fixtures/documented) and one drifted copy per change class, each with the one change drift must report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Vendor } from '../contracts/common/problem.ts';
import { credentialsFromEnv } from './credentials.ts';

type Mapping = {
  name: string;
  request: Record<string, unknown>;
  response: { status: number; jsonBody: Record<string, unknown> };
} & Record<string, unknown>;
export type Documented = Record<Vendor, Mapping[]>;

export const DOCUMENTED_DIR = path.join(import.meta.dirname, 'fixtures', 'documented');

/** A fresh copy of the documented answers, per vendor file. */
export const documented = (): Documented => {
  const read = (v: Vendor) =>
    (
      JSON.parse(readFileSync(path.join(DOCUMENTED_DIR, 'mappings', `${v}.json`), 'utf8')) as {
        mappings: Mapping[];
      }
    ).mappings;
  return { enos: read('enos'), oceanconnect: read('oceanconnect'), iotda: read('iotda') };
};

/** The environment of a team whose credentials and ids the documented answers expect (not the pacts' examples). */
export const TEAM_ENV: Record<string, string> = {
  HARNESS_DRIFT_IOTDA_TOKEN: 'team-iam-token',
  HARNESS_DRIFT_IOTDA_AK: 'TEAMAK',
  HARNESS_DRIFT_IOTDA_SK: 'team-sk',
  HARNESS_DRIFT_OCEANCONNECT_APP_ID: 'team-app-id',
  HARNESS_DRIFT_OCEANCONNECT_TOKEN: 'team-access-token',
  HARNESS_DRIFT_OCEANCONNECT_SECRET: 'team-secret',
  HARNESS_DRIFT_ENOS_ACCESS_TOKEN: 'team-enos-token',
  HARNESS_DRIFT_ENOS_APP_SECRET: 'team-enos-secret',
  HARNESS_DRIFT_IDS: JSON.stringify({
    '0a1b2c3d4e5f60718293a4b5c6d7e8f9': 'team-project',
    '5f2b1c0d9a8e7f6a5b4c3d2e_water-meter-01': 'team-meter-7',
    '3a9c1e5f-7b2d-4e8a-9c0f-1d2e3b4a5c6d': 'team-device-1',
    '8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6': 'team-device-2',
    o15541858646501: 'o-team-org',
    oxWwM9i5: 'teamAsset1',
    bXuuAiku: 'teamProduct',
    mqtt_01: 'team_device_01',
    service522: 'setMode',
  }),
};
export const TEAM = credentialsFromEnv(TEAM_ENV);

const stub = (d: Documented, vendor: Vendor, name: string): Mapping => {
  const m = d[vendor].find((x) => x.name === name);
  if (!m) throw new Error(`no documented ${vendor} answer named "${name}"`);
  return m;
};
const body = (d: Documented, vendor: Vendor, name: string) => stub(d, vendor, name).response.jsonBody;

const IOTDA_SHOW = 'iotda show the created command: 200 PENDING';
const IOTDA_QUEUE = 'iotda list queued: PENDING and SENT';
const OC_REVOKE = 'oceanconnect revocation task: 201 WAITTING with PENDDING commands';

export type Expected = {
  vendor: Vendor;
  kind: string;
  severity: string;
  field: string;
  was?: string;
  now?: string;
};

/** One drifted copy: a change of one class planted in the documented answers, and the one change drift must report (none for false-alarm checks). */
export type DriftedCopy = { name: string; plant: (d: Documented) => void; expect: Expected | undefined };

export const DRIFTED_COPIES: readonly DriftedCopy[] = [
  {
    name: 'IoTDA times in ISO 8601',
    plant: (d) => {
      body(d, 'iotda', IOTDA_SHOW).created_time = '2015-12-12T12:12:12Z';
    },
    expect: {
      vendor: 'iotda',
      kind: 'value-not-allowed',
      severity: 'breaking',
      field: '$.created_time',
      was: "yyyyMMdd'T'HHmmss'Z' (e.g. 20151212T121212Z)",
      now: '9999-99-99T99:99:99Z (e.g. "2015-12-12T12:12:12Z")',
    },
  },
  {
    name: 'a third queued IoTDA command with a status the contract does not know',
    plant: (d) => {
      const b = body(d, 'iotda', IOTDA_QUEUE) as { commands: Record<string, unknown>[] };
      b.commands.push({
        ...b.commands[0],
        command_id: 'b1224afb-e9f0-4916-8220-b6bab568e899',
        status: 'CANCELED',
      });
    },
    expect: {
      vendor: 'iotda',
      kind: 'value-not-allowed',
      severity: 'breaking',
      field: '$.commands[*].status',
      now: '"CANCELED"',
    },
  },
  {
    name: 'EnOS search data turning null',
    plant: (d) => {
      body(d, 'enos', 'enos search').data = null;
    },
    expect: {
      vendor: 'enos',
      kind: 'field-retyped',
      severity: 'breaking',
      field: '$.data',
      was: 'array',
      now: 'null',
    },
  },
  {
    name: 'OceanConnect query data turning from an array into an object',
    plant: (d) => {
      const b = body(d, 'oceanconnect', 'oceanconnect query commands') as { data: unknown[] };
      b.data = { ...(b.data[0] as object) } as unknown as unknown[];
    },
    expect: {
      vendor: 'oceanconnect',
      kind: 'field-retyped',
      severity: 'breaking',
      field: '$.data',
      was: 'array',
      now: 'object',
    },
  },
  {
    name: 'OceanConnect error_code turning from a numeric string into a number',
    plant: (d) => {
      body(
        d,
        'oceanconnect',
        'oceanconnect revocation task, unknown device: 100418 with HTTP 200',
      ).error_code = 100418;
    },
    expect: {
      vendor: 'oceanconnect',
      kind: 'field-retyped',
      severity: 'breaking',
      field: '$.error_code',
      was: 'numeric string',
      now: 'number',
    },
  },
  {
    name: 'OceanConnect fixes WAITTING',
    plant: (d) => {
      body(d, 'oceanconnect', OC_REVOKE).status = 'WAITING';
    },
    expect: {
      vendor: 'oceanconnect',
      kind: 'misspelling-fixed',
      severity: 'breaking',
      field: '$.status',
      was: '"WAITTING"',
      now: '"WAITING"',
    },
  },
  {
    name: 'OceanConnect drops totalCount',
    plant: (d) => {
      delete body(d, 'oceanconnect', OC_REVOKE).totalCount;
    },
    expect: { vendor: 'oceanconnect', kind: 'field-removed', severity: 'breaking', field: '$.totalCount' },
  },
  {
    name: 'OceanConnect answers a revocation task with 200 instead of 201',
    plant: (d) => {
      stub(d, 'oceanconnect', OC_REVOKE).response.status = 200;
    },
    expect: {
      vendor: 'oceanconnect',
      kind: 'status-changed',
      severity: 'breaking',
      field: '(status)',
      was: 'HTTP 201',
      now: 'HTTP 200',
    },
  },
  {
    name: 'EnOS answers an unknown command with another code',
    plant: (d) => {
      Object.assign(body(d, 'enos', 'enos cancel an unknown commandId: 11404 with HTTP 200'), {
        code: 99404,
        msg: 'Not Found',
      });
    },
    expect: {
      vendor: 'enos',
      kind: 'code-changed',
      severity: 'breaking',
      field: '$.code',
      was: '11404',
      now: '99404',
    },
  },
  {
    name: 'IoTDA adds a field',
    plant: (d) => {
      body(d, 'iotda', IOTDA_SHOW).last_modified_time = '20151212T121500Z';
    },
    expect: { vendor: 'iotda', kind: 'field-added', severity: 'warning', field: '$.last_modified_time' },
  },
  {
    name: 'IoTDA rewords an error message for the same code',
    plant: (d) => {
      // Both texts appear in the vendor's pages (VENDOR-NOTES section 5).
      body(d, 'iotda', 'iotda bad token: 401 IOTDA.000002').error_msg = 'The request is unauthorized.';
    },
    expect: { vendor: 'iotda', kind: 'message-changed', severity: 'info', field: '$.error_msg' },
  },
  {
    name: 'EnOS sends createTime as a digit string (seed 000)',
    plant: (d) => {
      const data = body(d, 'enos', 'enos search').data as Record<string, unknown>[];
      for (const c of data) c.createTime = String(c.createTime);
    },
    expect: {
      vendor: 'enos',
      kind: 'documented-variant',
      severity: 'info',
      field: '$.data[*].createTime',
      was: 'number',
      now: 'numeric string',
    },
  },
  {
    name: 'device-defined paras and command with other keys (no drift)',
    plant: (d) => {
      body(d, 'iotda', IOTDA_SHOW).paras = { state: 'OFF', level: 3 };
      body(d, 'oceanconnect', 'oceanconnect create command: 201 PENDING').command = {
        serviceId: 'Switch',
        method: 'SET',
        paras: { state: 1 },
      };
    },
    expect: undefined,
  },
  {
    name: 'the same documented commands in another order (no drift)',
    plant: (d) => {
      (body(d, 'iotda', IOTDA_QUEUE).commands as unknown[]).reverse();
      (body(d, 'enos', 'enos search').data as unknown[]).reverse();
    },
    expect: undefined,
  },
];

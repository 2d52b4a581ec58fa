// Requests refused before any route (bad JSON, media type, size, path) and injected platform faults: documented errors only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { PLATFORM_FAULT } from '../../contracts/oceanconnect/provider-states.ts';
import { SIM_FAULTS_STATE } from './faults.ts';
import { errorBody, type Harness, startOc } from './test-support.ts';

const INVALID = errorBody('100022', 'The input is invalid.');
const INTERNAL = errorBody('100001', 'Internal server error.');
const CONGESTION = errorBody('100501', 'Congestion occurs, and the current network has been flow-controlled');

let h: Harness;
let accessToken: string;
beforeEach(async () => {
  h = await startOc({ bodyLimitBytes: 2048 });
  accessToken = await h.token();
});
afterEach(async () => h.close());

const revoke = (opts: { body?: unknown; headers?: Record<string, string>; appKey?: string } = {}) =>
  h.call('POST', OC_PATHS.deviceCommandCancelTasks, {
    accessToken,
    body: { deviceId: h.fleet.devices[0] },
    ...opts,
  });

describe('OceanConnect requests refused before any route', () => {
  it.each([
    ['malformed JSON', { body: '{"deviceId":' }],
    ['an empty JSON body', { body: '', headers: { 'content-type': 'application/json' } }],
    ['an unsupported content type', { body: '<deviceId/>', headers: { 'content-type': 'application/xml' } }],
    ['a body over the size limit', { body: JSON.stringify({ deviceId: 'x'.repeat(4096) }) }],
  ])('answers %s with 400 100022, never a crash', async (_name, opts) => {
    const r = await revoke(opts);
    expect([r.status, r.body]).toEqual([400, INVALID]);
  });

  it.each([
    ['GET', '/iocm/app/cmd/v1.4.0/nothing'],
    ['DELETE', OC_PATHS.deviceCommands],
    ['POST', '/iocm/app/cmd/v1.3.0/deviceCommandCancelTasks'],
    ['GET', `${OC_PATHS.deviceCommands}/some-id`],
  ] as const)('answers %s %s (no such API) with 400 100022', async (method, url) => {
    const r = await h.call(method, url, { accessToken });
    expect([r.status, r.body]).toEqual([400, INVALID]);
  });

  it('journals the vendor error code of every answer', async () => {
    await revoke({ body: '{' });
    await h.call('POST', OC_PATHS.deviceCommandCancelTasks, { accessToken, body: { deviceId: 'nobody' } });
    const journal = await h.control('GET', '/journal?vendor=oceanconnect');
    const entries = journal.body.entries as { url: string; status: number; errorCode?: string }[];
    expect(entries.slice(-2).map((e) => [e.status, e.errorCode])).toEqual([
      [400, '100022'],
      [200, '100418'],
    ]);
    expect(entries[0]!.errorCode).toBeUndefined(); // the login
  });
});

describe('OceanConnect injected platform faults', () => {
  it.each([
    ['internal-error', 500, INTERNAL],
    ['congestion', 503, CONGESTION],
  ] as const)(
    'the provider state "%s" answers every call with the documented error',
    async (fault, status, body) => {
      const set = await h.providerState(PLATFORM_FAULT, {
        appId: h.fleet.appId,
        accessToken: 'tok-1',
        fault,
      });
      expect(set.status).toBe(200);
      for (let i = 0; i < 3; i++) {
        const r = await revoke();
        expect([r.status, r.body]).toEqual([status, body]);
      }
      const login = await h.login();
      expect(login.res.statusCode).toBe(status);
    },
  );

  it('the simulator-only fault switch counts calls, filters by application, and layers on the current state', async () => {
    const set = await h.providerState(SIM_FAULTS_STATE, {
      faults: [
        { fault: 'congestion', appId: 'SomeOtherApplication', calls: 5 },
        { fault: 'internal-error', calls: 2 },
      ],
    });
    expect(set.status).toBe(200);
    expect((await revoke()).body).toEqual(INTERNAL);
    expect((await revoke()).body).toEqual(INTERNAL);
    expect((await revoke()).status).toBe(201); // the token from before the switch is still valid: no reset
    await h.providerState(SIM_FAULTS_STATE, { faults: [{ fault: 'congestion' }] });
    expect((await revoke()).body).toEqual(CONGESTION);
    await h.providerState(SIM_FAULTS_STATE, { faults: [] });
    expect((await revoke()).status).toBe(201);
  });

  it('refuses bad fault params', async () => {
    const r = await h.providerState(SIM_FAULTS_STATE, { faults: [{ fault: 'meltdown' }] });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('faults.0.fault');
  });
});

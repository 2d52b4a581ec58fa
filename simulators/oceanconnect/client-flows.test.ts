// The OceanConnect reference client against the simulator over real HTTP on 127.0.0.1: the main flows end to end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBackoff } from '../../clients/common/backoff.ts';
import { OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import type { ClientConfig } from '../../clients/oceanconnect/config.ts';
import type { Result } from '../../contracts/common/problem.ts';
import { buildPlatform, type Platform } from '../platform/server.ts';
import type { Fleet } from './fleet.ts';
import { simulator } from './sim.ts';
import { T0 } from './test-support.ts';

let platform: Platform;
let baseUrl: string;
let fleet: Fleet;
let device: string;

beforeEach(async () => {
  platform = buildPlatform({ frozen: true, startEpochMs: T0, devicesPerVendor: 2 }, [simulator]);
  baseUrl = await platform.listen(0);
  fleet = platform.vendors.get('oceanconnect')!.fleet() as typeof fleet;
  device = fleet.devices[0]!;
});
afterEach(async () => platform.close());

/** Moves platform time and lets the store catch up, as POST /__control/clock does. */
const advance = async (ms: number) => {
  const res = await fetch(`${baseUrl}/__control/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  expect(res.status).toBe(200);
};
const setOnline = async (deviceId: string) => {
  const res = await fetch(`${baseUrl}/__control/devices/oceanconnect/${deviceId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ online: true }),
  });
  expect(res.status).toBe(200);
};

/** A client whose back-off sleeps in platform time: waiting advances the frozen clock instead of the wall clock. */
const client = (extra: Partial<ClientConfig> = {}) =>
  new OceanConnectClient({
    baseUrl,
    credentials: { appId: fleet.appId, secret: fleet.secret },
    backoff: defaultBackoff({ maxRetries: 3, marginMs: 1, now: () => platform.clock.now(), sleep: advance }),
    now: () => platform.clock.now(),
    ...extra,
  });

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r.value;
};

const statuses = async (c: OceanConnectClient) =>
  value(await c.queryCommands({ deviceId: device })).data.map((x) => [x.status, x.canonicalState]);

describe('OceanConnect reference client against the simulator', () => {
  it('create -> PENDING -> revocation task (WAITTING, PENDDING) -> CANCELED, task SUCCESS later', async () => {
    const c = client();
    const a = value(
      await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'M', paras: {} } }),
    );
    const b = value(await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'N' } }));
    expect([a.status, a.canonicalState, b.status]).toEqual(['PENDING', 'PENDING', 'PENDING']);
    const task = value(await c.createRevocationTask({ deviceId: device }));
    expect([task.status, task.totalCount]).toEqual(['WAITTING', 2]);
    expect(task.deviceCommands.map((x) => [x.commandId, x.status, x.canonicalState])).toEqual([
      [a.commandId, 'PENDDING', 'PENDING'],
      [b.commandId, 'PENDDING', 'PENDING'],
    ]);
    expect(await statuses(c)).toEqual([
      ['CANCELED', 'CANCELED'],
      ['CANCELED', 'CANCELED'],
    ]);
    await advance(2000);
    const page = value(await c.queryRevocationTasks({ taskId: task.taskId }));
    expect(page.data.map((t) => [t.status, t.deviceCommands.map((x) => x.status)])).toEqual([
      ['SUCCESS', ['CANCELED', 'CANCELED']],
    ]);
  });

  it('modify cancels one PENDING command and refuses it twice', async () => {
    const c = client();
    const a = value(await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'M' } }));
    expect(value(await c.modifyCommand({ deviceCommandId: a.commandId, status: 'CANCELED' })).status).toBe(
      'CANCELED',
    );
    const again = await c.modifyCommand({ deviceCommandId: a.commandId, status: 'CANCELED' });
    expect(again.ok ? undefined : again.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 400,
      code: '100022',
    });
  });

  it('device online -> SENT -> DELIVERED -> SUCCESSFUL, one command in flight at a time', async () => {
    const c = client();
    value(await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'ONE' } }));
    value(await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'TWO' } }));
    await setOnline(device);
    expect(await statuses(c)).toEqual([
      ['SENT', 'SENT'],
      ['PENDING', 'PENDING'],
    ]);
    await advance(500);
    expect((await statuses(c))[0]).toEqual(['DELIVERED', 'DELIVERED']);
    await advance(1000);
    expect(await statuses(c)).toEqual([
      ['SUCCESSFUL', 'SUCCEEDED'],
      ['SENT', 'SENT'],
    ]);
    await advance(1500);
    expect((await statuses(c))[1]).toEqual(['SUCCESSFUL', 'SUCCEEDED']);
  });

  it('expires a PENDING command at its expireTime', async () => {
    const c = client();
    value(
      await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'M' }, expireTime: 30 }),
    );
    await advance(29_999);
    expect(await statuses(c)).toEqual([['PENDING', 'PENDING']]);
    await advance(1);
    expect(await statuses(c)).toEqual([['EXPIRED', 'EXPIRED']]);
  });

  it('gets 400 100223 for the 21st PENDING command of a device', async () => {
    const c = client();
    for (let i = 0; i < 20; i++)
      value(await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'M' } }));
    const r = await c.createCommand({ deviceId: device, command: { serviceId: 'S', method: 'M' } });
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 400,
      code: '100223',
      message: 'Command counts has reached the upLimit.',
    });
  });

  it('is throttled at 100 calls per minute with the verbatim 403 1010009, backs off to the next window, and goes on', async () => {
    const c = client();
    for (let i = 0; i < 99; i++) value(await c.queryCommands({ pageSize: 1 })); // the login is not counted
    const last = await c.queryCommands({ pageSize: 1 }); // the 100th call: allowed
    expect(last.ok).toBe(true);
    const after = await c.queryCommands({ pageSize: 1 }); // the 101st: throttled, waits, retried
    expect(after.ok).toBe(true);
    // The client waited (in platform time) until the window that opened at T0, a whole minute, had closed.
    expect(platform.clock.now()).toBeGreaterThanOrEqual(T0 + 60_000);
    const journal = platform.journal.since(0, (e) => e.vendor === 'oceanconnect');
    const throttled = journal.filter((e) => e.errorCode === '1010009');
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.status).toBe(403);
    expect(throttled[0]!.responseBody).toBe('{"error_code":"1010009","error_desc":"app throttle exceed."}');
  });

  it('reports throttled after its retries when the window stays exhausted', async () => {
    const c = client({
      backoff: defaultBackoff({ maxRetries: 0, sleep: advance, now: () => platform.clock.now() }),
    });
    for (let i = 0; i < 100; i++) await c.queryCommands({ pageSize: 1 });
    const r = await c.queryCommands({ pageSize: 1 });
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'throttled',
      attempts: 1,
      last: { kind: 'vendor-error', httpStatus: 403, code: '1010009', message: 'app throttle exceed.' },
    });
  });

  it('logs in again once when its token was superseded by another login (only the latest token is valid)', async () => {
    const c = client();
    value(await c.queryCommands());
    const other = client();
    value(await other.login()); // supersedes c's token
    value(await c.queryCommands());
    const logins = platform.journal.since(0, (e) => e.url.startsWith('/iocm/app/sec/')).length;
    const refused = platform.journal.since(0, (e) => e.errorCode === '1010005').length;
    expect([logins, refused]).toEqual([3, 1]);
  });

  it('reports a wrong secret as the vendor error of the login', async () => {
    const c = client({ credentials: { appId: fleet.appId, secret: 'wrong-secret' } });
    const r = await c.queryCommands();
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 403,
      code: '1010005',
    });
  });

  it('reads the HTTP 200 errors as errors: unknown device 100418', async () => {
    const r = await client().createRevocationTask({ deviceId: '00000000-0000-4000-8000-000000000000' });
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 200,
      code: '100418',
    });
  });
});

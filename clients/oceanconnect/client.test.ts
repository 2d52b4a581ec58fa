// The OceanConnect client against a loopback stand-in: login and token reuse, re-login, throttle back-off, requests, results.
import { afterEach, describe, expect, it } from 'vitest';
import { errorBodyOf, findDocumentedError } from '../../contracts/oceanconnect/errors.ts';
import { readFixture } from '../../contracts/oceanconnect/fixtures.ts';
import { defaultBackoff } from '../common/backoff.ts';
import { OceanConnectClient } from './client.ts';
import type { ClientConfig } from './config.ts';
import { type FakePlatform, type Recorded, type Reply, startFakePlatform } from './test-support.ts';

const LOGIN_PATH = '/iocm/app/sec/v1.1.0/login';
const TASKS_PATH = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
const task = readFixture('201-revocation-task.json') as { deviceId: string };
const err = (status: number, code: string): Reply => {
  const row = findDocumentedError(status, code)!;
  return { status, body: errorBodyOf(row) };
};

let platform: FakePlatform | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});

/** A stand-in that issues token-1, token-2, ... on login and answers other calls with `route`. */
const start = async (route: (req: Recorded, call: number) => Reply) => {
  let logins = 0;
  let calls = 0;
  platform = await startFakePlatform((req) => {
    if (req.path === LOGIN_PATH) {
      logins += 1;
      return {
        status: 200,
        body: {
          accessToken: `token-${logins}`,
          tokenType: 'bearer',
          refreshToken: 'r',
          expiresIn: 3600,
          scope: 'default',
        },
      };
    }
    calls += 1;
    return route(req, calls);
  });
  return platform;
};

const clock = () => {
  let now = 1_700_000_000_000;
  const waits: number[] = [];
  return {
    waits,
    advance: (ms: number) => {
      now += ms;
    },
    backoff: (maxRetries = 3) =>
      defaultBackoff({
        maxRetries,
        marginMs: 10,
        now: () => now,
        sleep: async (ms) => {
          waits.push(ms);
          now += ms;
        },
      }),
  };
};

const clientFor = (p: FakePlatform, extra: Partial<ClientConfig> = {}) =>
  new OceanConnectClient({
    baseUrl: `${p.url}/`,
    credentials: { appId: 'app-1', secret: 's3cret' },
    backoff: clock().backoff(0),
    ...extra,
  });

const logins = (p: FakePlatform) => p.requests.filter((r) => r.path === LOGIN_PATH);
const calls = (p: FakePlatform) => p.requests.filter((r) => r.path !== LOGIN_PATH);

describe('OceanConnect client: auth', () => {
  it('logs in with the form, then sends app_key and the bearer token; the token is reused', async () => {
    const p = await start(() => ({ status: 201, body: readFixture('201-revocation-task.json') }));
    const client = clientFor(p);
    expect((await client.createRevocationTask({ deviceId: task.deviceId })).ok).toBe(true);
    expect((await client.createRevocationTask({ deviceId: task.deviceId })).ok).toBe(true);
    expect(logins(p)).toHaveLength(1);
    const login = logins(p)[0]!;
    expect(login.method).toBe('POST');
    expect(login.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({ appId: 'app-1', secret: 's3cret' });
    for (const call of calls(p)) {
      expect(call.headers.app_key).toBe('app-1');
      expect(call.headers.authorization).toBe('Bearer token-1');
      expect(call.headers['content-type']).toBe('application/json');
      expect(JSON.parse(call.body)).toEqual({ deviceId: task.deviceId });
      expect(call.query).toEqual({});
    }
  });

  it('concurrent calls share one login (only the latest token is valid)', async () => {
    const p = await start(() => ({ status: 201, body: readFixture('201-revocation-task.json') }));
    const client = clientFor(p);
    const results = await Promise.all(
      [1, 2, 3].map(() => client.createRevocationTask({ deviceId: task.deviceId })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(logins(p)).toHaveLength(1);
  });

  it('logs in again when the token is about to expire', async () => {
    const p = await start(() => ({ status: 201, body: readFixture('201-revocation-task.json') }));
    const c = clock();
    const client = clientFor(p, { backoff: c.backoff(0), tokenRefreshMarginMs: 60_000 });
    await client.createRevocationTask({ deviceId: task.deviceId });
    c.advance(3_600_000 - 61_000);
    await client.createRevocationTask({ deviceId: task.deviceId });
    expect(logins(p)).toHaveLength(1);
    c.advance(2_000);
    await client.createRevocationTask({ deviceId: task.deviceId });
    expect(logins(p)).toHaveLength(2);
    expect(calls(p).map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('on 403 1010005 it logs in once more and retries once with the new token', async () => {
    const p = await start((req) =>
      req.headers.authorization === 'Bearer stale'
        ? err(403, '1010005')
        : { status: 201, body: readFixture('201-revocation-task.json') },
    );
    const client = clientFor(p, { session: { accessToken: 'stale' } });
    const result = await client.createRevocationTask({ deviceId: task.deviceId });
    expect(result.ok).toBe(true);
    expect(logins(p)).toHaveLength(1);
    expect(calls(p).map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer token-1']);
  });

  it('re-logs in only once: a second 1010005 is returned', async () => {
    const p = await start(() => err(403, '1010005'));
    const result = await clientFor(p).createRevocationTask({ deviceId: task.deviceId });
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 403,
      code: '1010005',
    });
    expect(logins(p)).toHaveLength(2);
    expect(calls(p)).toHaveLength(2);
  });

  it('does not re-login when told not to', async () => {
    const p = await start(() => err(403, '1010005'));
    const client = clientFor(p, { session: { accessToken: 'stale' }, reloginOnInvalidToken: false });
    const result = await client.createRevocationTask({ deviceId: task.deviceId });
    expect(result.ok ? undefined : result.problem).toMatchObject({ code: '1010005' });
    expect(logins(p)).toHaveLength(0);
  });

  it('a refused login is the call result', async () => {
    platform = await startFakePlatform(() => ({
      status: 400,
      body: { error_code: '100208', error_desc: 'AppId or secret is not right.' },
    }));
    const result = await clientFor(platform).createRevocationTask({ deviceId: task.deviceId });
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 400,
      code: '100208',
    });
    expect(platform.requests).toHaveLength(1);
  });
});

describe('OceanConnect client: throttle back-off (403 1010009)', () => {
  it('waits for the next window and retries until it passes', async () => {
    const p = await start((_req, n) =>
      n <= 2 ? err(403, '1010009') : { status: 201, body: readFixture('201-revocation-task.json') },
    );
    const c = clock();
    const result = await clientFor(p, { backoff: c.backoff(3) }).createRevocationTask({
      deviceId: task.deviceId,
    });
    expect(result.ok).toBe(true);
    expect(calls(p)).toHaveLength(3);
    expect(c.waits).toHaveLength(2);
    // The first throttle comes in the window the call opened: wait the rest of the 60 s window plus the margin.
    expect(c.waits[0]).toBe(60_000 + 10);
  });

  it('is bounded: after maxRetries it reports throttled with the last vendor error', async () => {
    const p = await start(() => err(403, '1010009'));
    const c = clock();
    const result = await clientFor(p, { backoff: c.backoff(2) }).createRevocationTask({
      deviceId: task.deviceId,
    });
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: 'throttled',
        vendor: 'oceanconnect',
        attempts: 3,
        last: {
          kind: 'vendor-error',
          vendor: 'oceanconnect',
          httpStatus: 403,
          code: '1010009',
          message: 'app throttle exceed.',
          body: errorBodyOf(findDocumentedError(403, '1010009')!),
        },
      },
    });
    expect(calls(p)).toHaveLength(3);
    expect(c.waits).toHaveLength(2);
  });

  it('follows a simulator time scale', async () => {
    const p = await start((_req, n) =>
      n === 1 ? err(403, '1010009') : { status: 201, body: readFixture('201-revocation-task.json') },
    );
    const c = clock();
    const backoff = { ...c.backoff(1), timeScale: 60 };
    expect((await clientFor(p, { backoff }).createRevocationTask({ deviceId: task.deviceId })).ok).toBe(true);
    expect(c.waits).toEqual([1_000 + 10]);
  });

  it('does not retry other errors, HTTP 200 errors included', async () => {
    const p = await start(() => err(200, '100418'));
    const c = clock();
    const result = await clientFor(p, { backoff: c.backoff(3) }).createRevocationTask({
      deviceId: task.deviceId,
    });
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 200,
      code: '100418',
      message: 'The deviceData is not existed.',
    });
    expect(calls(p)).toHaveLength(1);
    expect(c.waits).toEqual([]);
  });
});

describe('OceanConnect client: requests and results', () => {
  it('revocation results carry the canonical state beside the vendor spelling', async () => {
    const p = await start(() => ({ status: 201, body: readFixture('201-revocation-task.json') }));
    const result = await clientFor(p).createRevocationTask({ deviceId: task.deviceId });
    if (!result.ok) throw new Error('expected success');
    expect(result.value.status).toBe('WAITTING');
    expect(result.value.deviceCommands.map((c) => [c.status, c.canonicalState])).toEqual([
      ['PENDDING', 'PENDING'],
      ['PENDDING', 'PENDING'],
    ]);
  });

  it('reads a corrected spelling (WAITING, PENDING) without breaking', async () => {
    const fixed = structuredClone(readFixture('201-revocation-task.json')) as {
      status: string;
      deviceCommands: { status: string }[];
    };
    fixed.status = 'WAITING';
    for (const c of fixed.deviceCommands) c.status = 'PENDING';
    const p = await start(() => ({ status: 201, body: fixed }));
    const result = await clientFor(p).createRevocationTask({ deviceId: task.deviceId });
    if (!result.ok) throw new Error('expected success');
    expect(result.value.status).toBe('WAITTING');
    expect(result.value.deviceCommands.map((c) => c.canonicalState)).toEqual(['PENDING', 'PENDING']);
  });

  it('sends ?appId= only when asked, and encodes the command id in the path', async () => {
    const p = await start((req) =>
      req.method === 'PUT'
        ? { status: 200, body: readFixture('200-modify-command-canceled.json') }
        : { status: 201, body: readFixture('201-revocation-task.json') },
    );
    const client = clientFor(p);
    await client.createRevocationTask({ deviceId: task.deviceId, appId: 'other-app' });
    const modified = await client.modifyCommand({ deviceCommandId: 'c#1', status: 'CANCELED' });
    expect(modified.ok && [modified.value.status, modified.value.canonicalState]).toEqual([
      'CANCELED',
      'CANCELED',
    ]);
    const [revoke, modify] = calls(p);
    expect(revoke!.query).toEqual({ appId: 'other-app' });
    expect(modify!.path).toBe('/iocm/app/cmd/v1.4.0/deviceCommands/c%231');
    expect(modify!.query).toEqual({});
    expect(JSON.parse(modify!.body)).toEqual({ status: 'CANCELED' });
  });

  it('queries send their filters as query parameters and read both page forms', async () => {
    const p = await start((req) =>
      req.path === TASKS_PATH
        ? { status: 200, body: readFixture('200-query-revocation-tasks-flat-variant.json') }
        : { status: 200, body: readFixture('200-query-commands.json') },
    );
    const client = clientFor(p);
    const tasks = await client.queryRevocationTasks({
      deviceId: 'd',
      status: 'WAITTING',
      pageNo: 0,
      pageSize: 10,
      startTime: '20240301T000000Z',
    });
    const commands = await client.queryCommands({
      deviceId: 'd',
      pageSize: 1000,
      endTime: '20240310T000000Z',
    });
    expect(tasks.ok && tasks.value.pagination).toEqual({ pageNo: 0, pageSize: 10, totalSize: 2 });
    expect(commands.ok && commands.value.data.map((c) => c.canonicalState)).toEqual(['PENDING', 'SUCCEEDED']);
    expect(calls(p).map((r) => r.query)).toEqual([
      { deviceId: 'd', status: 'WAITTING', pageNo: '0', pageSize: '10', startTime: '20240301T000000Z' },
      { deviceId: 'd', pageSize: '1000', endTime: '20240310T000000Z' },
    ]);
  });

  it('create command sends the body as given and reads the PENDING command', async () => {
    const p = await start(() => ({ status: 201, body: readFixture('201-create-command.json') }));
    const input = {
      deviceId: 'd',
      command: { serviceId: 'Switch', method: 'SET_STATE', paras: { state: 'OFF' } },
      expireTime: 0,
    };
    const result = await clientFor(p).createCommand(input);
    expect(result.ok && result.value.canonicalState).toBe('PENDING');
    expect(JSON.parse(calls(p)[0]!.body)).toEqual(input);
  });

  it('contract probes: no app_key header; input the schema refuses', async () => {
    const p = await start(() => err(500, '100220'));
    const client = clientFor(p, { session: { accessToken: 'token-0' } });
    const noKey = await client.createRevocationTask({ deviceId: 'd' }, { probe: { omitAppKey: true } });
    expect(noKey.ok ? undefined : noKey.problem).toMatchObject({ httpStatus: 500, code: '100220' });
    expect(calls(p)[0]!.headers.app_key).toBeUndefined();
    expect(calls(p)[0]!.headers.authorization).toBe('Bearer token-0');
    await client.createRevocationTask({ deviceId: 'x'.repeat(65) }, { probe: { skipInputValidation: true } });
    expect(JSON.parse(calls(p)[1]!.body)).toEqual({ deviceId: 'x'.repeat(65) });
    expect(calls(p)[1]!.headers.app_key).toBe('app-1');
  });

  it('an unreachable platform is a transport problem', async () => {
    const p = await startFakePlatform(() => ({ status: 200 }));
    const url = p.url;
    await p.close();
    const client = new OceanConnectClient({
      baseUrl: url,
      credentials: { appId: 'app-1', secret: 's' },
      session: { accessToken: 't' },
      backoff: clock().backoff(0),
    });
    const result = await client.createRevocationTask({ deviceId: 'd' });
    expect(result.ok ? undefined : result.problem.kind).toBe('transport');
  });
});

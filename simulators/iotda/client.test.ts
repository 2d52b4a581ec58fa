// The reference IoTDA client against the simulator over real HTTP: lifecycle, expiry, cap, offline, AK/SK, auth failures, back-off.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, iotdaBackoff } from '../../clients/iotda/client.ts';
import type { Problem, Result } from '../../contracts/common/problem.ts';
import type { IotdaCredentials } from '../../contracts/iotda/requests.ts';
import { setupSim } from './test-support.ts';

const running: ReturnType<typeof setupSim>[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.platform.close();
});

/** A simulator listening on 127.0.0.1 and the reference client pointed at it (back-off waits move the sim clock). */
const start = async (config: Parameters<typeof setupSim>[0] = {}, credentials?: IotdaCredentials) => {
  const s = setupSim(config);
  running.push(s);
  const baseUrl = await s.platform.listen(0);
  const clock = s.platform.clock;
  const client = createClient({
    baseUrl,
    projectId: s.fleet.projectId,
    credentials: credentials ?? { kind: 'token', token: s.fleet.authToken },
    backoff: iotdaBackoff({
      windowMs: 60_000,
      maxRetries: 1,
      now: () => clock.now(),
      sleep: async (ms) => {
        clock.advance(ms);
      },
    }),
  });
  return { s, client };
};

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r.value;
};
const problem = <T>(r: Result<T>): Problem => {
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r.problem;
};

const DELAY = {
  service_id: 'ValveControl',
  command_name: 'SET_VALVE',
  paras: { valve: 'CLOSE' },
  send_strategy: 'delay',
} as const;

describe('reference client against the IoTDA simulator', () => {
  it('create -> PENDING -> device online -> SENT -> DELIVERED -> SUCCEEDED', async () => {
    const { s, client } = await start({
      deviceBehaviour: { ackDelayMs: 500, responseDelayMs: 1_000, result: { ok: 1 } },
    });
    const created = value(await client.createAsyncCommand({ device_id: s.device, ...DELAY }));
    expect([created.status, created.canonicalState]).toEqual(['PENDING', 'PENDING']);
    const show = () => client.showAsyncCommand({ device_id: s.device, command_id: created.command_id });
    expect(value(await show()).canonicalState).toBe('PENDING');
    await s.setOnline(true);
    expect(value(await show()).canonicalState).toBe('SENT');
    await s.advance(500);
    expect(value(await show()).canonicalState).toBe('DELIVERED');
    await s.advance(1_000);
    const done = value(await show());
    expect([done.status, done.canonicalState, done.result]).toEqual(['SUCCESSFUL', 'SUCCEEDED', { ok: 1 }]);
    const history = value(await client.listAsyncHistoryCommands({ device_id: s.device }));
    expect(history.commands.map((c) => c.canonicalState)).toEqual(['SUCCEEDED']);
  });

  it('a delay command expires at its TTL and moves from the queue to the history', async () => {
    const { s, client } = await start();
    const created = value(
      await client.createAsyncCommand({ device_id: s.device, ...DELAY, expire_time: 30 }),
    );
    expect(value(await client.listAsyncCommands({ device_id: s.device })).page.count).toBe(1);
    await s.advance(30_000);
    const shown = value(
      await client.showAsyncCommand({ device_id: s.device, command_id: created.command_id }),
    );
    expect([shown.status, shown.canonicalState]).toEqual(['EXPIRED', 'EXPIRED']);
    expect(value(await client.listAsyncCommands({ device_id: s.device })).commands).toEqual([]);
    expect(
      value(await client.listAsyncHistoryCommands({ device_id: s.device, status: 'EXPIRED' })).commands,
    ).toHaveLength(1);
  });

  it('the 21st PENDING command and an immediately command to an offline device are vendor errors', async () => {
    const { s, client } = await start();
    for (let i = 0; i < 20; i++) value(await client.createAsyncCommand({ device_id: s.device, ...DELAY }));
    expect(problem(await client.createAsyncCommand({ device_id: s.device, ...DELAY }))).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 400,
      code: 'IOTDA.000006',
    });
    expect(
      problem(
        await client.createAsyncCommand({ device_id: s.device, paras: {}, send_strategy: 'immediately' }),
      ),
    ).toMatchObject({ kind: 'vendor-error', httpStatus: 403, code: 'IOTDA.014016' });
  });

  it('pages through the queue with the marker the simulator returns', async () => {
    const { s, client } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(value(await client.createAsyncCommand({ device_id: s.device, ...DELAY })).command_id);
    const first = value(await client.listAsyncCommands({ device_id: s.device, limit: 4 }));
    const second = value(
      await client.listAsyncCommands({ device_id: s.device, limit: 4, marker: first.page.marker! }),
    );
    expect([...first.commands, ...second.commands].map((c) => c.command_id)).toEqual(ids);
  });

  it('signs with AK/SK (the client sets host to what it signs) and the simulator verifies it', async () => {
    const s0 = setupSim();
    const { s, client } = await start({}, { kind: 'aksk', ak: s0.fleet.ak, sk: s0.fleet.sk });
    const created = value(await client.createAsyncCommand({ device_id: s.device, ...DELAY }));
    expect(
      value(await client.showAsyncCommand({ device_id: s.device, command_id: created.command_id })).status,
    ).toBe('PENDING');
  });

  it('auth failures are 401 IOTDA.000002 vendor errors: a wrong token, a wrong SK', async () => {
    const s0 = setupSim();
    const badToken = await start({}, { kind: 'token', token: 'MIIwrong' });
    expect(problem(await badToken.client.listAsyncCommands({ device_id: badToken.s.device }))).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 401,
      code: 'IOTDA.000002',
      message: 'Authentication failed.',
    });
    const badSk = await start({}, { kind: 'aksk', ak: s0.fleet.ak, sk: 'not-the-secret' });
    expect(problem(await badSk.client.listAsyncCommands({ device_id: badSk.s.device }))).toMatchObject({
      httpStatus: 401,
      code: 'IOTDA.000002',
    });
  });

  it('throttled at 100/min: the client waits for the next window and its retry succeeds', async () => {
    const { s, client } = await start({
      throttle: { iotda: { enabled: true, limit: 100, windowMs: 60_000 } },
    });
    for (let i = 0; i < 100; i++) value(await client.listAsyncCommands({ device_id: s.device }));
    const before = s.platform.clock.now();
    value(await client.listAsyncCommands({ device_id: s.device }));
    expect(s.platform.clock.now() - before).toBeGreaterThanOrEqual(60_000 - (before % 60_000));
    const journal = await s.control('GET', '/journal?vendor=iotda');
    const codes = (journal.body.entries as { errorCode?: string }[]).map((e) => e.errorCode).filter(Boolean);
    expect(codes).toEqual(['APIG.0308']);
  });

  it('throttled with no retries left: a throttled problem carrying the verbatim APIG.0308 answer', async () => {
    const { s, client } = await start({ throttle: { iotda: { enabled: true, limit: 1, windowMs: 60_000 } } });
    value(await client.listAsyncCommands({ device_id: s.device }));
    const p = problem(
      await createClient({
        baseUrl: `http://127.0.0.1:${(s.platform.app.server.address() as { port: number }).port}`,
        projectId: s.fleet.projectId,
        credentials: { kind: 'token', token: s.fleet.authToken },
        backoff: iotdaBackoff({ maxRetries: 0 }),
      }).listAsyncCommands({ device_id: s.device }),
    );
    expect(p).toMatchObject({
      kind: 'throttled',
      attempts: 1,
      last: {
        kind: 'vendor-error',
        httpStatus: 429,
        code: 'APIG.0308',
        message:
          'The throttling threshold has been reached: policy user over ratelimit,limit:1,time:1 minute',
      },
    });
  });
});

// The EnOS reference client against the simulator over real HTTP on 127.0.0.1: the main flows end to end, in frozen platform time.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type EnosClient } from '../../clients/enos/client.ts';
import { staticTokenSource } from '../../clients/enos/token.ts';
import type { Result } from '../../contracts/common/problem.ts';
import type { SimConfigInput } from '../platform/config.ts';
import { startEnos } from './test-support.ts';

type World = {
  sim: ReturnType<typeof startEnos>;
  base: string;
  client: EnosClient;
  control: (method: 'POST' | 'PUT', path: string, body: unknown) => Promise<unknown>;
};
let w: World | undefined;
afterEach(async () => {
  await w?.sim.close();
  w = undefined;
});

const start = async (config: SimConfigInput = {}, token?: string): Promise<World> => {
  const sim = startEnos(config);
  const base = await sim.platform.listen();
  const client = createClient({
    baseUrl: base,
    credentials: { appKey: sim.fleet.appKey, appSecret: sim.fleet.appSecret },
    now: () => sim.platform.clock.now(),
    ...(token ? { tokenSource: staticTokenSource(token) } : {}),
  });
  const control = async (method: 'POST' | 'PUT', path: string, body: unknown) => {
    const res = await request(`${base}/__control${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.body.json();
  };
  w = { sim, base, client, control };
  return w;
};

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r.value;
};

describe('the reference client against the EnOS simulator', () => {
  it('create -> pending -> cancel -> 2 Canceled (the cancel answer is the state-1 snapshot)', async () => {
    const { client, sim } = await start();
    const device = { orgId: sim.fleet.orgId, assetId: sim.device.assetId };
    const { commandId } = value(
      await client.setMeasurepoint({ ...device, measurepointId: 'Int_value', pendingTtl: 600, value: 222 }),
    ).data;
    expect(value(await client.get({ ...device, commandId })).data).toMatchObject({
      state: 1,
      canonicalState: 'PENDING',
    });
    const cancelled = value(await client.cancel({ ...device, commandId })).data;
    expect(cancelled.map((c) => [c.commandId, c.state, c.canonicalState])).toEqual([
      [commandId, 1, 'CANCELED'],
    ]);
    expect(value(await client.get({ ...device, commandId })).data).toMatchObject({
      state: 2,
      canonicalState: 'CANCELED',
    });
  });

  it('device online -> SENT -> (DELIVERED, still 4) -> SUCCEEDED with outputData, through the control API', async () => {
    const { client, sim, control } = await start({
      deviceBehaviour: { ackDelayMs: 500, responseDelayMs: 1000, result: { service_output: 1.5 } },
    });
    const device = {
      orgId: sim.fleet.orgId,
      productKey: sim.device.productKey,
      deviceKey: sim.device.deviceKey,
    };
    const { commandId } = value(
      await client.invokeService({ ...device, serviceId: 'svc', pendingTtl: 600, inputData: { a: 1 } }),
    ).data;
    await control(
      'PUT',
      `/devices/enos/${encodeURIComponent(`${sim.device.productKey}/${sim.device.deviceKey}`)}`,
      { online: true },
    );
    const state = async () => value(await client.get({ ...device, commandId })).data;
    expect(await state()).toMatchObject({ state: 4, canonicalState: 'SENT' });
    await control('POST', '/clock', { advanceMs: 500 });
    expect((await state()).state).toBe(4);
    await control('POST', '/clock', { advanceMs: 1000 });
    expect(await state()).toMatchObject({
      state: 5,
      canonicalState: 'SUCCEEDED',
      outputData: { service_output: 1.5 },
    });
  });

  it('expiry at the TTL: 1 until the last millisecond, then 3 Expired', async () => {
    const { client, sim, control } = await start();
    const device = { orgId: sim.fleet.orgId, assetId: sim.device.assetId };
    const { commandId } = value(
      await client.setMeasurepoint({ ...device, measurepointId: 'm', pendingTtl: 30, value: 1 }),
    ).data;
    await control('POST', '/clock', { advanceMs: 29_999 });
    expect(value(await client.get({ ...device, commandId })).data.state).toBe(1);
    await control('POST', '/clock', { advanceMs: 1 });
    expect(value(await client.get({ ...device, commandId })).data).toMatchObject({
      state: 3,
      canonicalState: 'EXPIRED',
    });
  });

  it('the cap: 50 cached commands, the 51st is a vendor error 11902; cancel-all then empties the cache', async () => {
    const { client, sim } = await start();
    const device = { orgId: sim.fleet.orgId, assetId: sim.device.assetId };
    for (let i = 0; i < 50; i++)
      value(await client.setMeasurepoint({ ...device, measurepointId: 'm', pendingTtl: 600, value: i }));
    const refused = await client.setMeasurepoint({
      ...device,
      measurepointId: 'm',
      pendingTtl: 600,
      value: 50,
    });
    expect(refused.ok ? undefined : refused.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 200,
      code: '11902',
    });
    expect(value(await client.cancel(device)).data).toHaveLength(50);
    expect(value(await client.cancel(device)).data).toEqual([]);
  });

  it('throttle at 100 per minute: the 101st call is the verbatim 99429 error, the next minute is open again', async () => {
    const { client, sim, control } = await start({ throttle: { enos: { enabled: true } } });
    const device = { orgId: sim.fleet.orgId, assetId: sim.device.assetId };
    for (let i = 0; i < 100; i++) value(await client.cancel(device));
    const r = await client.cancel(device);
    expect(r.ok ? undefined : r.problem).toEqual({
      kind: 'vendor-error',
      vendor: 'enos',
      httpStatus: 200,
      code: '99429',
      message: `Too Many Requests: application ${sim.fleet.appKey} exceeded 100 calls per 60000 ms`,
      body: expect.objectContaining({ code: 99429, data: null }),
    });
    await control('POST', '/clock', { advanceMs: 60_000 });
    expect((await client.cancel(device)).ok).toBe(true);
  });

  it('auth failures: a wrong appSecret is refused by the token service (1003); a foreign token gives 1203', async () => {
    const { sim, base } = await start();
    const wrong = createClient({
      baseUrl: base,
      credentials: { appKey: sim.fleet.appKey, appSecret: 'not-the-secret' },
      now: () => sim.platform.clock.now(),
    });
    const token = await wrong.getToken();
    expect(token.ok ? undefined : token.problem).toMatchObject({ kind: 'vendor-error', code: '1003' });
    const foreign = createClient({
      baseUrl: base,
      credentials: { appKey: sim.fleet.appKey, appSecret: sim.fleet.appSecret },
      tokenSource: staticTokenSource('made-up-token'),
      now: () => sim.platform.clock.now(),
    });
    const r = await foreign.cancel({ orgId: sim.fleet.orgId, assetId: sim.device.assetId });
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'vendor-error',
      code: '1203',
      message: 'The access token has expired.',
    });
  });

  it('an expired token (1203) makes the client fetch a new one once, and the call succeeds', async () => {
    const { client, sim, control } = await start();
    const device = { orgId: sim.fleet.orgId, assetId: sim.device.assetId };
    value(await client.cancel(device));
    await control('POST', '/clock', { advanceMs: 7_200_000 });
    // the client believes the token is good for another 60 s margin: the platform says 1203, the client renews
    expect(value(await client.cancel(device)).data).toEqual([]);
    const tokenCalls = sim.platform.journal.since(0).filter((e) => e.url.startsWith('/apim-token-service'));
    expect(tokenCalls).toHaveLength(2);
  });
});

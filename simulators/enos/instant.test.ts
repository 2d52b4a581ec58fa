// Instant invokeService answers once the device has: outputData, FAILED's result, 11915 on timeout; at once when it cannot wait.
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS_PATH } from '../../contracts/enos/requests.ts';
import { InvokeServiceResponseStrict } from '../../contracts/enos/responses.ts';
import { apimHeaders } from '../../contracts/enos/signing.ts';
import { startEnos } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

/** A running clock, 1,000 platform ms per wall ms, so device delays of seconds take milliseconds here. */
const RUNNING = { frozen: false, timeScale: 1_000 } as const;

const instant = (s: Sim, timeout?: number) =>
  s.call(
    'POST',
    { action: 'invokeService', ...s.byAsset, serviceId: 'reboot', pendingTtl: 0, timeout },
    { inputData: { delay: 1 } },
  );
const stateOf = async (s: Sim, commandId: string) =>
  ((await s.call('GET', { action: 'get', ...s.byAsset, commandId })).body.data as { state: number }).state;

describe('instant invokeService', () => {
  it("waits for the device and answers its result as outputData, as the vendor's sample does", async () => {
    sim = startEnos({
      ...RUNNING,
      deviceBehaviour: { ackDelayMs: 2_000, responseDelayMs: 3_000, result: { service_output: 1.5 } },
    });
    sim.online(sim.device.assetId);
    const r = await instant(sim);
    const answeredAt = sim.platform.clock.now();
    expect(r.body).toMatchObject({
      code: 0,
      data: { commandId: expect.stringMatching(/^\d{19}$/), outputData: { service_output: 1.5 } },
    });
    expect(InvokeServiceResponseStrict.safeParse(r.body).success).toBe(true);
    const { commandId } = r.body.data as { commandId: string };
    expect(await stateOf(sim, commandId)).toBe(5);
    // Answered after the device's 2 s ack and 3 s response; journalled at its arrival (what the throttle decided on).
    const got = await sim.call('GET', { action: 'get', ...sim.byAsset, commandId });
    const createdAt = (got.body.data as { createTime: number }).createTime;
    expect(answeredAt - createdAt).toBeGreaterThanOrEqual(5_000);
    const journalled = sim.platform.journal.since(0).find((e) => e.url.includes('invokeService'));
    expect(journalled?.at).toBeLessThanOrEqual(createdAt);
  });

  it('a device that answers with a failure: code 0, its failure result as outputData, the command 6 Failed', async () => {
    sim = startEnos({
      ...RUNNING,
      deviceBehaviour: {
        ackDelayMs: 100,
        responseDelayMs: 100,
        failureRatio: 1,
        failureResult: { err: 'E1' },
      },
    });
    sim.online(sim.device.assetId);
    const r = await instant(sim);
    expect(r.body).toMatchObject({ code: 0, data: { outputData: { err: 'E1' } } });
    expect(await stateOf(sim, (r.body.data as { commandId: string }).commandId)).toBe(6);
  });

  it('a silent device: 11915 once `timeout` seconds have passed in platform time, the command 7', async () => {
    sim = startEnos({ ...RUNNING, deviceBehaviour: { silent: true } });
    sim.online(sim.device.assetId);
    const before = sim.platform.clock.now();
    const r = await instant(sim, 5);
    expect(r.body).toMatchObject({
      code: 11915,
      msg: 'The command is sent, but the response timed out.',
      data: null,
    });
    expect(sim.platform.clock.now() - before).toBeGreaterThanOrEqual(5_000);
    const search = await sim.call('POST', { action: 'search', ...sim.byAsset }, {});
    const states = (search.body.data as { state: number }[]).map((c) => c.state);
    expect(states).toEqual([7]);
  });

  it('with a frozen clock nothing could end the wait: the commandId comes at once, the command 4 Released', async () => {
    sim = startEnos({ deviceBehaviour: { result: { out: 1 } } });
    sim.online(sim.device.assetId);
    const r = await instant(sim);
    expect(r.body).toMatchObject({ code: 0 });
    expect(r.body.data).toEqual({ commandId: expect.stringMatching(/^\d{19}$/) });
    expect(await stateOf(sim, (r.body.data as { commandId: string }).commandId)).toBe(4);
  });

  it('setMeasurepoint and cached commands answer at once with the commandId alone', async () => {
    sim = startEnos({ ...RUNNING, deviceBehaviour: { silent: true } });
    sim.online(sim.device.assetId);
    const set = await sim.call(
      'POST',
      { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'mp', pendingTtl: 0 },
      { value: 1 },
    );
    expect(set.body.data).toEqual({ commandId: expect.any(String) });
    const cached = await sim.call(
      'POST',
      { action: 'invokeService', ...sim.byAsset, serviceId: 's', pendingTtl: 600 },
      { inputData: {} },
    );
    expect(cached.body.data).toEqual({ commandId: expect.any(String) });
  });

  it('a caller that goes away ends the wait (the answer is not held for the full timeout)', async () => {
    sim = startEnos({ frozen: false, timeScale: 1, deviceBehaviour: { silent: true } });
    sim.online(sim.device.assetId);
    const base = await sim.platform.listen(0);
    const accessToken = await sim.token();
    const query = { action: 'invokeService', ...sim.byAsset, serviceId: 's', pendingTtl: '0', timeout: '60' };
    const bodyText = JSON.stringify({ inputData: {} });
    const headers = {
      ...apimHeaders({
        accessToken,
        query,
        bodyText,
        timestamp: sim.platform.clock.now(),
        appSecret: sim.fleet.appSecret,
      }),
      'content-type': 'application/json',
    };
    const call = request(`${base}${COMMANDS_PATH}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers,
      body: bodyText,
      signal: AbortSignal.timeout(200),
    });
    await expect(call).rejects.toThrow();
    // The handler returns soon after the abort (its journal entry appears), not after the 60 s response timeout.
    const answered = () => sim.platform.journal.since(0).some((e) => e.url.includes('invokeService'));
    for (let i = 0; i < 40 && !answered(); i++) await sleep(50);
    expect(answered()).toBe(true);
  });
});

// The EnOS provider states in the simulator: each state of the pact, its params checked, commands seeded at the right times.
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP,
  CACHED_MP,
  CACHED_SERVICE,
  DEVICE,
  RELEASED,
  SENT_OK,
  UNKNOWN_ORG_ID,
} from '../../contracts/enos/pact-bodies.ts';
import { type CommandSeed, ENOS_STATES } from '../../contracts/enos/provider-states.ts';
import { TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { tokenEncryption } from '../../contracts/enos/signing.ts';
import { startEnos } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

const deviceState = (commands: CommandSeed[], online = false) => ({ app: APP, ...DEVICE, online, commands });
const asApp = { accessToken: APP.accessToken, appSecret: APP.appSecret };
const byAsset = { orgId: DEVICE.orgId, assetId: DEVICE.assetId };

/** A frozen platform at a time that agrees with the pact's createTimes (the newest, RELEASED, plus 100 s). */
const AT_PACT_TIME = RELEASED.createTime + 100_000;

describe('EnOS provider states', () => {
  it('refuse an unknown state and bad params, saying why', () => {
    sim = startEnos();
    const unknown = sim.sim.providerState('a device is on fire', {});
    expect(unknown).toMatchObject({
      ok: false,
      message: expect.stringMatching(/unknown EnOS provider state/),
    });
    const bad = sim.sim.providerState(ENOS_STATES.deviceCommands, { app: APP });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/^bad params: .*orgId/) });
    expect(sim.sim.providerState(ENOS_STATES.application, {})).toMatchObject({ ok: false });
  });

  it('application: the token service hands out the pinned token with the pinned expire', async () => {
    sim = startEnos();
    expect(sim.sim.providerState(ENOS_STATES.application, { app: { ...APP, expire: 600 } })).toEqual({
      ok: true,
    });
    const r = await sim.inject({
      method: 'POST',
      url: TOKEN_PATH,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        appKey: APP.appKey,
        encryption: tokenEncryption(APP.appKey, 1, APP.appSecret),
        timestamp: 1,
      }),
    });
    expect(r.body).toMatchObject({ status: 0, data: { accessToken: APP.accessToken, expire: 600 } });
  });

  it('unknown organisation: the app holds a live token, the org answers 99400; a fleet org is refused', async () => {
    sim = startEnos();
    expect(
      sim.sim.providerState(ENOS_STATES.unknownOrganisation, { app: APP, orgId: UNKNOWN_ORG_ID }),
    ).toEqual({
      ok: true,
    });
    const r = await sim.call(
      'POST',
      { action: 'cancel', orgId: UNKNOWN_ORG_ID, assetId: DEVICE.assetId },
      undefined,
      asApp,
    );
    expect([r.body.code, r.body.msg]).toEqual([99400, 'Invalid Argument orgId:  orgId does not exist']);
    expect(
      sim.sim.providerState(ENOS_STATES.unknownOrganisation, { app: APP, orgId: sim.fleet.orgId }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('device commands: every state as given, times kept when they agree with the clock', async () => {
    sim = startEnos({ startEpochMs: AT_PACT_TIME });
    const commands = [CACHED_MP, CACHED_SERVICE, SENT_OK, RELEASED];
    expect(sim.sim.providerState(ENOS_STATES.deviceCommands, deviceState(commands))).toEqual({ ok: true });
    const r = await sim.call('POST', { action: 'search', ...byAsset }, undefined, asApp);
    const data = r.body.data as {
      commandId: string;
      state: number;
      createTime: number;
      inputData: unknown;
    }[];
    expect(data.map((c) => [c.commandId, c.state, c.createTime, c.inputData])).toEqual(
      [...commands].reverse().map((c) => [c.commandId, c.state, c.createTime, c.inputData]),
    );
  });

  it('device commands: a later clock shifts the list so the newest was created now; cached ones stay cancellable', async () => {
    sim = startEnos(); // 2026: the pact's 2023 commands would long be expired
    expect(
      sim.sim.providerState(ENOS_STATES.deviceCommands, deviceState([CACHED_MP, CACHED_SERVICE, SENT_OK])),
    ).toEqual({
      ok: true,
    });
    const now = sim.platform.clock.now();
    const r = await sim.call('POST', { action: 'cancel', ...byAsset }, undefined, asApp);
    const data = r.body.data as { commandId: string; state: number; createTime: number }[];
    expect(data.map((c) => [c.commandId, c.state, c.createTime])).toEqual([
      [CACHED_MP.commandId, 1, now - (SENT_OK.createTime - CACHED_MP.createTime)],
      [CACHED_SERVICE.commandId, 1, now - (SENT_OK.createTime - CACHED_SERVICE.createTime)],
    ]);
    const sent = await sim.call(
      'POST',
      { action: 'cancel', ...byAsset, commandId: SENT_OK.commandId },
      undefined,
      asApp,
    );
    expect(sent.body.code).toBe(11905);
  });

  it('device commands: a cached command that cannot be alive is refused; so is a device of the fleet', () => {
    sim = startEnos();
    const stale = { ...CACHED_SERVICE, createTime: SENT_OK.createTime - 700_000 }; // pendingTtl 600 s
    expect(sim.sim.providerState(ENOS_STATES.deviceCommands, deviceState([stale, SENT_OK]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/pendingTtl has elapsed/),
    });
    const d = sim.fleet.devices[0]!;
    const clash = { ...deviceState([]), orgId: sim.fleet.orgId, assetId: d.assetId };
    expect(sim.sim.providerState(ENOS_STATES.deviceCommands, clash)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/collides with a device of the fleet/),
    });
  });

  it('device commands online: the oldest cached command goes out at once (4 Released)', async () => {
    sim = startEnos({ startEpochMs: AT_PACT_TIME });
    expect(sim.sim.providerState(ENOS_STATES.deviceCommands, deviceState([CACHED_MP], true))).toEqual({
      ok: true,
    });
    const r = await sim.call(
      'GET',
      { action: 'get', ...byAsset, commandId: CACHED_MP.commandId },
      undefined,
      asApp,
    );
    expect((r.body.data as { state: number }).state).toBe(4);
  });

  it('a provider state starts from a reset simulator: earlier commands and tokens are gone, the fleet is back', async () => {
    sim = startEnos();
    const token = await sim.token();
    await sim.cache();
    expect(sim.sim.providerState(ENOS_STATES.application, { app: APP })).toEqual({ ok: true });
    expect(sim.sim.store.stats()).toMatchObject({ devices: 3, commands: 0 });
    const r = await sim.call('GET', { action: 'cancel', ...sim.byAsset }, undefined, { accessToken: token });
    expect(r.body.code).toBe(1203);
  });
});

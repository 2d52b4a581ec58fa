// The EnOS default fleet: derived from the seed alone, offline with the configured behaviour, restored by reset, found by id.
import { afterEach, describe, expect, it } from 'vitest';
import { fleetPlan } from './fleet.ts';
import { startEnos } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

describe('EnOS fleet', () => {
  it('is the same for the same seed, different for another, with the vendor id shapes', () => {
    expect(fleetPlan(7, 5)).toEqual(fleetPlan(7, 5));
    expect(fleetPlan(8, 5).appKey).not.toBe(fleetPlan(7, 5).appKey);
    const plan = fleetPlan(7, 5);
    expect(plan.orgId).toMatch(/^o\d{14}$/);
    expect(plan.appKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(plan.devices.map((d) => d.assetId)).size).toBe(5);
    for (const d of plan.devices) expect(d.assetId).toMatch(/^[A-Za-z0-9]{8}$/);
  });

  it('has devicesPerVendor devices, all offline with the configured behaviour', () => {
    sim = startEnos({ devicesPerVendor: 4, deviceBehaviour: { ackDelayMs: 7 } });
    const devices = sim.sim.store.listDevices();
    expect(devices).toHaveLength(4);
    expect(devices.every((d) => !d.online && d.behaviour.ackDelayMs === 7)).toBe(true);
    expect(sim.fleet.devices.map((d) => d.assetId)).toEqual(devices.map((d) => d.deviceKey));
  });

  it('finds a device by assetId or productKey/deviceKey', () => {
    sim = startEnos();
    const d = sim.fleet.devices[2]!;
    expect(sim.sim.deviceKeyOf(d.assetId)).toBe(d.assetId);
    expect(sim.sim.deviceKeyOf(`${d.productKey}/${d.deviceKey}`)).toBe(d.assetId);
    expect(sim.sim.deviceKeyOf('nosuch')).toBeUndefined();
    expect(sim.sim.deviceKeyOf(`${d.productKey}/nosuch`)).toBeUndefined();
  });

  it('reset forgets commands, tokens and throttle windows and restores the fleet', async () => {
    sim = startEnos({ throttle: { enos: { enabled: true, limit: 2 } } });
    const token = await sim.token();
    await sim.cache();
    sim.online(sim.device.assetId);
    await sim.call('GET', { action: 'cancel', ...sim.byAsset }, undefined, { accessToken: token });
    expect(
      (await sim.call('GET', { action: 'cancel', ...sim.byAsset }, undefined, { accessToken: token })).body
        .code,
    ).toBe(99429);
    sim.sim.reset();
    expect(sim.sim.store.stats()).toMatchObject({ devices: 3, onlineDevices: 0, commands: 0 });
    expect(
      (await sim.call('GET', { action: 'cancel', ...sim.byAsset }, undefined, { accessToken: token })).body
        .code,
    ).toBe(1203);
    // the same sequences again after a reset: the first command id is the same as at start
    sim.forgetToken();
    const again = startEnos();
    expect(await again.cache()).toBe(await sim.cache());
    await again.close();
  });
});

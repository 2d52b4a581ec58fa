// The default fleet: derived from the seed, sized by devicesPerVendor, offline with the configured behaviour, restored by reset.
import { afterEach, describe, expect, it } from 'vitest';
import { AppId, DeviceId } from '../../contracts/oceanconnect/constraints.ts';
import { Fleet } from './fleet.ts';
import { type Harness, startOc } from './test-support.ts';

const started: Harness[] = [];
const start = async (...args: Parameters<typeof startOc>) => {
  const h = await startOc(...args);
  started.push(h);
  return h;
};
afterEach(async () => {
  for (const h of started.splice(0)) await h.close();
});

describe('OceanConnect fleet', () => {
  it('is the same for the same seed and different for another seed', async () => {
    const a = await start({ seed: 7, devicesPerVendor: 5 });
    const b = await start({ seed: 7, devicesPerVendor: 5 });
    const c = await start({ seed: 8, devicesPerVendor: 5 });
    expect(a.fleet).toEqual(b.fleet);
    expect(c.fleet.appId).not.toBe(a.fleet.appId);
    expect(c.fleet.devices).not.toEqual(a.fleet.devices);
  });

  it('has devicesPerVendor distinct, valid device ids and valid credentials', async () => {
    const h = await start({ devicesPerVendor: 200 });
    expect(Fleet.parse(h.fleet)).toEqual(h.fleet);
    expect(new Set(h.fleet.devices).size).toBe(200);
    for (const d of h.fleet.devices) expect(DeviceId.safeParse(d).success).toBe(true);
    expect(AppId.safeParse(h.fleet.appId).success).toBe(true);
  });

  it('starts every device offline with the configured behaviour, owned by the default application', async () => {
    const h = await start({ devicesPerVendor: 3, deviceBehaviour: { ackDelayMs: 42, failureRatio: 1 } });
    const devices = (await h.control('GET', '/devices/oceanconnect')).body as unknown as {
      deviceKey: string;
      online: boolean;
      behaviour: { ackDelayMs: number; failureRatio: number };
    }[];
    expect(devices.map((d) => d.deviceKey)).toEqual(h.fleet.devices);
    for (const d of devices)
      expect([d.online, d.behaviour.ackDelayMs, d.behaviour.failureRatio]).toEqual([false, 42, 1]);
  });

  it('is restored by reset: devices back, commands and tokens gone', async () => {
    const h = await start();
    const accessToken = await h.token();
    await h.call('POST', '/iocm/app/cmd/v1.4.0/deviceCommands', {
      accessToken,
      body: { deviceId: h.fleet.devices[0], command: { serviceId: 'S', method: 'M' } },
    });
    await h.setOnline(h.fleet.devices[1]!, true);
    h.sim.reset();
    const devices = (await h.control('GET', '/devices/oceanconnect')).body as unknown as {
      online: boolean;
      commands: number;
    }[];
    expect(devices.map((d) => [d.online, d.commands])).toEqual([
      [false, 0],
      [false, 0],
      [false, 0],
    ]);
    expect((await h.call('GET', '/iocm/app/cmd/v1.4.0/deviceCommands', { accessToken })).status).toBe(403);
  });

  it('maps vendor device ids to store keys only for known devices', async () => {
    const h = await start();
    expect(h.sim.deviceKeyOf(h.fleet.devices[0]!)).toBe(h.fleet.devices[0]);
    expect(h.sim.deviceKeyOf('unknown')).toBeUndefined();
  });
});

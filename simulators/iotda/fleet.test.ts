// The default fleet: derived from the seed only, sized by the config, offline at start, restored by reset.
import { describe, expect, it } from 'vitest';
import { DeviceId, ProjectId } from '../../contracts/iotda/constraints.ts';
import { Fleet, iotdaFleetOf } from './fleet.ts';
import { DELAY, setupSim } from './test-support.ts';

describe('the IoTDA fleet', () => {
  it('is the same for the same seed, different for another, and valid ids throughout', () => {
    const a = iotdaFleetOf(4, 5);
    expect(iotdaFleetOf(4, 5)).toEqual(a);
    expect(iotdaFleetOf(5, 5).projectId).not.toBe(a.projectId);
    expect(Fleet.safeParse(a).success).toBe(true);
    expect(ProjectId.safeParse(a.projectId).success).toBe(true);
    for (const d of a.devices) expect(DeviceId.safeParse(d).success).toBe(true);
    expect(new Set(a.devices).size).toBe(5);
    expect(a.ak).toMatch(/^[A-Z0-9]{20}$/);
  });

  it('has devicesPerVendor devices, all offline with the configured behaviour, known to the control API', async () => {
    const s = setupSim({ devicesPerVendor: 7, deviceBehaviour: { ackDelayMs: 42 } });
    expect(s.fleet.devices).toHaveLength(7);
    const devices = (await s.control('GET', '/devices/iotda')).body as unknown as {
      online: boolean;
      behaviour: { ackDelayMs: number };
    }[];
    expect(devices).toHaveLength(7);
    expect(devices.every((d) => !d.online && d.behaviour.ackDelayMs === 42)).toBe(true);
    expect(s.sim.deviceKeyOf(s.fleet.devices[6]!)).toBe(s.fleet.devices[6]);
    expect(s.sim.deviceKeyOf('no-such-device')).toBeUndefined();
    expect((await s.control('GET', '/fleet')).body.iotda).toEqual(s.fleet);
  });

  it('reset forgets commands, tokens and throttle windows and brings the fleet back offline', async () => {
    const s = setupSim({ throttle: { iotda: { enabled: true, limit: 3 } } });
    await s.setOnline(true);
    const id = String((await s.create(DELAY)).body.command_id);
    await s.listQueued();
    await s.listQueued();
    expect((await s.listQueued()).status).toBe(429);
    expect((await s.control('POST', '/reset?vendor=iotda')).status).toBe(200);
    expect((await s.show(id)).status).toBe(404);
    expect((await s.listQueued()).status).toBe(200);
    const device = (await s.control('GET', '/devices/iotda')).body as unknown as { online: boolean }[];
    expect(device[0]!.online).toBe(false);
    // Ids start over as after a fresh start.
    expect((await s.create(DELAY)).body.command_id).toBe(id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDOR_FACTORIES } from '../sim.ts';
import { buildPlatform, type Platform } from './server.ts';

let platform: Platform;
beforeAll(() => {
  platform = buildPlatform(
    { frozen: true, startEpochMs: Date.UTC(2026, 0, 1), devicesPerVendor: 2 },
    VENDOR_FACTORIES,
  );
});
afterAll(() => platform.close());

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await platform.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};

describe('control API', () => {
  it('advances the frozen clock only when told', async () => {
    const before = (await call('GET', '/__control/clock')).body.now as number;
    expect((await call('GET', '/__control/clock')).body.now).toBe(before);
    expect((await call('POST', '/__control/clock', { advanceMs: 60_000 })).body.now).toBe(before + 60_000);
  });

  it('changes one behaviour field without resetting the others', async () => {
    const deviceId = (platform.vendors.get('oceanconnect')!.fleet() as { devices: string[] }).devices[0]!;
    await call('PUT', `/__control/devices/oceanconnect/${deviceId}`, {
      behaviour: { ackDelayMs: 7, responseDelayMs: 9 },
    });
    const changed = await call('PUT', `/__control/devices/oceanconnect/${deviceId}`, {
      behaviour: { failureRatio: 1 },
    });
    expect(changed.body.behaviour).toMatchObject({ ackDelayMs: 7, responseDelayMs: 9, failureRatio: 1 });
  });

  it('refuses bad changes with the field named', async () => {
    const r = await call('POST', '/__control/clock', { advanceMs: -1 });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('advanceMs');
    expect((await call('PUT', '/__control/devices/oceanconnect/nope', { online: true })).status).toBe(404);
    expect((await call('PUT', '/__control/devices/mars/x', {})).status).toBe(404);
  });

  it.each(['enos', 'oceanconnect', 'iotda'])(
    '%s: a reset restores the configured throttle after a control-API change',
    async (vendor) => {
      const throttleOf = async () =>
        ((await call('GET', '/__control/state')).body[vendor] as { throttle: Record<string, unknown> })
          .throttle;
      const configured = await throttleOf();
      expect((await call('PUT', `/__control/throttle/${vendor}`, { limit: 3, windowMs: 1_000 })).status).toBe(
        200,
      );
      expect(await throttleOf()).toMatchObject({ limit: 3, windowMs: 1_000 });
      await call('POST', '/__control/reset');
      expect(await throttleOf()).toEqual(configured);
    },
  );

  it('lists the fleet of every vendor', async () => {
    const fleet = (await call('GET', '/__control/fleet')).body;
    expect(Object.keys(fleet).sort()).toEqual(['enos', 'iotda', 'oceanconnect']);
  });
});

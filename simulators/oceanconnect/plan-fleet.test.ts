// The planning fleet: one control call seeds applications, devices and pending commands that the vendor API then drains.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { type Harness, startOc } from './test-support.ts';

let h: Harness;
beforeEach(async () => {
  h = await startOc();
});
afterEach(async () => h.close());

type Seeded = { apps: { appId: string; secret: string; devices: string[]; commands?: string[] }[] };

const seed = async (spec: Record<string, unknown>) => h.control('POST', '/fleet/oceanconnect', spec);

const loginAs = async (appId: string, secret: string) => {
  const res = await h.app.inject({
    method: 'POST',
    url: OC_PATHS.login,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ appId, secret }).toString(),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
};

const revoke = (appId: string, accessToken: string, deviceId: string) =>
  h.call('POST', OC_PATHS.deviceCommandCancelTasks, { appKey: appId, accessToken, body: { deviceId } });

describe('planning fleet (POST /__control/fleet/oceanconnect)', () => {
  it('splits the devices over the applications, the first ones taking one more, each with its pending commands', async () => {
    const r = await seed({ apps: 3, devices: 10, pending: 2, withCommandIds: true });
    expect(r.status).toBe(200);
    const { apps } = r.body as unknown as Seeded;
    expect(apps.map((a) => a.devices.length)).toEqual([4, 3, 3]);
    expect(apps.map((a) => a.commands?.length)).toEqual([8, 6, 6]);
    const ids = apps.flatMap((a) => a.devices);
    expect(new Set(ids).size).toBe(10);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const state = await h.control('GET', '/state');
    const stats = (state.body.oceanconnect as { stats: { byState: Record<string, number> } }).stats;
    expect(stats.byState.PENDING).toBe(20);
  });

  it('gives applications that log in and revoke through the vendor API like any other', async () => {
    const { apps } = (await seed({ apps: 2, devices: 4, pending: 3 })).body as unknown as Seeded;
    const a = apps[1]!;
    const login = await loginAs(a.appId, a.secret);
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const task = await revoke(a.appId, token, a.devices[0]!);
    expect(task.status).toBe(201);
    const body = task.body as {
      totalCount: number;
      deviceId: string;
      deviceCommands: { status: string; deviceId: string }[];
    };
    expect(body.totalCount).toBe(3);
    expect(body.deviceCommands.map((c) => [c.status, c.deviceId])).toEqual(
      Array(3).fill(['PENDDING', a.devices[0]]),
    );
    // a device of the other application is not this one's
    expect((await revoke(a.appId, token, apps[0]!.devices[0]!)).status).toBe(200);
  });

  it('does not keep planning tasks for queries unless asked to', async () => {
    for (const keepTasks of [false, true]) {
      const { apps } = (await seed({ apps: 1, devices: 1, pending: 1, keepTasks })).body as unknown as Seeded;
      const a = apps[0]!;
      const token = (await loginAs(a.appId, a.secret)).body.accessToken as string;
      expect((await revoke(a.appId, token, a.devices[0]!)).status).toBe(201);
      const list = await h.call('GET', OC_PATHS.deviceCommandCancelTasks, {
        appKey: a.appId,
        accessToken: token,
      });
      expect((list.body as { data: unknown[] }).data).toHaveLength(keepTasks ? 1 : 0);
    }
  });

  it('sets the token lifetime, and counts logins against the throttle only when asked', async () => {
    await h.control('PUT', '/throttle/oceanconnect', { limit: 2, windowMs: 60_000 });
    const counted = (
      (await seed({ apps: 1, devices: 1, pending: 0, loginsCount: true, tokenLifetimeSeconds: 7200 }))
        .body as unknown as Seeded
    ).apps[0]!;
    const first = await loginAs(counted.appId, counted.secret);
    expect(first.body.expiresIn).toBe(7200);
    expect((await loginAs(counted.appId, counted.secret)).status).toBe(200);
    const third = await loginAs(counted.appId, counted.secret);
    expect([third.status, third.body.error_code]).toEqual([403, '1010009']);
    const free = ((await seed({ apps: 1, devices: 1, pending: 0 })).body as unknown as Seeded).apps[0]!;
    for (let i = 0; i < 4; i++) expect((await loginAs(free.appId, free.secret)).status).toBe(200);
  });

  it('refuses more pending commands than a device holds, and bad specs', async () => {
    expect((await seed({ apps: 1, devices: 1, pending: 21 })).status).toBe(400);
    expect((await seed({ apps: 0, devices: 1, pending: 1 })).status).toBe(400);
    expect((await seed({ apps: 1, devices: 1, pending: 1, extra: true })).status).toBe(400);
    expect((await h.control('POST', '/fleet/nobody', { apps: 1, devices: 1, pending: 1 })).status).toBe(404);
  });

  it('brings many devices online in one call (their pending commands are sent)', async () => {
    const { apps } = (await seed({ apps: 1, devices: 3, pending: 1 })).body as unknown as Seeded;
    const ids = apps[0]!.devices;
    const r = await h.control('PUT', '/devices/oceanconnect', { deviceIds: ids.slice(0, 2), online: true });
    expect(r.body).toEqual({ changed: 2 });
    const state = await h.control('GET', '/state');
    const stats = (state.body.oceanconnect as { stats: { byState: Record<string, number> } }).stats;
    expect([stats.byState.PENDING, stats.byState.SENT]).toEqual([1, 2]);
    const unknown = await h.control('PUT', '/devices/oceanconnect', { deviceIds: ['nope'], online: true });
    expect(unknown.status).toBe(404);
  });
});

// The typed control client against a live platform: every call's answer parses with its schema, refusals come back as Problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDOR_FACTORIES } from '../../simulators/sim.ts';
import { buildPlatform, type Platform } from '../../simulators/platform/server.ts';
import { CONTROL_PREFIX, JournalCall, journalCallOf } from './api.ts';
import { ControlClient, must } from './client.ts';

const T0 = Date.UTC(2026, 0, 1);
let platform: Platform;
let control: ControlClient;
let baseUrl: string;

beforeAll(async () => {
  platform = buildPlatform({ frozen: true, startEpochMs: T0, devicesPerVendor: 2 }, VENDOR_FACTORIES);
  baseUrl = await platform.listen(0);
  control = new ControlClient(`${baseUrl}${CONTROL_PREFIX}/`);
});
afterAll(async () => {
  await control.close();
  await platform.close();
});

describe('ControlClient', () => {
  it('reads and moves the clock', async () => {
    expect(await must(control.health())).toEqual({ ok: true });
    expect(await must(control.clock())).toEqual({
      now: T0,
      iso: '2026-01-01T00:00:00.000Z',
      timeScale: 1,
      frozen: true,
    });
    expect((await must(control.changeClock({ advanceMs: 60_000 }))).now).toBe(T0 + 60_000);
    expect((await must(control.changeClock({ advanceTo: T0 + 120_000 }))).now).toBe(T0 + 120_000);
  });

  it('scripts devices and lists the commands of a vendor', async () => {
    const [device] = await must(control.devices('oceanconnect'));
    expect(device).toMatchObject({ online: false, pending: 0, commands: 0 });
    const changed = await must(
      control.setDevice('oceanconnect', device!.deviceKey, { online: true, behaviour: { silent: true } }),
    );
    expect(changed).toMatchObject({
      deviceKey: device!.deviceKey,
      online: true,
      behaviour: { silent: true },
    });
    expect(await must(control.commands('oceanconnect', { state: ['PENDING'], limit: 5 }))).toEqual({
      items: [],
      total: 0,
      nextOffset: null,
    });
  });

  it('changes a throttle, reports it in the state, and a reset restores the configured one', async () => {
    expect(await must(control.setThrottle('enos', { limit: 3, enabled: true }))).toMatchObject({
      limit: 3,
      enabled: true,
    });
    expect((await must(control.state())).enos?.throttle).toMatchObject({ limit: 3, enabled: true });
    expect(await must(control.reset('enos'))).toEqual({ ok: true });
    expect((await must(control.state())).enos?.throttle).toMatchObject({ limit: 100, enabled: false });
  });

  it('serves the fleet, provider states and the journal of what clients sent', async () => {
    const fleet = await must(control.fleet());
    expect(Object.keys(fleet).sort()).toEqual(['enos', 'iotda', 'oceanconnect']);
    const { appId, secret } = fleet.oceanconnect as { appId: string; secret: string };
    const since = await must(control.lastSeq());
    const login = await fetch(`${baseUrl}/iocm/app/sec/v1.1.0/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ appId, secret }).toString(),
    });
    expect(login.status).toBe(200);
    const page = await must(control.journal({ since, vendor: 'oceanconnect' }));
    expect(page.lastSeq).toBe(since + 1);
    expect(page.entries).toHaveLength(1);
    const [entry] = page.entries;
    expect(entry).toMatchObject({
      seq: since + 1,
      method: 'POST',
      url: '/iocm/app/sec/v1.1.0/login',
      status: 200,
    });
    expect(JournalCall.parse(journalCallOf(entry!))).toEqual([since + 1, entry!.at, 200, null]);
    expect(await must(control.clearJournal())).toEqual({ ok: true });
    expect((await must(control.journal())).entries).toEqual([]);
  });

  it('removes quirks and arms injections; the journal names the endpoint and the injected failure', async () => {
    const q = await must(control.setQuirks(['oceanconnect.waitting']));
    expect(q.removed).toEqual(['oceanconnect.waitting']);
    expect(q.quirks.map((x) => x.id)).toContain('enos.cancel-snapshot');
    const armed = await must(
      control.setInjections([
        { vendor: 'oceanconnect', endpoint: 'login', failure: 'network.latency-spike', latencyMs: 1 },
      ]),
    );
    expect(armed.armed).toEqual([
      {
        vendor: 'oceanconnect',
        endpoint: 'login',
        call: 1,
        failure: 'network.latency-spike',
        latencyMs: 1,
        seen: 0,
      },
    ]);
    expect(armed.routes.enos?.map((r) => r.endpoint)).toContain('cancel');
    const since = await must(control.lastSeq());
    const { appId, secret } = (await must(control.fleet())).oceanconnect as { appId: string; secret: string };
    await fetch(`${baseUrl}/iocm/app/sec/v1.1.0/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ appId, secret }).toString(),
    });
    const [entry] = (await must(control.journal({ since }))).entries;
    expect(entry).toMatchObject({
      status: 200,
      endpoint: 'login',
      injected: 'network.latency-spike',
    });
    expect((await must(control.injections())).armed[0]).toMatchObject({ seen: 1, firedSeq: entry?.seq });
    const refused = await control.setQuirks(['mars.typo']);
    expect(refused.ok || refused.problem).toMatchObject({
      reason: 'refused',
      message: expect.stringContaining('unknown quirks: mars.typo'),
    });
    expect(await must(control.reset())).toEqual({ ok: true });
    expect((await must(control.quirks())).removed).toEqual([]);
    expect((await must(control.injections())).armed).toEqual([]);
  });

  it('returns a refusal as a Problem naming the call and the status, never throws', async () => {
    const unknown = await control.devices('mars');
    expect(unknown).toEqual({
      ok: false,
      problem: {
        kind: 'simulator',
        component: 'control API',
        reason: 'refused',
        message: `GET ${baseUrl}${CONTROL_PREFIX}/devices/mars: HTTP 404 {"error":"unknown vendor"}`,
      },
    });
    const bad = await control.providerState({ vendor: 'enos', state: 'no such state' });
    expect(bad.ok || bad.problem).toMatchObject({ kind: 'simulator', reason: 'refused' });
    await expect(must(control.devices('mars'))).rejects.toThrow(
      `control API: refused: GET ${baseUrl}${CONTROL_PREFIX}/devices/mars: HTTP 404`,
    );
  });

  it('reports an unreachable control API as a Problem', async () => {
    const gone = new ControlClient('http://127.0.0.1:1/__control');
    try {
      const r = await gone.clock();
      expect(r.ok || r.problem).toMatchObject({
        kind: 'simulator',
        component: 'control API',
        reason: 'unreachable',
      });
    } finally {
      await gone.close();
    }
  });
});

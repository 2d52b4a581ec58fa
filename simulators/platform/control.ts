// The control API's server side (its contract: contracts/control/api.ts): the clock, devices and their behaviour, seeded commands, throttles, provider states, quirks, injected failures, reset and the journal.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  ClockChange,
  CommandsQuery,
  CONTROL_PREFIX,
  DeviceChange,
  DevicesChange,
  FleetSeed,
  InjectionChange,
  JournalQuery,
  ProviderStateRequest,
  QuirkChange,
} from '../../contracts/control/api.ts';
import { issuesOf, type Vendor } from '../../contracts/common/problem.ts';
import { allFailures } from '../../contracts/failures.ts';
import { allQuirks } from '../../contracts/quirks.ts';
import type { SimClock } from '../model/clock.ts';
import { ThrottleConfig } from '../model/throttle.ts';
import type { SimConfig } from './config.ts';
import { type Injector, injectionProblem } from './injection.ts';
import type { Journal } from './journal.ts';
import { QuirkProfile } from './quirk-profile.ts';
import type { VendorSim } from './vendor-sim.ts';

type ControlDeps = {
  config: SimConfig;
  clock: SimClock;
  journal: Journal;
  vendors: ReadonlyMap<Vendor, VendorSim>;
  quirks: QuirkProfile;
  injector: Injector;
};

const refuse = (reply: FastifyReply, status: number, error: string, details?: unknown) =>
  reply.code(status).send({ error, ...(details === undefined ? {} : { details }) });

export const registerControlApi = (app: FastifyInstance, deps: ControlDeps): void => {
  const { clock, journal, vendors, quirks, injector } = deps;
  const vendorParam = (name: string): VendorSim | undefined => vendors.get(name as Vendor);
  const clockState = () => ({
    now: clock.now(),
    iso: new Date(clock.now()).toISOString(),
    timeScale: clock.timeScale,
    frozen: clock.frozen,
  });

  app.get(`${CONTROL_PREFIX}/health`, async () => ({ ok: true }));

  app.get(`${CONTROL_PREFIX}/clock`, async () => clockState());
  app.post(`${CONTROL_PREFIX}/clock`, async (req, reply) => {
    const parsed = ClockChange.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid clock change', issuesOf(parsed.error));
    const c = parsed.data;
    if (c.frozen === true) clock.freeze();
    if (c.frozen === false) clock.unfreeze();
    if (c.timeScale !== undefined) clock.setTimeScale(c.timeScale);
    if (c.advanceMs !== undefined) clock.advance(c.advanceMs);
    if (c.advanceTo !== undefined) clock.advanceTo(c.advanceTo);
    if (c.toNextEvent) {
      const next = [...vendors.values()]
        .map((v) => v.store.nextEventAt())
        .filter((t): t is number => t !== undefined)
        .sort((a, b) => a - b)[0];
      if (next !== undefined) clock.advanceTo(next);
    }
    for (const v of vendors.values()) v.store.settle(clock.now());
    return clockState();
  });

  app.get(`${CONTROL_PREFIX}/state`, async () =>
    Object.fromEntries(
      [...vendors.values()].map((v) => [v.vendor, { stats: v.store.stats(), throttle: v.throttle.config }]),
    ),
  );

  app.get(`${CONTROL_PREFIX}/fleet`, async () =>
    Object.fromEntries([...vendors.values()].map((v) => [v.vendor, v.fleet()])),
  );

  app.post(`${CONTROL_PREFIX}/reset`, async (req) => {
    const only = (req.query as { vendor?: string }).vendor;
    for (const v of vendors.values()) if (!only || v.vendor === only) v.reset();
    if (!only) {
      journal.clear();
      quirks.reset();
      injector.reset();
    }
    return { ok: true };
  });

  app.get(`${CONTROL_PREFIX}/devices/:vendor`, async (req, reply) => {
    const v = vendorParam((req.params as { vendor: string }).vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    return v.store.listDevices();
  });

  app.put(`${CONTROL_PREFIX}/devices/:vendor/:deviceId`, async (req, reply) => {
    const { vendor, deviceId } = req.params as { vendor: string; deviceId: string };
    const v = vendorParam(vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    const key = v.deviceKeyOf(deviceId);
    if (key === undefined) return refuse(reply, 404, `unknown ${vendor} device ${deviceId}`);
    const parsed = DeviceChange.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid device change', issuesOf(parsed.error));
    if (parsed.data.behaviour) v.store.setBehaviour(key, parsed.data.behaviour);
    if (parsed.data.online !== undefined) v.store.setOnline(key, parsed.data.online);
    return v.store.getDevice(key);
  });

  // Many devices at once: a body of up to a million ids is larger than the vendors' body limit.
  app.put(`${CONTROL_PREFIX}/devices/:vendor`, { bodyLimit: 64 * 1_048_576 }, async (req, reply) => {
    const v = vendorParam((req.params as { vendor: string }).vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    const parsed = DevicesChange.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid devices change', issuesOf(parsed.error));
    const { deviceIds, online, behaviour } = parsed.data;
    const keys = deviceIds.map((id) => v.deviceKeyOf(id));
    const unknown = deviceIds.filter((_, i) => keys[i] === undefined);
    if (unknown.length > 0)
      return refuse(reply, 404, `unknown ${v.vendor} devices: ${unknown.slice(0, 5).join(', ')}`, {
        unknown: unknown.length,
      });
    for (const key of keys as string[]) {
      if (behaviour) v.store.setBehaviour(key, behaviour);
      if (online !== undefined) v.store.setOnline(key, online);
    }
    return { changed: keys.length };
  });

  app.post(`${CONTROL_PREFIX}/fleet/:vendor`, async (req, reply) => {
    const v = vendorParam((req.params as { vendor: string }).vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    if (!v.seedFleet) return refuse(reply, 400, `${v.vendor} offers no planning fleet`);
    const parsed = FleetSeed.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid fleet', issuesOf(parsed.error));
    const seeded = v.seedFleet(parsed.data);
    if (!seeded.ok) return refuse(reply, 400, seeded.message);
    return reply.header('content-type', 'application/json').send(JSON.stringify(seeded.value));
  });

  app.get(`${CONTROL_PREFIX}/commands/:vendor`, async (req, reply) => {
    const v = vendorParam((req.params as { vendor: string }).vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    const parsed = CommandsQuery.safeParse(req.query);
    if (!parsed.success) return refuse(reply, 400, 'invalid query', issuesOf(parsed.error));
    const q = parsed.data;
    const deviceKey = q.deviceId === undefined ? undefined : v.deviceKeyOf(q.deviceId);
    if (q.deviceId !== undefined && deviceKey === undefined)
      return refuse(reply, 404, `unknown device ${q.deviceId}`);
    return v.store.listAll({ deviceKey, states: q.state, offset: q.offset, limit: q.limit });
  });

  app.put(`${CONTROL_PREFIX}/throttle/:vendor`, async (req, reply) => {
    const v = vendorParam((req.params as { vendor: string }).vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    const parsed = ThrottleConfig.safeParse({ ...v.throttle.config, ...(req.body as object) });
    if (!parsed.success) return refuse(reply, 400, 'invalid throttle', issuesOf(parsed.error));
    v.throttle.configure(parsed.data);
    return v.throttle.config;
  });

  app.post(`${CONTROL_PREFIX}/provider-states`, async (req, reply) => {
    const parsed = ProviderStateRequest.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid provider state request', issuesOf(parsed.error));
    const { vendor, state, params, action } = parsed.data;
    const v = vendors.get(vendor as Vendor);
    if (!v) return refuse(reply, 404, 'unknown vendor');
    if (action === 'teardown') return { ok: true };
    const outcome = v.providerState(state, params ?? {});
    if (!outcome.ok) return refuse(reply, 400, outcome.message);
    return outcome.values ?? {};
  });

  const quirkState = () => ({
    removed: quirks.list(),
    quirks: allQuirks()
      .filter((q) => vendors.has(q.vendor as Vendor))
      .map(({ id, vendor, kind, title, without, source, verified }) => ({
        id,
        vendor,
        kind,
        title,
        without,
        source,
        verified,
      })),
  });
  app.get(`${CONTROL_PREFIX}/quirks`, async () => quirkState());
  app.put(`${CONTROL_PREFIX}/quirks`, async (req, reply) => {
    const parsed = QuirkChange.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid quirk change', issuesOf(parsed.error));
    const unknown = QuirkProfile.unknown(parsed.data.removed);
    if (unknown.length > 0) return refuse(reply, 400, `unknown quirks: ${unknown.join(', ')}`);
    quirks.set(parsed.data.removed);
    return quirkState();
  });

  const injectionState = () => ({
    armed: injector.list(),
    failures: [...allFailures()],
    routes: Object.fromEntries([...vendors.values()].map((v) => [v.vendor, v.routes])),
  });
  app.get(`${CONTROL_PREFIX}/injections`, async () => injectionState());
  app.put(`${CONTROL_PREFIX}/injections`, async (req, reply) => {
    const parsed = InjectionChange.safeParse(req.body ?? {});
    if (!parsed.success) return refuse(reply, 400, 'invalid injections', issuesOf(parsed.error));
    const problems = parsed.data.injections
      .map((i) => injectionProblem(i, vendors))
      .filter((p): p is string => p !== undefined);
    if (problems.length > 0) return refuse(reply, 400, problems.join('; '));
    injector.set(parsed.data.injections);
    return injectionState();
  });

  app.get(`${CONTROL_PREFIX}/journal`, async (req, reply) => {
    const parsed = JournalQuery.safeParse(req.query);
    if (!parsed.success) return refuse(reply, 400, 'invalid query', issuesOf(parsed.error));
    const { since, vendor } = parsed.data;
    return {
      lastSeq: journal.lastSeq,
      entries: journal.since(since, vendor ? (e) => e.vendor === vendor : undefined),
    };
  });
  app.delete(`${CONTROL_PREFIX}/journal`, async () => {
    journal.clear();
    return { ok: true };
  });
};

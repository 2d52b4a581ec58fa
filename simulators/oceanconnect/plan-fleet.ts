// A capacity-planning fleet in one control call: applications, their devices split evenly, and pending commands on each.
import { PENDING_CAP } from '../../contracts/oceanconnect/constraints.ts';
import type { FleetSeedAnswer, FleetSeedSpec, SeededApp } from '../../contracts/control/api.ts';
import { fnv1a32, mulberry32 } from '../model/rng.ts';
import { alnumId } from './fleet.ts';
import type { OcPayload } from './projection.ts';
import type { Core } from './core.ts';

const HEX = '0123456789abcdef';

/**
 * UUID-shaped device ids (version 4 layout) from a seeded stream: the platform's ids look like this, and a million
 * of them take a second here instead of the fifteen a hash per id (fleet.ts) would.
 */
const idStream = (seed: number) => {
  const next = mulberry32(seed);
  const hex = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += HEX[Math.floor(next() * 16)];
    return out;
  };
  return (): string =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${HEX[8 + Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
};

/** Devices of application `a` of `apps`: the fleet split as evenly as it goes, the first ones taking one more. */
const shareOf = (devices: number, apps: number, a: number): number =>
  Math.floor(devices / apps) + (a < devices % apps ? 1 : 0);

/**
 * Adds `spec.apps` applications (ids and secrets derived from the simulator's seed and how many planning fleets came
 * before), each with its share of `spec.devices` offline devices holding `spec.pending` PENDING commands. The
 * commands of one application share one payload (a command the planner never reads back). Nothing is reset and the
 * throttle counts none of it.
 */
export const seedPlanFleet = (
  w: Core,
  spec: FleetSeedSpec,
): { ok: true; value: FleetSeedAnswer } | { ok: false; message: string } => {
  if (spec.pending > PENDING_CAP)
    return {
      ok: false,
      message: `OceanConnect holds at most ${PENDING_CAP} PENDING commands per device; got pending ${spec.pending}`,
    };
  const seed = w.ctx.config.seed;
  const fleetNo = ++w.planFleets;
  const nextId = idStream(fnv1a32(`oceanconnect:${seed}:plan-fleet:${fleetNo}`));
  const apps: SeededApp[] = [];
  for (let a = 0; a < spec.apps; a++) {
    const label = `plan:${fleetNo}:app:${a}`;
    const appId = alnumId(seed, label, 28);
    const secret = alnumId(seed, `${label}:secret`, 24);
    w.apps.register(appId, secret, {
      ...(spec.tokenLifetimeSeconds === undefined ? {} : { lifetimeMs: spec.tokenLifetimeSeconds * 1000 }),
      loginsCount: spec.loginsCount,
      keepTasks: spec.keepTasks,
    });
    const payload: OcPayload = {
      appId,
      command: { serviceId: 'Harness', method: 'PLAN', paras: {} },
      callbackUrl: null,
      expireTime: spec.ttlMs / 1000,
      maxRetransmit: w.options.defaultMaxRetransmit,
    };
    const count = shareOf(spec.devices, spec.apps, a);
    const devices: string[] = new Array(count);
    const commands: string[] | undefined = spec.withCommandIds ? new Array(count * spec.pending) : undefined;
    for (let d = 0; d < count; d++) {
      // 122 random bits: a repeat is next to impossible, and the store refuses one (duplicate-device) if it comes.
      let deviceId = nextId();
      while (!w.store.addDevice(deviceId).ok) deviceId = nextId();
      w.owners.set(deviceId, appId);
      devices[d] = deviceId;
      for (let k = 0; k < spec.pending; k++) {
        const created = w.store.create(deviceId, { payload, ttlMs: spec.ttlMs });
        if (!created.ok) return { ok: false, message: `cannot seed ${deviceId}: ${created.reason}` };
        if (commands) commands[d * spec.pending + k] = created.command.commandId;
      }
    }
    apps.push({ appId, secret, devices, ...(commands ? { commands } : {}) });
  }
  return { ok: true, value: { apps } };
};

// OceanConnect's part of the load runner: its applications seeded through the reference client, its throttle always on, the verbatim 1010009 check.
import { request } from 'undici';
import { renderProblem } from '../../../contracts/common/problem.ts';
import { OceanConnectClient } from '../../../clients/oceanconnect/client.ts';
import type { ThrottleConfigInput } from '../../../simulators/model/throttle.ts';
import type { Fleet } from '../../../simulators/oceanconnect/fleet.ts';
import { simulatorWith } from '../../../simulators/oceanconnect/sim.ts';
import {
  METRICS_PREFIX,
  OC_THROTTLED_BODY,
  OC_THROTTLED_CODE,
} from '../../scripts/oceanconnect/constants.ts';
import type { JournalEntry } from '../journal.ts';
import { type Outcome, done, refused } from '../outcome.ts';
import { CONCURRENCY, eachLimited, PENDING_TTL_S, putThrottle } from '../seed.ts';
import type { LoadTarget, LoadVendor } from '../vendor.ts';
import { OcApp } from './app.ts';

const ID = 'oceanconnect';

/** One simulated application before seeding (no token yet). */
export type OcTarget = LoadTarget & { appId: string; secret: string };

/**
 * Logs in (the one valid token every k6 process then shares) and creates `pending` PENDING commands per device,
 * with the throttle switched off; then sets `throttle` again, which also forgets every call counted so far.
 */
const prepare = async (
  target: OcTarget,
  pending: number,
  throttle: ThrottleConfigInput,
): Promise<Outcome<OcApp>> => {
  const off = await putThrottle(target.controlUrl, ID, { ...throttle, enabled: false });
  if (!off.ok) return off;
  const client = new OceanConnectClient({
    baseUrl: target.baseUrl,
    credentials: { appId: target.appId, secret: target.secret },
  });
  const login = await client.login();
  if (!login.ok) return refused('seed', `OceanConnect login: ${renderProblem(login.problem)}`);
  const commands: string[][] = target.devices.map(() => []);
  const jobs = target.devices.flatMap((deviceId, d) =>
    Array.from({ length: pending }, (_, k) => ({ deviceId, d, k })),
  );
  const failure = await eachLimited(jobs, CONCURRENCY, async ({ deviceId, d, k }) => {
    const created = await client.createCommand({
      deviceId,
      command: { serviceId: 'Harness', method: 'LOAD', paras: { n: k } },
      expireTime: PENDING_TTL_S,
    });
    if (!created.ok) return `OceanConnect create command on ${deviceId}: ${renderProblem(created.problem)}`;
    commands[d]![k] = created.value.commandId;
    return undefined;
  });
  if (failure) return refused('seed', failure);
  const on = await putThrottle(target.controlUrl, ID, throttle);
  if (!on.ok) return on;
  return done({ ...target, accessToken: login.value.accessToken, commands: commands.flat() });
};

/**
 * Warms WireMock's proxy path (its JIT) with logins, which no throttle counts, before anything is measured; a cold
 * JVM answers in hundreds of ms at first. Run it before prepareOceanConnect: each login supersedes the last token.
 */
const warmFrontDoor = async (target: OcTarget, calls = 400): Promise<Outcome<number>> => {
  const body = new URLSearchParams({ appId: target.appId, secret: target.secret }).toString();
  const failure = await eachLimited(
    Array.from({ length: calls }, (_, i) => i),
    8,
    async () => {
      const res = await request(`${target.baseUrl}/iocm/app/sec/v1.1.0/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      await res.body.text();
      return res.statusCode === 200 ? undefined : `warm-up login: HTTP ${res.statusCode}`;
    },
  );
  return failure ? refused('seed', failure) : done(calls);
};

/** Refused calls whose body is not the documented one byte for byte, as the simulator sent them. */
export const nonVerbatimRefusals = (entries: readonly JournalEntry[]): number =>
  entries.filter(
    (e) => e.errorCode === OC_THROTTLED_CODE && (e.status !== 403 || e.responseBody !== OC_THROTTLED_BODY),
  ).length;

export const load: LoadVendor<Fleet, OcTarget, OcApp> = {
  metricsPrefix: METRICS_PREFIX,
  app: OcApp,
  targetOf: (section, baseUrl, controlUrl) => ({
    baseUrl,
    controlUrl,
    appId: section.appId,
    secret: section.secret,
    devices: [...section.devices],
  }),
  /** Through the front door, WireMock's proxy path is warmed first; command ids are kept only when a script uses them. */
  prepare: async (target, pending, throttle, opts) => {
    if (opts.frontDoor) {
      const warm = await warmFrontDoor(target);
      if (!warm.ok) return warm;
    }
    const r = await prepare(target, pending, throttle);
    return r.ok && !opts.keepCommands ? done({ ...r.value, commands: [] }) : r;
  },
  simulator: (tokenLifetimeSeconds) => simulatorWith({ tokenLifetimeSeconds }),
  counts: (e) => e.url.startsWith('/iocm/app/cmd/'),
  /** The documented 100 calls per 60 s are always on. */
  throttleOn: () => true,
  checks: (entries) => {
    const bad = nonVerbatimRefusals(entries);
    return [
      {
        name: 'every 1010009 is the documented 403 body, verbatim',
        ok: bad === 0,
        detail: `${bad} refusals differ from the documented body`,
      },
    ];
  },
  primary: true,
};

// EnOS's part of the load runner: its applications seeded through the reference client, its optional throttle, no checks of its own.
import { z } from 'zod';
import { renderProblem } from '../../../contracts/common/problem.ts';
import { EnosClient } from '../../../clients/enos/client.ts';
import type { Fleet } from '../../../simulators/enos/fleet.ts';
import { simulatorWith } from '../../../simulators/enos/sim.ts';
import type { ThrottleConfigInput } from '../../../simulators/model/throttle.ts';
import { type Outcome, done, refused } from '../outcome.ts';
import { METRICS_PREFIX } from '../../scripts/enos/constants.ts';
import { CONCURRENCY, eachLimited, PENDING_TTL_S, putThrottle } from '../seed.ts';
import type { LoadTarget, LoadVendor } from '../vendor.ts';
import type { EnosApp } from './app.ts';
import { EnosApp as EnosAppSchema } from './app.ts';

const ID = 'enos';

/** One simulated application before seeding (no token yet); devices by assetId. */
export type EnosTarget = LoadTarget & { orgId: string; appKey: string; appSecret: string };

/** The EnOS counterpart: a token, `pending` cached commands per device (invokeService with pendingTtl), throttle reset. */
const prepare = async (
  target: EnosTarget,
  pending: number,
  throttle: ThrottleConfigInput,
): Promise<Outcome<EnosApp>> => {
  const off = await putThrottle(target.controlUrl, ID, { ...throttle, enabled: false });
  if (!off.ok) return off;
  const client = new EnosClient({
    baseUrl: target.baseUrl,
    credentials: { appKey: target.appKey, appSecret: target.appSecret },
  });
  const token = await client.getToken();
  if (!token.ok) return refused('seed', `EnOS token: ${renderProblem(token.problem)}`);
  const jobs = target.devices.flatMap((assetId) =>
    Array.from({ length: pending }, (_, k) => ({ assetId, k })),
  );
  const failure = await eachLimited(jobs, CONCURRENCY, async ({ assetId, k }) => {
    const created = await client.invokeService({
      orgId: target.orgId,
      assetId,
      serviceId: 'harnessLoad',
      pendingTtl: PENDING_TTL_S,
      inputData: { n: k },
    });
    return created.ok ? undefined : `EnOS invokeService on ${assetId}: ${renderProblem(created.problem)}`;
  });
  if (failure) return refused('seed', failure);
  const on = await putThrottle(target.controlUrl, ID, throttle);
  if (!on.ok) return on;
  return done({ ...target, accessToken: token.value.accessToken });
};

export const load: LoadVendor<Fleet, EnosTarget, EnosApp> = {
  metricsPrefix: METRICS_PREFIX,
  app: EnosAppSchema,
  targetOf: (section, baseUrl, controlUrl) => ({
    baseUrl,
    controlUrl,
    orgId: section.orgId,
    appKey: section.appKey,
    appSecret: section.appSecret,
    devices: section.devices.map((d) => d.assetId),
  }),
  prepare: (target, pending, throttle) => prepare(target, pending, throttle),
  simulator: (tokenExpireSeconds) => simulatorWith({ tokenExpireSeconds }),
  counts: (e) => e.url.startsWith('/connect-service/'),
  /** EnOS documents no throttle: switch the simulator's optional one on at the same limit for a paced profile. */
  pacedProfileFields: { enosThrottle: z.boolean().default(false) },
  /** EnOS documents no throttle: the simulator's optional one is on only when a paced profile switches it on. */
  throttleOn: (req) =>
    (req.scenario === 'at-limit' || req.scenario === 'over-limit') &&
    (req.profile as { enosThrottle?: boolean }).enosThrottle === true,
  checks: () => [],
  primary: false,
};

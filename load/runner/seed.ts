// Prepares each application for a run through the vendors' own APIs: a token, and K pending commands on every device, with the throttle off meanwhile.
import { request } from 'undici';
import { renderProblem } from '../../contracts/common/problem.ts';
import { EnosClient } from '../../clients/enos/client.ts';
import { OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import type { EnosApp, OcApp } from './run-file.ts';
import type { EnosTarget, OcTarget } from './targets.ts';
import { viaControl } from './control.ts';
import { type Outcome, done, refused } from './outcome.ts';

/** Commands stay pending far longer than any run (the documented maximum validity of both vendors: 48 h). */
const PENDING_TTL_S = 172_800;
const CONCURRENCY = 16;

/** Runs `work` on every item with at most `limit` in flight; stops at the first failure. */
const eachLimited = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<string | undefined>,
): Promise<string | undefined> => {
  let next = 0;
  let failure: string | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      const f = await work(items[i]!, i);
      if (f !== undefined) failure ??= f;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return failure;
};

const putThrottle = (controlUrl: string, vendor: string, config: ThrottleConfigInput) =>
  viaControl(controlUrl, 'seed', (c) => c.setThrottle(vendor, config));

/**
 * Logs in (the one valid token every k6 process then shares) and creates `pending` PENDING commands per device,
 * with the throttle switched off; then sets `throttle` again, which also forgets every call counted so far.
 */
export const prepareOceanConnect = async (
  target: OcTarget,
  pending: number,
  throttle: ThrottleConfigInput,
): Promise<Outcome<OcApp>> => {
  const off = await putThrottle(target.controlUrl, 'oceanconnect', { ...throttle, enabled: false });
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
  const on = await putThrottle(target.controlUrl, 'oceanconnect', throttle);
  if (!on.ok) return on;
  return done({ ...target, accessToken: login.value.accessToken, commands: commands.flat() });
};

/** The EnOS counterpart: a token, `pending` cached commands per device (invokeService with pendingTtl), throttle reset. */
export const prepareEnos = async (
  target: EnosTarget,
  pending: number,
  throttle: ThrottleConfigInput,
): Promise<Outcome<EnosApp>> => {
  const off = await putThrottle(target.controlUrl, 'enos', { ...throttle, enabled: false });
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
  const on = await putThrottle(target.controlUrl, 'enos', throttle);
  if (!on.ok) return on;
  return done({ ...target, accessToken: token.value.accessToken });
};

/**
 * Warms WireMock's proxy path (its JIT) with logins, which no throttle counts, before anything is measured; a cold
 * JVM answers in hundreds of ms at first. Run it before prepareOceanConnect: each login supersedes the last token.
 */
export const warmFrontDoor = async (target: OcTarget, calls = 400): Promise<Outcome<number>> => {
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

// What seeding any vendor's applications shares: commands that outlive the run, bounded concurrency, the throttle set through the control API.
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import { viaControl } from './control.ts';

/** Commands stay pending far longer than any run (the documented maximum validity of both vendors: 48 h). */
export const PENDING_TTL_S = 172_800;
export const CONCURRENCY = 16;

/** Runs `work` on every item with at most `limit` in flight; stops at the first failure. */
export const eachLimited = async <T>(
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

/** Sets one vendor's throttle on one simulator instance. */
export const putThrottle = (controlUrl: string, vendor: string, config: ThrottleConfigInput) =>
  viaControl(controlUrl, 'seed', (c) => c.setThrottle(vendor, config));

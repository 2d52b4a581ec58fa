// The throttle with a deliberate fault, for the property suite's mutation check: Throttle's fixed-window limit broken on purpose.
import { Throttle, type ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import type { ThrottleFactory } from '../../simulators/platform/vendor-sim.ts';

/** Faults of the throttle (faults.ts MUTATIONS lists every fault of the simulator). */
export const THROTTLE_MUTATIONS = ['throttle-off-by-one'] as const;

/** A throttle breaking its limit as the named faults say: `throttle-off-by-one` admits limit + 1 calls a window. */
export class MutantThrottle extends Throttle {
  readonly mutations: readonly string[];

  constructor(config: ThrottleConfigInput, mutations: readonly string[]) {
    super(config);
    this.mutations = [...mutations];
  }

  protected override fixedWindowAdmits(limit: number): number {
    return limit + (this.mutations.includes('throttle-off-by-one') ? 1 : 0);
  }
}

/** Throttles with the throttle faults among `mutations`, or plain ones when there are none. */
export const throttlesWith =
  (mutations: readonly string[]): ThrottleFactory =>
  (config) =>
    mutations.some((m) => (THROTTLE_MUTATIONS as readonly string[]).includes(m))
      ? new MutantThrottle(config, mutations)
      : new Throttle(config);

// The deliberate faults the property suite's mutation check can switch on in the engine: their names and lookup.
import { z } from 'zod';

/** Faults of the command store (simulators/platform/config.ts MUTATIONS lists every fault of the simulator). */
export const STORE_MUTATIONS = [
  'cancel-takes-sent',
  'expiry-one-second-late',
  'cancel-all-skips-last',
] as const;
export type StoreMutation = (typeof STORE_MUTATIONS)[number];

/** Faults of the throttle. */
export const THROTTLE_MUTATIONS = ['throttle-off-by-one'] as const;
export type ThrottleMutation = (typeof THROTTLE_MUTATIONS)[number];

/**
 * A list of fault names as the simulator config holds it. A part of the engine reads only the names it knows and
 * ignores the others (they belong to another part, e.g. the OceanConnect projection). Empty, the default, in every
 * normal run.
 */
export const MutationList = z.array(z.string()).default([]);

export const hasMutation = (list: readonly string[] | undefined, name: string): boolean =>
  list?.includes(name) ?? false;

// The deliberate faults the property suite's mutation check can switch on in the throttle: their names and lookup.
import { z } from 'zod';

/**
 * Faults of the throttle (simulators/platform/config.ts MUTATIONS lists every fault of the simulator; the command
 * store's are a subclass of the property suite's, property-tests/mutations/store.ts).
 */
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

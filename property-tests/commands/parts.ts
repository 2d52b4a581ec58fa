// What every vendor's call specs are built from: a device, a target command, a time bound, and their arbitraries.
import fc from 'fast-check';
import { z } from 'zod';

/** A device by its index in the run's device list (taken modulo its length). */
export const Device = z.number().int().nonnegative();

/**
 * A command the step acts on: `pick` indexes the model's commands (modulo their number); `via` says how it is
 * addressed: on its own device, the newest command on its own device (often the one just sent), on another device of
 * the fleet, or not at all (an id the platform never gave).
 */
export const Target = z.object({
  pick: z.number().int().nonnegative(),
  via: z.enum(['own', 'newest', 'other-device', 'unknown-id']),
});
export type Target = z.infer<typeof Target>;

/** A command of the model whose creation time bounds a time-range query, or none. */
export const Bound = z.number().int().nonnegative().nullable().default(null);

export const device = fc.nat({ max: 5 });
export const bound = fc.option(fc.nat({ max: 40 }), { nil: null, freq: 2 });

export const target: fc.Arbitrary<Target> = fc.record({
  pick: fc.nat({ max: 40 }),
  via: fc.oneof(
    { weight: 6, arbitrary: fc.constant('own' as const) },
    { weight: 3, arbitrary: fc.constant('newest' as const) },
    { weight: 1, arbitrary: fc.constant('other-device' as const) },
    { weight: 1, arbitrary: fc.constant('unknown-id' as const) },
  ),
});

/** Whole seconds, so TTLs and timeouts line up with the advances and with the one-second timestamp resolution. */
export const seconds = (...values: number[]) => fc.constantFrom(...values);

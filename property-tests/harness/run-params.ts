// The per-run settings a model run draws besides its steps (part of the generated value, so seed and path replay them).
import fc from 'fast-check';
import { z } from 'zod';
import { type Vendor, vendorOf } from '../../vendors/index.ts';

export const RunParams = z.object({
  /** OceanConnect or IoTDA calls admitted per throttle window in this run (the window length is the session's). */
  throttleLimit: z.number().int().positive().optional(),
});
export type RunParams = z.infer<typeof RunParams>;

/**
 * OceanConnect and IoTDA runs draw a tight limit (many 1010009 / APIG.0308 answers), the session's, or one loose
 * enough that a burst can reach the 20-command cap inside one window. The invariants hold for any limit.
 */
export const runParamsArb = (vendor: Vendor, sessionLimit: number): fc.Arbitrary<RunParams> =>
  vendorOf(vendor).props.throttled
    ? fc.record({ throttleLimit: fc.constantFrom(sessionLimit, 2, 30) })
    : fc.constant({});

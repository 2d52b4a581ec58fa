// Scriptable device behaviour: delays, failure ratio, silence, results.
import { z } from 'zod';

/**
 * How a device answers a command sent to it. Every field is a configurable default of the simulator: the vendors do
 * not document device timings.
 */
export const DeviceBehaviour = z.object({
  /** Platform ms from SENT to DELIVERED (the device's acknowledgement). */
  ackDelayMs: z.number().int().nonnegative().default(500),
  /** Platform ms from DELIVERED to SUCCEEDED or FAILED (the device's response). */
  responseDelayMs: z.number().int().nonnegative().default(1000),
  /** Share of responses that are failures, drawn from the device's seeded RNG: 0 never fails, 1 always does. */
  failureRatio: z.number().min(0).max(1).default(0),
  /** A silent device never acknowledges nor responds: every command sent to it ends TIMED_OUT. */
  silent: z.boolean().default(false),
  /** Stored as the command's `result` when it SUCCEEDS (EnOS outputData, for instance). */
  result: z.unknown().optional(),
  /** Stored as the command's `result` when it FAILS. */
  failureResult: z.unknown().optional(),
});
export type DeviceBehaviour = z.infer<typeof DeviceBehaviour>;
export type DeviceBehaviourInput = z.input<typeof DeviceBehaviour>;

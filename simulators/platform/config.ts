// The simulator's configuration: one schema with every default, resolved once at the entry point and passed down.
import { z } from 'zod';
import { DeviceBehaviour } from '../model/behaviour.ts';
import { ThrottleConfig } from '../model/throttle.ts';
import { quirkIds } from '../../contracts/quirks.ts';
import { DriftProfile } from './drift-profile.ts';
import { type ThrottleFacts, type Vendor, VENDORS } from '../../vendors/index.ts';
import { Injection } from '../../contracts/control/api.ts';

/** A vendor's throttle, its defaults (limit, window, on or off) from the vendor's contract facts. */
const throttleFor = ({ limit, windowMs, enabled }: ThrottleFacts) =>
  ThrottleConfig.extend({
    limit: ThrottleConfig.shape.limit.unwrap().default(limit),
    windowMs: ThrottleConfig.shape.windowMs.unwrap().default(windowMs),
    enabled: z.boolean().default(enabled),
  }).prefault({});

const throttles = Object.fromEntries(VENDORS.map((v) => [v.id, throttleFor(v.throttle)])) as Record<
  Vendor,
  ReturnType<typeof throttleFor>
>;

export const SimConfig = z.object({
  /** Platform seconds per wall second. */
  timeScale: z.number().positive().finite().default(1),
  /** A frozen clock moves only through the control API (deterministic tests). */
  frozen: z.boolean().default(false),
  /** Platform time at start; absent: now. */
  startEpochMs: z.number().int().optional(),
  /** Seeds ids, credentials and device behaviour. */
  seed: z.number().int().default(1),
  /** Devices created per vendor at start (and at every reset); they start offline so commands stay pending. */
  devicesPerVendor: z.number().int().nonnegative().max(100_000).default(10),
  bodyLimitBytes: z.number().int().positive().default(1_048_576),
  journalCapacity: z.number().int().nonnegative().default(100_000),
  /** Per-application throttle of each vendor; defaults from each vendor's THROTTLE (contracts/<vendor>/constraints.ts). */
  throttle: z.object(throttles).prefault({}),
  /**
   * Vendor quirks the answers go without (ids of contracts/quirks.ts); empty, the default, is the faithful profile:
   * every documented quirk reproduced. `harness gate --quirks` removes one at a time through the control API.
   */
  removedQuirks: z
    .array(
      z.string().refine((id) => quirkIds().includes(id), {
        error: () => `not a quirk id (${quirkIds().join(', ')})`,
      }),
    )
    .default([]),
  /** Failures armed at start and at every reset (simulators/platform/injection.ts); none by default. */
  injections: z.array(Injection).default([]),
  /** Answers rewritten the way a changed vendor API would (harness drift tests); never set in normal runs. */
  driftProfile: DriftProfile.default('none'),
  /**
   * Planning drives only (virtual time): a request carrying `x-harness-platform-time` first moves the frozen clock
   * to that platform time, as `POST /__control/clock {advanceTo}` would, saving the drive a round trip per step.
   * Off by default: then the header means nothing.
   */
  virtualTimeHeader: z.boolean().default(false),
  /** Behaviour of every device of the default fleet. */
  deviceBehaviour: DeviceBehaviour.prefault({}),
});
export type SimConfig = z.infer<typeof SimConfig>;
export type SimConfigInput = z.input<typeof SimConfig>;

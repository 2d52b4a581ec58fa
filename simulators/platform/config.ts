// The simulator's configuration: one schema with every default, resolved once at the entry point and passed down.
import { z } from 'zod';
import { DeviceBehaviour } from '../model/behaviour.ts';
import { ThrottleConfig } from '../model/throttle.ts';
import { DriftProfile } from './drift-profile.ts';

const throttleFor = (enabled: boolean) =>
  ThrottleConfig.extend({ enabled: z.boolean().default(enabled) }).prefault({});

/** The deliberate faults a mutation check can switch on, one at a time. */
export const MUTATIONS = [
  'cancel-takes-sent',
  'throttle-off-by-one',
  'expiry-one-second-late',
  'pendding-spelled-correctly',
  'cancel-all-skips-last',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

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
  /**
   * Per-application throttles. OceanConnect documents 100 calls per 60 s (1010009), on by default. EnOS documents
   * none and IoTDA's API-gateway limit (APIG.0308) is unverified: off by default, configurable.
   */
  throttle: z
    .object({ enos: throttleFor(false), oceanconnect: throttleFor(true), iotda: throttleFor(false) })
    .prefault({}),
  /**
   * Deliberate faults for the property suite's mutation check (see property-tests/): never set in normal runs.
   * Each name is one fault; the model and the vendor simulators read the list at start.
   */
  mutations: z.array(z.enum(MUTATIONS)).default([]),
  /** Answers rewritten the way a changed vendor API would (harness drift tests); never set in normal runs. */
  driftProfile: DriftProfile.default('none'),
  /** Behaviour of every device of the default fleet. */
  deviceBehaviour: DeviceBehaviour.prefault({}),
});
export type SimConfig = z.infer<typeof SimConfig>;
export type SimConfigInput = z.input<typeof SimConfig>;

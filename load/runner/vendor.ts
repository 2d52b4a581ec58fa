// What a vendor brings to `harness load`: its applications in the run file, how they are seeded, what its throttle counts, its checks.
import type { z } from 'zod';
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import type { VendorSimFactory } from '../../simulators/platform/vendor-sim.ts';
import type { Check } from './figures.ts';
import type { JournalEntry } from './journal.ts';
import type { Outcome } from './outcome.ts';
import type { ScenarioProfile } from './prepare.ts';
import type { RunApp } from './run-file.ts';

/** One application of the vendor before seeding: where it is, and its devices as its load calls name them. */
export type LoadTarget = { baseUrl: string; controlUrl: string; devices: string[] };

/** One vendor's part of the load runner (`load/runner/<vendor>/plugin.ts`; its k6 calls in `load/scripts/<vendor>/`). */
export type LoadVendor<Section, Target extends LoadTarget, App extends RunApp> = {
  /** Prefix of its k6 metrics (`<prefix>_calls`, `<prefix>_latency`, ...). */
  readonly metricsPrefix: string;
  /** Its applications as the run file carries them to the k6 scripts. */
  readonly app: z.ZodType<App>;
  /** An application of the simulator's fleet (the vendor's ready-line section), reached at `baseUrl`. */
  targetOf(section: Section, baseUrl: string, controlUrl: string): Target;
  /**
   * Seeds one application through the vendor's own API: a token every k6 process shares, `pending` PENDING commands
   * per device with the throttle off meanwhile, then `throttle` set (which forgets every call counted so far).
   */
  prepare(
    target: Target,
    pending: number,
    throttle: ThrottleConfigInput,
    opts: { frontDoor: boolean; keepCommands: boolean },
  ): Promise<Outcome<App>>;
  /** Its simulator with tokens that outlive any bounded run (a real client renews them with uncounted logins). */
  simulator(tokenLifetimeS: number): VendorSimFactory;
  /** The journal entries its throttle counts. */
  counts(e: JournalEntry): boolean;
  /** Fields a paced profile (at-limit, over-limit) may set for this vendor, with their defaults. */
  readonly pacedProfileFields?: z.core.$ZodLooseShape;
  /** Whether its throttle is on in a run of this scenario and profile. */
  throttleOn(req: ScenarioProfile): boolean;
  /** Checks of its own over the counted calls (the documented refusal body, say). */
  checks(entries: readonly JournalEntry[]): Check[];
  /**
   * The vendor whose documented throttle the load figures measure: fleet-drain and back-off drive its revocation calls
   * (one cancel-all per device, or one cancel per command) and over-limit bands its throttled share.
   */
  readonly primary: boolean;
};

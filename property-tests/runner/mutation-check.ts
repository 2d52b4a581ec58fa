// The mutation check: switch on each deliberate fault of the simulator in turn and show the property suite fails for it.
import type { Platform } from '../../simulators/platform/server.ts';
import { MUTATIONS, type Mutation } from '../mutations/faults.ts';
import { MutantCommandStore, STORE_MUTATIONS } from '../mutations/store.ts';
import { MutantThrottle, THROTTLE_MUTATIONS } from '../mutations/throttle.ts';
import { DEFAULT_SUITE_CONFIG, type Through } from '../harness/platform.ts';
import { openSession } from '../harness/session.ts';
import type { PropertyOutcome, RunOptions } from './outcome.ts';
import type { SuiteProperty } from './properties.ts';

/** What each deliberate fault does to the simulator. */
export const MUTATION_EFFECTS: Readonly<Record<Mutation, string>> = {
  'cancel-takes-sent':
    'cancel (one, all, or a revocation task) also takes the command already SENT to its device',
  'throttle-off-by-one': 'a throttle window admits limit + 1 calls',
  'expiry-one-second-late': 'a pending command expires one second after its TTL',
  'pendding-spelled-correctly':
    'the revocation answer spells a pending command PENDING where the vendor writes PENDDING',
  'cancel-all-skips-last': 'cancel-all (and a revocation task) leaves the newest pending command pending',
};

export type MutationVerdict = {
  mutation: Mutation;
  /** Engine parts that should carry the fault but do not (the vendor simulator does not pass it down). */
  notWired: string[];
  outcomes: PropertyOutcome[];
  caught: boolean;
  durationMs: number;
};

/** Where the fault must have reached: every vendor's store, or every vendor's throttle. */
export const notWiredParts = (platform: Platform, mutation: Mutation): string[] => {
  const out: string[] = [];
  for (const v of platform.vendors.values()) {
    if (
      (STORE_MUTATIONS as readonly string[]).includes(mutation) &&
      !(v.store instanceof MutantCommandStore && v.store.mutations.includes(mutation))
    )
      out.push(`${v.vendor} command store`);
    if (
      (THROTTLE_MUTATIONS as readonly string[]).includes(mutation) &&
      !(v.throttle instanceof MutantThrottle && v.throttle.mutations.includes(mutation))
    )
      out.push(`${v.vendor} throttle`);
  }
  return out;
};

export type MutationCheckOptions = {
  mutations?: readonly Mutation[];
  properties: readonly SuiteProperty[];
  run: RunOptions;
  through?: Through;
  /** Stop trying a mutation's properties once one caught it (the npm-test share). */
  firstCatchOnly?: boolean;
  /** Run no property for a fault that is not wired in (it cannot be caught; say so at once). */
  requireWired?: boolean;
  onOutcome?: (mutation: Mutation, o: PropertyOutcome) => void;
};

export const runMutationCheck = async (o: MutationCheckOptions): Promise<MutationVerdict[]> => {
  const verdicts: MutationVerdict[] = [];
  for (const mutation of o.mutations ?? MUTATIONS) {
    const started = performance.now();
    const session = await openSession(
      { ...DEFAULT_SUITE_CONFIG, mutations: [mutation] },
      o.through ?? 'direct',
    );
    const outcomes: PropertyOutcome[] = [];
    const notWired = notWiredParts(session.running.platform, mutation);
    try {
      for (const p of o.requireWired && notWired.length > 0 ? [] : o.properties) {
        const outcome = await p.run({ session, mutations: [mutation] }, o.run);
        outcomes.push(outcome);
        o.onOutcome?.(mutation, outcome);
        if (!outcome.ok && o.firstCatchOnly) break;
      }
      verdicts.push({
        mutation,
        notWired,
        outcomes,
        caught: outcomes.some((x) => !x.ok),
        durationMs: Math.round(performance.now() - started),
      });
    } finally {
      await session.close();
    }
  }
  return verdicts;
};

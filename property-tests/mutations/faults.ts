// The deliberate faults of the simulator the mutation check switches on, one at a time, and how each is wired in.
import { allQuirks } from '../../contracts/quirks.ts';
import type { EngineFactories } from '../../simulators/platform/vendor-sim.ts';
import { storesWith } from './store.ts';
import { throttlesWith } from './throttle.ts';

/** Every deliberate fault, by name: the store's (store.ts), the throttle's (throttle.ts), and the quirk ones below. */
export const MUTATIONS = [
  'cancel-takes-sent',
  'throttle-off-by-one',
  'expiry-one-second-late',
  'pendding-spelled-correctly',
  'cancel-all-skips-last',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/**
 * Faults that are a documented misspelling taken away: the simulator answers with the correct spelling, as the vendor
 * does not (the quirks whose correct form is that value, contracts/quirks.ts).
 */
const SPELLED_CORRECTLY: Partial<Record<Mutation, string>> = { 'pendding-spelled-correctly': 'PENDING' };

/** The engine parts carrying the faults among `mutations` (plain ones for the others). */
export const enginesWith = (mutations: readonly string[]): EngineFactories => ({
  stores: storesWith(mutations),
  throttles: throttlesWith(mutations),
});

/** The quirk ids the simulator goes without for `mutations` (its config's `removedQuirks`). */
export const quirksRemovedBy = (mutations: readonly Mutation[]): string[] => {
  const spellings = mutations.flatMap((m) => SPELLED_CORRECTLY[m] ?? []);
  return allQuirks()
    .filter((q) => q.kind === 'spelling' && spellings.includes(q.without))
    .map((q) => q.id);
};

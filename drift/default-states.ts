// The provider states a third party's pact is verified with: its own when the names are ours, else the vendor's documented default.
import type { Vendor } from '../contracts/common/problem.ts';
import { vendorOf } from '../vendors/index.ts';
import type { PactInteraction } from './pact-file.ts';
import type { ProviderState } from './replay.ts';

/** Our provider-state names per vendor: a third party's state with one of these names is set as it is. */
export type KnownStates = Record<Vendor, ReadonlySet<string>>;

export type StateChoice =
  | { kind: 'ours'; states: ProviderState[] }
  | { kind: 'default'; states: ProviderState[]; replaced: string[] }
  | { kind: 'none'; replaced: string[] };

/**
 * The states an interaction is replayed with: its own when every name is one of ours; otherwise the vendor's
 * documented default derived from the request (drift/<vendor>/default-state.ts); otherwise none (the simulator's fleet as it is).
 */
export const chooseStates = (
  vendor: Vendor,
  i: PactInteraction,
  known: KnownStates,
  v4: boolean,
): StateChoice => {
  const given = i.providerStates ?? [];
  const replaced = given.filter((s) => !known[vendor].has(s.name)).map((s) => s.name);
  if (replaced.length === 0 && given.length > 0) return { kind: 'ours', states: given };
  const fallback = vendorOf(vendor).drift.defaultState(i, v4);
  return fallback ? { kind: 'default', states: [fallback], replaced } : { kind: 'none', replaced };
};

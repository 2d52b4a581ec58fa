// The known vendor quirks `harness verify-pact` and `harness drift` explain: every registered vendor's explanations and misspellings.
import { type AnyVendor, VENDORS } from '../vendors/index.ts';
import type { Explanation, Observation } from './explanation.ts';

export type { Explanation, Observation } from './explanation.ts';

/** Every vendor misspelling clients depend on, from the vendors' quirk lists (contracts/<vendor>/quirks.ts). */
const misspellingsOf = (v: AnyVendor) => v.quirks.flatMap((q) => (q.spelling ? [q.spelling] : []));

/** True when a pinned vendor misspelling now arrives spelled correctly. */
export const misspellingFixed = (expected: unknown, actual: unknown): boolean =>
  VENDORS.some((v) => misspellingsOf(v).some((m) => expected === m.vendor && actual === m.fixed));

/** A consumer expecting the dictionary's spelling where the vendor sends its own. */
const misspellingExplanations = (v: AnyVendor): Explanation[] =>
  misspellingsOf(v).map((m) => ({
    id: `spelling-${m.vendor.toLowerCase()}`,
    explain: (o) =>
      o.expected === m.fixed && o.actual === m.vendor
        ? `this consumer expects status ${m.fixed}; the vendor sends ${m.vendor} (${m.where}). ` +
          `${v.name} misspells it in its real answers and clients in the field depend on that: accept both spellings.`
        : undefined,
  }));

/** The explanations of every quirk of the vendor that accounts for an observation. */
export const explain = (o: Observation): string[] =>
  VENDORS.filter((v) => v.id === o.vendor)
    .flatMap((v) => [...misspellingExplanations(v), ...v.drift.explanations])
    .map((q) => q.explain(o))
    .filter((s): s is string => s !== undefined);

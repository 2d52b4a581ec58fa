// The known vendor quirks `harness verify-pact` and `harness drift` explain: every registered vendor's explanations and misspellings.
import { VENDORS } from '../vendors/index.ts';
import type { Observation } from './explanation.ts';

export type { Explanation, Observation } from './explanation.ts';

/** True when a pinned vendor misspelling now arrives spelled correctly. */
export const misspellingFixed = (expected: unknown, actual: unknown): boolean =>
  VENDORS.some((v) =>
    v.drift.misspellings.some(([vendor, fixed]) => expected === vendor && actual === fixed),
  );

/** The explanations of every quirk of the vendor that accounts for an observation. */
export const explain = (o: Observation): string[] =>
  VENDORS.filter((v) => v.id === o.vendor)
    .flatMap((v) => v.drift.explanations)
    .map((q) => q.explain(o))
    .filter((s): s is string => s !== undefined);

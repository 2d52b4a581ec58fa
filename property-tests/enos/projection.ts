// The model's view of EnOS, written from VENDOR-NOTES sections 1 and 4 (independently of contracts/): states, codes, and the mapping check.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { fromCanonical, toCanonical } from '../../contracts/enos/states.ts';

/** EnOS state integers: 4 Released covers SENT and DELIVERED. */
export const ENOS_STATE: Readonly<Record<CanonicalState, number>> = {
  PENDING: 1,
  CANCELED: 2,
  EXPIRED: 3,
  SENT: 4,
  DELIVERED: 4,
  SUCCEEDED: 5,
  FAILED: 6,
  TIMED_OUT: 7,
};

/** Vendor error codes the model predicts, by what the lifecycle refused. */
export const EXPECTED_CODES = {
  'device-offline': '11900',
  'device-busy': '11904',
  'cap-reached': '11902',
  'not-found': '11404',
  'not-pending': '11905',
} as const;

/** The contract's state mapping, both ways, against the model's own table. */
export const mappingProblems = (
  s: CanonicalState,
  eq: (what: string, a: unknown, b: unknown) => void,
): void => {
  const e = fromCanonical(s);
  eq(`enos ${s} code`, e, ENOS_STATE[s]);
  eq(`enos ${s} back`, toCanonical(e), s === 'DELIVERED' ? 'SENT' : s);
  eq(`enos ${e} again`, fromCanonical(toCanonical(e)), e);
};

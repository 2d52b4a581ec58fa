// The model's view of OceanConnect, written from VENDOR-NOTES sections 2 and 4 (independently of contracts/): statuses, codes, the mapping check.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { fromCanonical, toCanonical } from '../../contracts/oceanconnect/states.ts';

/** OceanConnect statuses in create, query and modify answers. */
export const OC_STATUS: Readonly<Record<CanonicalState, string>> = {
  PENDING: 'PENDING',
  CANCELED: 'CANCELED',
  EXPIRED: 'EXPIRED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  SUCCEEDED: 'SUCCESSFUL',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMEOUT',
};

/** Inside a revocation-task answer the vendor spells a pending command PENDDING (seed 002/003), verbatim. */
export const ocRevocationStatus = (state: CanonicalState): string =>
  state === 'PENDING' ? 'PENDDING' : OC_STATUS[state];

/** The revocation task's status right after creation: the vendor's WAITTING. */
export const OC_NEW_TASK_STATUS = 'WAITTING';

/** Vendor error codes the model predicts, by what the lifecycle refused. */
export const EXPECTED_CODES = {
  'cap-reached': '100223',
  'not-found': '100022',
  'not-pending': '100022',
  throttled: '1010009',
} as const;

/** Default command lifetime when the caller gives none: 48 h. */
export const DEFAULT_TTL_S = 172_800;

/** The contract's status mapping, both ways and in both contexts, against the model's own table. */
export const mappingProblems = (
  s: CanonicalState,
  eq: (what: string, a: unknown, b: unknown) => void,
): void => {
  const c = fromCanonical(s, 'command');
  const r = fromCanonical(s, 'revocation');
  eq(`oceanconnect ${s} status`, c, OC_STATUS[s]);
  eq(`oceanconnect ${s} revocation status`, r, ocRevocationStatus(s));
  eq(`oceanconnect ${c} back`, toCanonical(c), s);
  eq(`oceanconnect ${r} back`, toCanonical(r), s);
};

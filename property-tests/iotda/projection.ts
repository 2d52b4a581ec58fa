// The model's view of IoTDA, written from VENDOR-NOTES sections 3 and 4 (independently of contracts/): statuses, codes, the mapping check.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { toCanonical, toIotdaStatus } from '../../contracts/iotda/states.ts';

/** IoTDA statuses; no IoTDA command is ever CANCELED (no cancel API). */
export const IOTDA_STATUS: Readonly<Record<CanonicalState, string | null>> = {
  PENDING: 'PENDING',
  CANCELED: null,
  EXPIRED: 'EXPIRED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  SUCCEEDED: 'SUCCESSFUL',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMEOUT',
};

/** Vendor error codes the model predicts, by what the lifecycle refused. */
export const EXPECTED_CODES = {
  'device-offline': 'IOTDA.014016',
  'device-busy': 'IOTDA.000006',
  'cap-reached': 'IOTDA.000006',
  'not-found': 'IOTDA.014000',
  throttled: 'APIG.0308',
} as const;

/** Default command lifetime when the caller gives none: 24 h (delay strategy). */
export const DEFAULT_TTL_S = 86_400;

/** The contract's status mapping, both ways, against the model's own table. */
export const mappingProblems = (
  s: CanonicalState,
  eq: (what: string, a: unknown, b: unknown) => void,
): void => {
  const i = toIotdaStatus(s);
  eq(`iotda ${s} status`, i.ok ? i.status : null, IOTDA_STATUS[s]);
  if (i.ok) eq(`iotda ${i.status} back`, toCanonical(i.status), s);
};

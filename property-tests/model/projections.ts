// Each vendor's projection of the canonical lifecycle, written from VENDOR-NOTES section 4 (independently of contracts/).
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';

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
  enos: {
    'device-offline': '11900',
    'device-busy': '11904',
    'cap-reached': '11902',
    'not-found': '11404',
    'not-pending': '11905',
  },
  oceanconnect: {
    'cap-reached': '100223',
    'not-found': '100022',
    'not-pending': '100022',
    throttled: '1010009',
  },
  iotda: {
    'device-offline': 'IOTDA.014016',
    'device-busy': 'IOTDA.000006',
    'cap-reached': 'IOTDA.000006',
    'not-found': 'IOTDA.014000',
    throttled: 'APIG.0308',
  },
} as const;

/** The vendors' documented pending caps (VENDOR-NOTES sections 1 to 3). */
export const PENDING_CAPS = { enos: 50, oceanconnect: 20, iotda: 20 } as const;

/** Default command lifetimes when the caller gives none: OceanConnect 48 h, IoTDA 24 h (delay strategy). */
export const DEFAULT_TTL_S = { oceanconnect: 172_800, iotda: 86_400 } as const;

// IoTDA async-command statuses and their one mapping to and from the canonical lifecycle (total both ways).
import { z } from 'zod';
import { CANONICAL_STATES, type CanonicalState } from '../common/lifecycle.ts';

/** The seven statuses of the seed page, spelled as the vendor sends them. */
export const IOTDA_STATUSES = [
  'PENDING',
  'EXPIRED',
  'SENT',
  'DELIVERED',
  'SUCCESSFUL',
  'FAILED',
  'TIMEOUT',
] as const;
export const IotdaStatus = z.enum(IOTDA_STATUSES);
export type IotdaStatus = z.infer<typeof IotdaStatus>;

/** What `GET async-commands` (the device queue) lists. */
export const QUEUED_STATUSES = ['PENDING', 'SENT', 'DELIVERED'] as const satisfies readonly IotdaStatus[];
export const QueuedStatus = z.enum(QUEUED_STATUSES);
export type QueuedStatus = z.infer<typeof QueuedStatus>;

/** What `GET async-commands-history` lists (DELIVERED appears in both lists). */
export const HISTORY_STATUSES = [
  'EXPIRED',
  'SUCCESSFUL',
  'FAILED',
  'TIMEOUT',
  'DELIVERED',
] as const satisfies readonly IotdaStatus[];
export const HistoryStatus = z.enum(HISTORY_STATUSES);
export type HistoryStatus = z.infer<typeof HistoryStatus>;

/** IoTDA -> canonical: every vendor status has exactly one canonical state. */
export const IOTDA_TO_CANONICAL: Readonly<Record<IotdaStatus, CanonicalState>> = {
  PENDING: 'PENDING',
  EXPIRED: 'EXPIRED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  SUCCESSFUL: 'SUCCEEDED',
  FAILED: 'FAILED',
  TIMEOUT: 'TIMED_OUT',
};

/**
 * Canonical -> IoTDA, total over the canonical states. `null` says, explicitly, that the state has no IoTDA
 * projection: IoTDA has no cancel API for async commands, so no IoTDA command is ever CANCELED.
 */
export const CANONICAL_TO_IOTDA: Readonly<Record<CanonicalState, IotdaStatus | null>> = {
  PENDING: 'PENDING',
  CANCELED: null,
  EXPIRED: 'EXPIRED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  SUCCEEDED: 'SUCCESSFUL',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMEOUT',
};

export const toCanonical = (status: IotdaStatus): CanonicalState => IOTDA_TO_CANONICAL[status];

export type IotdaProjection =
  | { ok: true; status: IotdaStatus }
  | { ok: false; canonical: CanonicalState; reason: 'no-iotda-projection' };

/** Canonical -> IoTDA as data: a state without a projection (CANCELED) is a failure value, never a guess. */
export const toIotdaStatus = (canonical: CanonicalState): IotdaProjection => {
  const status = CANONICAL_TO_IOTDA[canonical];
  return status === null ? { ok: false, canonical, reason: 'no-iotda-projection' } : { ok: true, status };
};

/** Canonical states IoTDA can never report. */
export const UNPROJECTED_CANONICAL_STATES: readonly CanonicalState[] = CANONICAL_STATES.filter(
  (s) => CANONICAL_TO_IOTDA[s] === null,
);

/**
 * IoTDA's own lifecycle (seed 004 and the async-command guide): `delay` commands wait PENDING until the device is
 * online or reports, then go SENT -> DELIVERED -> SUCCESSFUL | FAILED, or TIMEOUT without a response; PENDING
 * commands whose expire_time passes become EXPIRED. There is no cancel.
 */
export const IOTDA_TRANSITIONS: Readonly<Record<IotdaStatus, readonly IotdaStatus[]>> = {
  PENDING: ['SENT', 'EXPIRED'],
  SENT: ['DELIVERED', 'FAILED', 'TIMEOUT'],
  DELIVERED: ['SUCCESSFUL', 'FAILED', 'TIMEOUT'],
  EXPIRED: [],
  SUCCESSFUL: [],
  FAILED: [],
  TIMEOUT: [],
};

// EnOS command state integers (1..7) and their projection onto the canonical lifecycle, in both directions.
import { z } from 'zod';
import type { CanonicalState } from '../common/lifecycle.ts';

/** The documented state integers with the vendor's own names ("7 - Response timed out" in the table). */
export const ENOS_STATE_NAMES = {
  1: 'Created',
  2: 'Canceled',
  3: 'Expired',
  4: 'Released',
  5: 'Send successfully',
  6: 'Failed',
  7: 'Response timed out',
} as const;

export const ENOS_STATE_CODES = [1, 2, 3, 4, 5, 6, 7] as const;

export const EnosState = z.literal(ENOS_STATE_CODES);
export type EnosState = z.infer<typeof EnosState>;

/** Vendor -> canonical (VENDOR-NOTES section 4). 4 Released is "sent from the cache": canonical SENT. */
export const ENOS_TO_CANONICAL: Readonly<Record<EnosState, CanonicalState>> = {
  1: 'PENDING',
  2: 'CANCELED',
  3: 'EXPIRED',
  4: 'SENT',
  5: 'SUCCEEDED',
  6: 'FAILED',
  7: 'TIMED_OUT',
};

/**
 * Canonical -> vendor. EnOS has no DELIVERED state: 4 Released covers both SENT and DELIVERED, so DELIVERED maps to 4
 * and reading 4 back gives SENT. This is the one lossy pair of the mapping, on purpose.
 */
export const CANONICAL_TO_ENOS: Readonly<Record<CanonicalState, EnosState>> = {
  PENDING: 1,
  CANCELED: 2,
  EXPIRED: 3,
  SENT: 4,
  DELIVERED: 4,
  SUCCEEDED: 5,
  FAILED: 6,
  TIMED_OUT: 7,
};

export const toCanonical = (state: EnosState): CanonicalState => ENOS_TO_CANONICAL[state];
export const fromCanonical = (state: CanonicalState): EnosState => CANONICAL_TO_ENOS[state];

/** Only 1 Created may be cancelled; any other state gives 11905. */
export const isCancellableEnos = (state: EnosState): boolean => state === 1;

/** commandType: 1 = measurement point setting, 2 = service invocation. */
export const COMMAND_TYPES = { setMeasurepoint: 1, invokeService: 2 } as const;
export const CommandType = z.union([z.literal(1), z.literal(2)]);
export type CommandType = z.infer<typeof CommandType>;

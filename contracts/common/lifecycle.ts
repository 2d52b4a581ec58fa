// The canonical command lifecycle: the one state model every vendor's codes and spellings project onto.
import { z } from 'zod';

export const CANONICAL_STATES = [
  'PENDING',
  'CANCELED',
  'EXPIRED',
  'SENT',
  'DELIVERED',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
] as const;

export const CanonicalState = z.enum(CANONICAL_STATES);
export type CanonicalState = z.infer<typeof CanonicalState>;

/** States a command never leaves. */
export const TERMINAL_STATES: ReadonlySet<CanonicalState> = new Set([
  'CANCELED',
  'EXPIRED',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
]);

/** Allowed transitions of the canonical lifecycle (VENDOR-NOTES section 4). */
export const TRANSITIONS: Readonly<Record<CanonicalState, readonly CanonicalState[]>> = {
  PENDING: ['SENT', 'CANCELED', 'EXPIRED'],
  SENT: ['DELIVERED', 'TIMED_OUT', 'FAILED'],
  DELIVERED: ['SUCCEEDED', 'FAILED', 'TIMED_OUT'],
  CANCELED: [],
  EXPIRED: [],
  SUCCEEDED: [],
  FAILED: [],
  TIMED_OUT: [],
};

export const isTerminal = (state: CanonicalState): boolean => TERMINAL_STATES.has(state);

/** Only a pending (cached, undelivered) command may be cancelled or revoked. */
export const isCancellable = (state: CanonicalState): boolean => state === 'PENDING';

export const canTransition = (from: CanonicalState, to: CanonicalState): boolean =>
  TRANSITIONS[from].includes(to);

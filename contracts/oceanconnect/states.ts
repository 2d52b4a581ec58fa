// OceanConnect command and revocation-task statuses (vendor spellings included) and their mapping to the canonical lifecycle.
import { z } from 'zod';
import type { CanonicalState } from '../common/lifecycle.ts';

/** Command statuses as the create, query and modify answers spell them. */
export const COMMAND_STATUSES = [
  'PENDING',
  'EXPIRED',
  'SUCCESSFUL',
  'FAILED',
  'TIMEOUT',
  'CANCELED',
  'DELIVERED',
  'SENT',
] as const;
export const CommandStatus = z.enum(COMMAND_STATUSES);
export type CommandStatus = z.infer<typeof CommandStatus>;

/** The vendor's spelling of a pending command inside revocation-task answers (seed 002/003). Pinned exactly. */
export const PENDDING = 'PENDDING';

/** Command statuses as revocation-task answers spell them: PENDING is sent as `PENDDING`. */
export const REVOCATION_COMMAND_STATUSES = [
  PENDDING,
  'EXPIRED',
  'SUCCESSFUL',
  'FAILED',
  'TIMEOUT',
  'CANCELED',
  'DELIVERED',
  'SENT',
] as const;
export const RevocationCommandStatus = z.enum(REVOCATION_COMMAND_STATUSES);
export type RevocationCommandStatus = z.infer<typeof RevocationCommandStatus>;

/** Every spelling the tolerant reader accepts in any answer: both PENDING and PENDDING. */
export const AnyCommandStatus = z.enum([...COMMAND_STATUSES, PENDDING]);
export type AnyCommandStatus = z.infer<typeof AnyCommandStatus>;

/** Revocation-task statuses; `WAITTING` is the vendor's spelling (seed 002/003). */
export const TASK_STATUSES = ['WAITTING', 'RUNNING', 'SUCCESS', 'FAILED', 'PART_SUCCESS'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/**
 * Tolerant reader of a task status: also accepts `WAITING`, the spelling a vendor fix would produce, and reads it
 * as the vendor's `WAITTING` so that callers see one value whichever spelling arrives.
 */
export const TaskStatusTolerant = z
  .enum([...TASK_STATUSES, 'WAITING'])
  .transform((s): TaskStatus => (s === 'WAITING' ? 'WAITTING' : s));

/** Task statuses after which the task does not change any more. */
export const FINISHED_TASK_STATUSES: ReadonlySet<TaskStatus> = new Set(['SUCCESS', 'FAILED', 'PART_SUCCESS']);

const TO_CANONICAL: Readonly<Record<AnyCommandStatus, CanonicalState>> = {
  PENDING: 'PENDING',
  PENDDING: 'PENDING',
  CANCELED: 'CANCELED',
  EXPIRED: 'EXPIRED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  SUCCESSFUL: 'SUCCEEDED',
  FAILED: 'FAILED',
  TIMEOUT: 'TIMED_OUT',
};

const FROM_CANONICAL: Readonly<Record<CanonicalState, CommandStatus>> = {
  PENDING: 'PENDING',
  CANCELED: 'CANCELED',
  EXPIRED: 'EXPIRED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  SUCCEEDED: 'SUCCESSFUL',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMEOUT',
};

/** Where a status is written: command answers spell PENDING, revocation-task answers spell PENDDING. */
export type StatusContext = 'command' | 'revocation';

/** Vendor status (either spelling) to canonical state. */
export const toCanonical = (status: AnyCommandStatus): CanonicalState => TO_CANONICAL[status];

/** Canonical state to the status the vendor writes in the given kind of answer. */
export function fromCanonical(state: CanonicalState, context: 'revocation'): RevocationCommandStatus;
export function fromCanonical(state: CanonicalState, context?: 'command'): CommandStatus;
export function fromCanonical(state: CanonicalState, context: StatusContext = 'command'): AnyCommandStatus {
  if (context === 'revocation' && state === 'PENDING') return PENDDING;
  return FROM_CANONICAL[state];
}

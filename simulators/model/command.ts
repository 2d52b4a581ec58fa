// One command's record: its public view (a zod schema), the compact internal record, and the store's typed answers.
import { z } from 'zod';
import { CanonicalState, canTransition } from '../../contracts/common/lifecycle.ts';
import type { DeviceRecord } from './device.ts';

const time = z.number();
const maybeTime = z.number().nullable();

/** What the store hands out: a copy of one command's record at one moment, all times in platform epoch ms. */
export const CommandView = z.object({
  commandId: z.string().min(1),
  deviceKey: z.string(),
  /** Creation order across the whole store (0, 1, 2, ...): a stable sort key and paging marker. */
  seq: z.number().int().nonnegative(),
  state: CanonicalState,
  /** Whatever the vendor layer stored with the command (service, method, params, ...); the store never reads it. */
  payload: z.unknown(),
  createdAt: time,
  ttlMs: z.number().int().nonnegative(),
  /** createdAt + ttlMs: a command still PENDING at this instant is EXPIRED at this instant. */
  expiresAt: time,
  /** Platform ms after sentAt by which the device must respond; at sentAt + timeoutMs it is TIMED_OUT. */
  timeoutMs: z.number().int().positive(),
  sentAt: maybeTime,
  deliveredAt: maybeTime,
  respondedAt: maybeTime,
  /** When the command reached a terminal state. */
  finishedAt: maybeTime,
  /** Times the platform sent the command to the device (0 or 1: the model does not retransmit). */
  issuedTimes: z.number().int().nonnegative(),
  /** The device's result (behaviour.result / failureResult), null until it responds. */
  result: z.unknown(),
});
export type CommandView = z.infer<typeof CommandView>;

/**
 * The store's mutable record: the view's fields minus those derived from others (deviceKey from the device,
 * expiresAt = createdAt + ttlMs, issuedTimes from the state), plus its device and the handle of its one scheduled entry
 * (-1: none). Every field is a pointer or a small integer except createdAt, so a record stays near 150 bytes.
 */
export type CommandRecord = Omit<CommandView, 'deviceKey' | 'expiresAt' | 'issuedTimes'> & {
  device: DeviceRecord;
  timer: number;
};

export const CreateCommandInput = z.object({
  /** An explicit id (provider-state seeding); absent: `<idPrefix><counter>`. */
  commandId: z.string().min(1).optional(),
  payload: z.unknown(),
  /** How long the command may wait PENDING; 0 means "send now" (sendImmediately defaults to ttlMs === 0). */
  ttlMs: z.number().int().nonnegative(),
  /** Response timeout counted from sentAt; absent: the store's defaultTimeoutMs. */
  timeoutMs: z.number().int().positive().optional(),
  /** Send at once or refuse (device-offline, device-busy); never queue. Default: ttlMs === 0. */
  sendImmediately: z.boolean().optional(),
});
export type CreateCommandInput = z.infer<typeof CreateCommandInput>;

/** Why the store declined an operation: data for the vendor layer to map onto its own error codes. */
export const StoreRefusal = z.discriminatedUnion('reason', [
  z.object({ ok: z.literal(false), reason: z.literal('unknown-device'), deviceKey: z.string() }),
  z.object({ ok: z.literal(false), reason: z.literal('duplicate-device'), deviceKey: z.string() }),
  z.object({ ok: z.literal(false), reason: z.literal('duplicate-id'), commandId: z.string() }),
  z.object({
    ok: z.literal(false),
    reason: z.literal('cap-reached'),
    deviceKey: z.string(),
    cap: z.number(),
  }),
  z.object({ ok: z.literal(false), reason: z.literal('device-offline'), deviceKey: z.string() }),
  z.object({
    ok: z.literal(false),
    reason: z.literal('device-busy'),
    deviceKey: z.string(),
    inFlight: z.string(),
  }),
  z.object({ ok: z.literal(false), reason: z.literal('not-found'), commandId: z.string() }),
  z.object({
    ok: z.literal(false),
    reason: z.literal('not-pending'),
    commandId: z.string(),
    state: CanonicalState,
  }),
]);
export type StoreRefusal = z.infer<typeof StoreRefusal>;
type Refusal<R extends StoreRefusal['reason']> = Extract<StoreRefusal, { reason: R }>;

export type CreateResult =
  | { ok: true; command: CommandView }
  | Refusal<'unknown-device' | 'duplicate-id' | 'cap-reached' | 'device-offline' | 'device-busy'>;
/** `before` is the snapshot taken before the change (EnOS answers with it), `after` the record once CANCELED. */
export type CancelResult =
  | { ok: true; before: CommandView; after: CommandView }
  | Refusal<'not-found' | 'not-pending'>;
/** Exactly the commands that were PENDING, in queue order. */
export type CancelAllResult =
  | { ok: true; before: CommandView[]; after: CommandView[] }
  | Refusal<'unknown-device'>;

/** One state change, for journaling; `from: null` is the creation. */
export const CommandChange = z.object({
  commandId: z.string(),
  deviceKey: z.string(),
  from: CanonicalState.nullable(),
  to: CanonicalState,
  at: z.number(),
});
export type CommandChange = z.infer<typeof CommandChange>;

/** The one place a record is made, so every record has the same shape (fields in the same order). */
export const makeRecord = (
  commandId: string,
  device: DeviceRecord,
  seq: number,
  payload: unknown,
  createdAt: number,
  ttlMs: number,
  timeoutMs: number,
): CommandRecord => ({
  commandId,
  seq,
  state: 'PENDING',
  payload,
  createdAt,
  ttlMs,
  timeoutMs,
  sentAt: null,
  deliveredAt: null,
  respondedAt: null,
  finishedAt: null,
  result: null,
  device,
  timer: -1,
});

/** An impossible transition is a bug in the engine: it throws, and is never applied. */
export const assertTransition = (
  commandId: string,
  from: CanonicalState,
  to: CanonicalState,
  at: number,
): void => {
  if (!canTransition(from, to))
    throw new Error(`command-store bug: ${commandId} cannot go from ${from} to ${to} (at ${at})`);
};

export const expiresAtOf = (r: CommandRecord): number => r.createdAt + r.ttlMs;

/** States a command only reaches once the platform sent it to the device. */
const SENT_STATES: ReadonlySet<CanonicalState> = new Set([
  'SENT',
  'DELIVERED',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
]);

export const viewOf = (r: CommandRecord): CommandView => ({
  commandId: r.commandId,
  deviceKey: r.device.key,
  seq: r.seq,
  state: r.state,
  payload: r.payload,
  createdAt: r.createdAt,
  ttlMs: r.ttlMs,
  expiresAt: r.createdAt + r.ttlMs,
  timeoutMs: r.timeoutMs,
  sentAt: r.sentAt,
  deliveredAt: r.deliveredAt,
  respondedAt: r.respondedAt,
  finishedAt: r.finishedAt,
  issuedTimes: SENT_STATES.has(r.state) ? 1 : 0,
  result: r.result,
});

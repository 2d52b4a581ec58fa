// Every step the suite can take, as data: what a command class is built from, what toString prints and regressions keep.
import { z } from 'zod';

/** A device by its index in the run's device list (taken modulo its length). */
const Device = z.number().int().nonnegative();

/**
 * A command the step acts on: `pick` indexes the model's commands (modulo their number); `via` says how it is
 * addressed: on its own device, the newest command on its own device (often the one just sent), on another device of
 * the fleet, or not at all (an id the platform never gave).
 */
export const Target = z.object({
  pick: z.number().int().nonnegative(),
  via: z.enum(['own', 'newest', 'other-device', 'unknown-id']),
});
export type Target = z.infer<typeof Target>;

/** How an EnOS call names its device: by assetId, or by productKey + deviceKey (both documented). */
const EnosBy = z.enum(['asset', 'keys']).default('asset');

/** A command of the model whose creation time bounds a time-range query, or none. */
const Bound = z.number().int().nonnegative().nullable().default(null);

/** The calls of the vendor APIs, each through the vendor's reference client. */
export const CallSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('enos-create'),
    device: Device,
    action: z.enum(['invokeService', 'setMeasurepoint']),
    /** Seconds a command may stay cached; 0 sends it now (an instant command). */
    pendingTtl: z.number().int().min(0).max(172_800),
    /** Seconds the device has to respond, 1..60. */
    timeout: z.number().int().min(1).max(60),
    by: EnosBy,
  }),
  z.object({ kind: z.literal('enos-get'), target: Target, by: EnosBy }),
  z.object({ kind: z.literal('enos-cancel'), target: Target, by: EnosBy }),
  z.object({ kind: z.literal('enos-cancel-all'), device: Device, by: EnosBy }),
  /** action=search: `state = N` (or every command), newest first, one page. */
  z.object({
    kind: z.literal('enos-search'),
    device: Device,
    state: z.number().int().min(1).max(7).nullable(),
    pageNo: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(100),
  }),
  z.object({
    kind: z.literal('oc-create'),
    device: Device,
    /** Seconds; null leaves it out (48 h); 0 sends now. */
    expireTime: z.number().int().min(0).nullable(),
  }),
  z.object({ kind: z.literal('oc-modify'), target: Target }),
  z.object({ kind: z.literal('oc-revoke'), device: Device }),
  /** GET deviceCommands of one device: creation time between two commands' (to the second), one page. */
  z.object({
    kind: z.literal('oc-query'),
    device: Device,
    from: Bound,
    to: Bound,
    pageNo: z.number().int().nonnegative().default(0),
    pageSize: z.number().int().min(1).max(1000).default(1000),
  }),
  z.object({
    kind: z.literal('iotda-create'),
    device: Device,
    strategy: z.enum(['delay', 'immediately']),
    /** Seconds; null leaves it out (24 h for delay). */
    expireTime: z.number().int().min(0).max(172_800).nullable(),
  }),
  z.object({ kind: z.literal('iotda-show'), target: Target }),
  /** GET async-commands (queued) or async-commands-history, created since a command's creation, one page. */
  z.object({
    kind: z.literal('iotda-list'),
    device: Device,
    which: z.enum(['queued', 'history']),
    since: Bound,
    offset: z.number().int().min(0).max(500).nullable(),
    limit: z.number().int().min(1).max(50).nullable(),
  }),
]);
export type CallSpec = z.infer<typeof CallSpec>;

/** Steps on the platform itself (control API), then a burst of calls. */
export const StepSpec = z.discriminatedUnion('kind', [
  ...CallSpec.options,
  z.object({ kind: z.literal('advance'), ms: z.number().int().nonnegative() }),
  /** To the model's next event (an expiry, acknowledgement, response or timeout), plus `offsetMs` (0 or -1). */
  z.object({ kind: z.literal('advance-to-event'), offsetMs: z.number().int().min(-1000).max(0) }),
  z.object({ kind: z.literal('online'), device: Device, online: z.boolean() }),
  /** How the device acknowledges and answers what it is sent: delays, success or failure, or silence. */
  z.object({
    kind: z.literal('behaviour'),
    device: Device,
    ackDelayMs: z.number().int().nonnegative(),
    responseDelayMs: z.number().int().nonnegative(),
    fails: z.boolean(),
    silent: z.boolean(),
  }),
  z.object({ kind: z.literal('burst'), times: z.number().int().min(1).max(100), of: CallSpec }),
]);
export type StepSpec = z.infer<typeof StepSpec>;

/** The vendor a step belongs to, or undefined for steps any run can take. */
export const vendorOfStep = (s: StepSpec): 'enos' | 'oceanconnect' | 'iotda' | undefined => {
  const kind = s.kind === 'burst' ? s.of.kind : s.kind;
  if (kind.startsWith('enos-')) return 'enos';
  if (kind.startsWith('oc-')) return 'oceanconnect';
  if (kind.startsWith('iotda-')) return 'iotda';
  return undefined;
};

/** One line per step, the same text toString() prints and a regression file holds. */
export const specText = (s: StepSpec): string => JSON.stringify(s);

// The steps any run can take, as data (what toString prints and regressions keep); each vendor's calls are in property-tests/<vendor>/calls.ts.
import { z } from 'zod';
import { Device } from './parts.ts';

export { Target } from './parts.ts';

/** Steps on the platform itself (control API). */
export const COMMON_STEPS = [
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
] as const;
export type CommonStep = z.infer<(typeof COMMON_STEPS)[number]>;

/** One line per step, the same text toString() prints and a regression file holds. */
export const specText = (s: { kind: string }): string => JSON.stringify(s);

// Provider-state seeding: the input of CommandStore.seed (a command in any state, with its own times) and its defaults.
import { z } from 'zod';
import { CanonicalState } from '../../contracts/common/lifecycle.ts';

const maybeTime = z.number().nullable().optional();

/** The signature the lead specified for the three vendor simulators (see CommandStore.seed). */
export const SeedCommandInput = z.object({
  commandId: z.string().min(1),
  state: CanonicalState,
  payload: z.unknown().optional(),
  createdAt: z.number(),
  ttlMs: z.number().int().nonnegative(),
  timeoutMs: z.number().int().positive().optional(),
  sentAt: maybeTime,
  deliveredAt: maybeTime,
  respondedAt: maybeTime,
  finishedAt: maybeTime,
  result: z.unknown().optional(),
});
export type SeedCommandInput = z.infer<typeof SeedCommandInput>;

export type SeedTimes = {
  sentAt: number | null;
  deliveredAt: number | null;
  respondedAt: number | null;
  finishedAt: number | null;
};

/**
 * The times a seeded record gets. Given times are kept as they are (no ordering is enforced); the only ones filled
 * in are those the engine or the lifecycle needs: sentAt of a command in flight (default createdAt), deliveredAt of
 * a DELIVERED one (default sentAt), finishedAt of a terminal one (EXPIRED: createdAt + ttl; otherwise the latest
 * known of respondedAt, deliveredAt, sentAt, createdAt) and respondedAt of a SUCCEEDED/FAILED one (its finishedAt).
 */
export const seedTimesOf = (s: SeedCommandInput): SeedTimes => {
  const inFlight = s.state === 'SENT' || s.state === 'DELIVERED';
  const sentAt = s.sentAt ?? (inFlight ? s.createdAt : null);
  const deliveredAt = s.deliveredAt ?? (s.state === 'DELIVERED' ? sentAt : null);
  if (s.state === 'PENDING' || inFlight)
    return { sentAt, deliveredAt, respondedAt: s.respondedAt ?? null, finishedAt: null };
  const finishedAt =
    s.finishedAt ??
    (s.state === 'EXPIRED' ? s.createdAt + s.ttlMs : (s.respondedAt ?? deliveredAt ?? sentAt ?? s.createdAt));
  const responded = s.state === 'SUCCEEDED' || s.state === 'FAILED';
  // An explicit null says "never responded" (a send that failed before reaching the device); absent means "at the end".
  const respondedAt = s.respondedAt === undefined ? (responded ? finishedAt : null) : s.respondedAt;
  return { sentAt, deliveredAt, respondedAt, finishedAt };
};

// Per-application call limiting (fixed window, sliding log, token bucket), checked call by call in platform time.
import { z } from 'zod';

export const THROTTLE_ALGORITHMS = ['fixed-window', 'sliding-window', 'token-bucket'] as const;

export const ThrottleConfig = z.object({
  /** Calls allowed per window (token bucket: capacity, refilled at `limit` per `windowMs`). */
  limit: z.number().int().positive().default(100),
  windowMs: z.number().int().positive().default(60_000),
  algorithm: z.enum(THROTTLE_ALGORITHMS).default('fixed-window'),
  /**
   * Fixed window only. `epoch`: windows are [origin + k*windowMs, origin + (k+1)*windowMs), which a model can
   * predict from the time alone. `first-call`: a window opens at the first call made after the previous one ended.
   */
  alignment: z.enum(['epoch', 'first-call']).default('epoch'),
  /** Origin of epoch-aligned windows in platform epoch ms: 0 aligns to whole minutes of UTC for a 60 s window. */
  originMs: z.number().int().default(0),
  enabled: z.boolean().default(true),
});
export type ThrottleConfig = z.infer<typeof ThrottleConfig>;
export type ThrottleConfigInput = z.input<typeof ThrottleConfig>;

/**
 * `resetAt` is the platform time at which the application's allowance next grows: the end of the fixed window, the
 * moment the oldest counted call leaves the sliding window, or the moment the next token drips into the bucket.
 * A refused call consumes nothing, and `retryAfterMs` is `resetAt - now` (always > 0).
 */
export type ThrottleDecision =
  | { allowed: true; remaining: number; resetAt: number }
  | { allowed: false; retryAfterMs: number; resetAt: number };

type FixedState = { kind: 'fixed'; last: number; windowStart: number; count: number };
/** The exact log: the times of the last `limit` allowed calls in a ring buffer, so memory per app is `limit` numbers. */
type SlidingState = { kind: 'sliding'; last: number; ring: Float64Array; head: number; size: number };
/** Credit in units where one token is `windowMs` units and one ms adds `limit` units: integer arithmetic, exact. */
type BucketState = { kind: 'bucket'; last: number; units: number };
type AppState = FixedState | SlidingState | BucketState;

/** Floor division that stays right for negative numerators. */
const floorDiv = (a: number, b: number): number => Math.floor(a / b);

export class Throttle {
  private cfg: ThrottleConfig;
  private readonly apps = new Map<string, AppState>();

  constructor(config: ThrottleConfigInput = {}) {
    this.cfg = ThrottleConfig.parse(config);
  }

  get config(): ThrottleConfig {
    return this.cfg;
  }

  /** Replaces the configuration and forgets every application's history. */
  configure(config: ThrottleConfigInput): void {
    this.cfg = ThrottleConfig.parse(config);
    this.apps.clear();
  }

  /** Forgets one application's history, or everyone's. */
  reset(appKey?: string): void {
    if (appKey === undefined) this.apps.clear();
    else this.apps.delete(appKey);
  }

  /** Counts one call of `appKey` at platform time `now`. A time earlier than one already seen counts as that one. */
  check(appKey: string, now: number): ThrottleDecision {
    const { limit, windowMs } = this.cfg;
    if (!this.cfg.enabled) return { allowed: true, remaining: limit, resetAt: now };
    let state = this.apps.get(appKey);
    if (state === undefined) {
      state = this.fresh(now);
      this.apps.set(appKey, state);
    }
    const prev = state.last;
    const t = Math.max(now, prev);
    state.last = t;
    switch (state.kind) {
      case 'fixed': {
        if (this.cfg.alignment === 'epoch') {
          const start = this.cfg.originMs + floorDiv(t - this.cfg.originMs, windowMs) * windowMs;
          if (start !== state.windowStart) {
            state.windowStart = start;
            state.count = 0;
          }
        } else if (t >= state.windowStart + windowMs) {
          state.windowStart = t;
          state.count = 0;
        }
        const resetAt = state.windowStart + windowMs;
        if (state.count >= this.fixedWindowAdmits(limit))
          return { allowed: false, retryAfterMs: resetAt - t, resetAt };
        state.count++;
        return { allowed: true, remaining: limit - state.count, resetAt };
      }
      case 'sliding': {
        const { ring } = state;
        while (state.size > 0 && ring[state.head]! <= t - windowMs) {
          state.head = (state.head + 1) % limit;
          state.size--;
        }
        if (state.size >= limit) {
          const resetAt = ring[state.head]! + windowMs;
          return { allowed: false, retryAfterMs: resetAt - t, resetAt };
        }
        ring[(state.head + state.size) % limit] = t;
        state.size++;
        return { allowed: true, remaining: limit - state.size, resetAt: ring[state.head]! + windowMs };
      }
      case 'bucket': {
        const full = limit * windowMs;
        state.units = Math.min(full, state.units + (t - prev) * limit);
        return this.take(state, t);
      }
    }
  }

  /**
   * The calls a fixed window admits: its limit. The one rule a subclass may break on purpose (the property suite's
   * mutation check runs a throttle with that fault, property-tests/mutations/throttle.ts).
   */
  protected fixedWindowAdmits(limit: number): number {
    return limit;
  }

  private take(state: BucketState, t: number): ThrottleDecision {
    const { limit, windowMs } = this.cfg;
    if (state.units < windowMs) {
      const resetAt = t + Math.ceil((windowMs - state.units) / limit);
      return { allowed: false, retryAfterMs: resetAt - t, resetAt };
    }
    state.units -= windowMs;
    const tokens = Math.floor(state.units / windowMs);
    const resetAt = t + Math.ceil(((tokens + 1) * windowMs - state.units) / limit);
    return { allowed: true, remaining: tokens, resetAt };
  }

  private fresh(now: number): AppState {
    const { limit, windowMs, algorithm } = this.cfg;
    if (algorithm === 'sliding-window')
      return { kind: 'sliding', last: now, ring: new Float64Array(limit), head: 0, size: 0 };
    if (algorithm === 'token-bucket') return { kind: 'bucket', last: now, units: limit * windowMs };
    return { kind: 'fixed', last: now, windowStart: Number.NEGATIVE_INFINITY, count: 0 };
  }
}

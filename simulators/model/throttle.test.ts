import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  THROTTLE_ALGORITHMS,
  Throttle,
  type ThrottleConfigInput,
  type ThrottleDecision,
} from './throttle.ts';
import { predictAllowed } from './throttle-predict.ts';

/** Fixed seed: these properties run the same cases every time; a failure prints the seed and path anyway. */
const FC = { seed: 20_260_101, numRuns: 300 };

const run = (config: ThrottleConfigInput, times: number[], app = 'app') => {
  const t = new Throttle(config);
  return times.map((at) => t.check(app, at));
};
const allowedOf = (ds: ThrottleDecision[]) => ds.map((d) => d.allowed);

describe('throttle: fixed window aligned to the epoch (the default)', () => {
  it('defaults to 100 calls per 60 s in fixed windows aligned to epoch multiples', () => {
    const t = new Throttle();
    expect(t.config).toMatchObject({
      limit: 100,
      windowMs: 60_000,
      algorithm: 'fixed-window',
      alignment: 'epoch',
    });
    const start = Date.UTC(2026, 0, 1, 12, 0, 59); // one second before a minute boundary
    for (let i = 0; i < 100; i++) expect(t.check('a', start).allowed).toBe(true);
    expect(t.check('a', start + 999)).toEqual({
      allowed: false,
      retryAfterMs: 1,
      resetAt: Date.UTC(2026, 0, 1, 12, 1, 0),
    });
    expect(t.check('a', start + 1000)).toEqual({
      allowed: true,
      remaining: 99,
      resetAt: Date.UTC(2026, 0, 1, 12, 2, 0),
    });
  });

  it('admits exactly limit calls per window, the boundary instant opening the next window', () => {
    const ds = run({ limit: 3, windowMs: 1000 }, [0, 1, 2, 3, 999, 1000, 1999, 2000]);
    expect(ds).toEqual([
      { allowed: true, remaining: 2, resetAt: 1000 },
      { allowed: true, remaining: 1, resetAt: 1000 },
      { allowed: true, remaining: 0, resetAt: 1000 },
      { allowed: false, retryAfterMs: 997, resetAt: 1000 },
      { allowed: false, retryAfterMs: 1, resetAt: 1000 },
      { allowed: true, remaining: 2, resetAt: 2000 },
      { allowed: true, remaining: 1, resetAt: 2000 },
      { allowed: true, remaining: 2, resetAt: 3000 },
    ]);
  });

  it('aligns to the configured origin', () => {
    const ds = run({ limit: 1, windowMs: 1000, originMs: 250 }, [249, 250, 1249, 1250]);
    expect(allowedOf(ds)).toEqual([true, true, false, true]);
    expect(ds[2]).toEqual({ allowed: false, retryAfterMs: 1, resetAt: 1250 });
  });

  it('keeps applications apart', () => {
    const t = new Throttle({ limit: 1, windowMs: 1000 });
    expect(t.check('a', 0).allowed).toBe(true);
    expect(t.check('a', 1).allowed).toBe(false);
    expect(t.check('b', 1).allowed).toBe(true);
    t.reset('a');
    expect(t.check('a', 2).allowed).toBe(true);
  });
});

describe('throttle: fixed window aligned to the first call', () => {
  it('opens a window at the first call after the previous one ended', () => {
    const ds = run({ limit: 2, windowMs: 1000, alignment: 'first-call' }, [500, 600, 1499, 1500, 1501, 5000]);
    expect(ds).toEqual([
      { allowed: true, remaining: 1, resetAt: 1500 },
      { allowed: true, remaining: 0, resetAt: 1500 },
      { allowed: false, retryAfterMs: 1, resetAt: 1500 },
      { allowed: true, remaining: 1, resetAt: 2500 },
      { allowed: true, remaining: 0, resetAt: 2500 },
      { allowed: true, remaining: 1, resetAt: 6000 },
    ]);
  });
});

describe('throttle: sliding window (exact log)', () => {
  it('counts admitted calls in (t - window, t]', () => {
    const ds = run(
      { limit: 3, windowMs: 1000, algorithm: 'sliding-window' },
      [0, 10, 20, 999, 1000, 1009, 1010],
    );
    expect(ds).toEqual([
      { allowed: true, remaining: 2, resetAt: 1000 },
      { allowed: true, remaining: 1, resetAt: 1000 },
      { allowed: true, remaining: 0, resetAt: 1000 },
      { allowed: false, retryAfterMs: 1, resetAt: 1000 },
      { allowed: true, remaining: 0, resetAt: 1010 },
      { allowed: false, retryAfterMs: 1, resetAt: 1010 },
      { allowed: true, remaining: 0, resetAt: 1020 },
    ]);
  });
});

describe('throttle: token bucket', () => {
  it('starts full and refills limit tokens per window, continuously', () => {
    // 3 tokens, one more every 1000 ms.
    const ds = run(
      { limit: 3, windowMs: 3000, algorithm: 'token-bucket' },
      [0, 0, 0, 0, 999, 1000, 1000, 2500, 10_000],
    );
    expect(ds).toEqual([
      { allowed: true, remaining: 2, resetAt: 1000 },
      { allowed: true, remaining: 1, resetAt: 1000 },
      { allowed: true, remaining: 0, resetAt: 1000 },
      { allowed: false, retryAfterMs: 1000, resetAt: 1000 },
      { allowed: false, retryAfterMs: 1, resetAt: 1000 },
      { allowed: true, remaining: 0, resetAt: 2000 },
      { allowed: false, retryAfterMs: 1000, resetAt: 2000 },
      { allowed: true, remaining: 0, resetAt: 3000 },
      { allowed: true, remaining: 2, resetAt: 11_000 },
    ]);
  });
});

describe('throttle: switches', () => {
  it('a disabled throttle allows everything', () => {
    const ds = run({ limit: 1, windowMs: 1000, enabled: false }, [0, 0, 0]);
    expect(allowedOf(ds)).toEqual([true, true, true]);
    expect(predictAllowed({ limit: 1, enabled: false }, [0, 0, 0]).allowed).toBe(3);
  });

  it('a time before one already seen counts as the latest one', () => {
    const ds = run({ limit: 1, windowMs: 1000 }, [1500, 900]);
    expect(ds[1]).toEqual({ allowed: false, retryAfterMs: 500, resetAt: 2000 });
  });

  it('configure replaces the settings and forgets history', () => {
    const t = new Throttle({ limit: 1, windowMs: 1000 });
    t.check('a', 0);
    expect(t.check('a', 0).allowed).toBe(false);
    t.configure({ limit: 2, windowMs: 1000, algorithm: 'sliding-window' });
    expect(t.check('a', 0).allowed).toBe(true);
    expect(t.check('a', 0).allowed).toBe(true);
    expect(t.check('a', 0).allowed).toBe(false);
  });

  it('refuses invalid settings', () => {
    expect(() => new Throttle({ limit: 0 })).toThrow();
    expect(() => new Throttle({ windowMs: 1.5 })).toThrow();
  });
});

/** Configurations of every algorithm and alignment, small enough that limits are hit often. */
const configArb = fc.record({
  limit: fc.integer({ min: 1, max: 8 }),
  windowMs: fc.integer({ min: 1, max: 2000 }),
  algorithm: fc.constantFrom(...THROTTLE_ALGORITHMS),
  alignment: fc.constantFrom('epoch' as const, 'first-call' as const),
  originMs: fc.integer({ min: -5000, max: 5000 }),
});
/** Call times in order: bursts (gap 0) and pauses around the window length. */
const timesArb = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.nat({ max: 700 }), { maxLength: 120 }))
  .map(([start, gaps]) => {
    let t = start;
    return gaps.map((g) => {
      t += g < 350 ? 0 : g - 350;
      return t;
    });
  });

describe('throttle: properties', () => {
  it('predictAllowed agrees with check() call by call', () => {
    fc.assert(
      fc.property(configArb, timesArb, (config, times) => {
        expect(allowedOf(run(config, times))).toEqual(predictAllowed(config, times).decisions);
      }),
      FC,
    );
  });

  it('fixed window (epoch): never more than limit admitted in a window, never a refusal below it', () => {
    fc.assert(
      fc.property(configArb, timesArb, (config, times) => {
        const c = { ...config, algorithm: 'fixed-window' as const, alignment: 'epoch' as const };
        const ds = run(c, times);
        const used = new Map<number, number>();
        times.forEach((t, i) => {
          const w = Math.floor((t - c.originMs) / c.windowMs);
          const n = used.get(w) ?? 0;
          expect(ds[i]!.allowed).toBe(n < c.limit);
          if (ds[i]!.allowed) used.set(w, n + 1);
        });
      }),
      FC,
    );
  });

  it('sliding window: never more than limit admitted in any (t - window, t], never a refusal below it', () => {
    fc.assert(
      fc.property(configArb, timesArb, (config, times) => {
        const c = { ...config, algorithm: 'sliding-window' as const };
        const ds = run(c, times);
        const admitted: number[] = [];
        times.forEach((t, i) => {
          const inWindow = admitted.filter((a) => a > t - c.windowMs).length;
          expect(ds[i]!.allowed).toBe(inWindow < c.limit);
          if (ds[i]!.allowed) admitted.push(t);
        });
      }),
      FC,
    );
  });

  it('token bucket: at most limit + (span * limit / window) admitted over any span', () => {
    fc.assert(
      fc.property(configArb, timesArb, (config, times) => {
        const c = { ...config, algorithm: 'token-bucket' as const };
        const ds = run(c, times);
        const admitted = times.filter((_, i) => ds[i]!.allowed);
        for (let i = 0; i < admitted.length; i++)
          for (let j = i; j < admitted.length; j++) {
            const span = admitted[j]! - admitted[i]!;
            expect(j - i + 1).toBeLessThanOrEqual(c.limit + Math.floor((span * c.limit) / c.windowMs));
          }
      }),
      { ...FC, numRuns: 100 },
    );
  });

  it('a refused call succeeds exactly at resetAt and not one millisecond earlier', () => {
    fc.assert(
      fc.property(configArb, timesArb, (config, times) => {
        const t = new Throttle(config);
        for (const at of times) {
          const d = t.check('a', at);
          if (d.allowed) continue;
          expect(d.retryAfterMs).toBe(d.resetAt - at);
          expect(d.retryAfterMs).toBeGreaterThan(0);
          if (d.retryAfterMs > 1) expect(t.check('a', d.resetAt - 1).allowed).toBe(false);
          expect(t.check('a', d.resetAt).allowed).toBe(true);
          return; // the throttle's history now differs from `times`: one refusal per case is enough
        }
      }),
      FC,
    );
  });
});

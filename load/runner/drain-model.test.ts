// The analytic drain model: its figures for a hand-worked fleet, and the fewest keys as the least number whose drain fits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drainTolerance, estimateDrain, fewestApps } from './drain-model.ts';

const base = { limit: 100, windowMs: 60_000, callsPerWindow: 100, strategy: 'revoke' as const };

describe('estimateDrain', () => {
  it('works out 1000 devices over 2 keys at 100 calls per minute by hand', () => {
    // 500 calls per key, one every 600 ms: the last at 499 * 600 ms = 299.4 s.
    expect(estimateDrain({ ...base, devices: 1000, pending: 5, apps: 2 })).toEqual({
      callsPerApp: 500,
      totalCalls: 1000,
      drainMs: 299_400,
      callsPerMinute: 200,
      commandsPerMinute: 1000,
    });
  });

  it('counts one call per command with the modify strategy, and never paces above the limit', () => {
    const e = estimateDrain({
      ...base,
      devices: 10,
      pending: 3,
      apps: 1,
      strategy: 'modify',
      callsPerWindow: 150,
    });
    expect(e).toMatchObject({
      callsPerApp: 30,
      drainMs: 29 * 600,
      callsPerMinute: 100,
      commandsPerMinute: 100,
    });
  });

  it('states a tolerance of 1 % or two intervals, whichever is larger', () => {
    const input = { ...base, devices: 1000, pending: 1, apps: 1 };
    expect(drainTolerance(input, 599_400)).toBeCloseTo(5994);
    expect(drainTolerance(input, 10_000)).toBe(1200);
  });
});

describe('fewestApps', () => {
  it('is the least number of keys whose drain fits the deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 240 }),
        fc.constantFrom('revoke' as const, 'modify' as const),
        (devices, pending, deadlineMin, strategy) => {
          const input = { ...base, devices, pending, strategy };
          const deadlineMs = deadlineMin * 60_000;
          const least = fewestApps(input, deadlineMs);
          if (least === undefined) {
            expect(strategy).toBe('modify');
            expect((pending - 1) * 600).toBeGreaterThan(deadlineMs);
            return;
          }
          expect(estimateDrain({ ...input, apps: least }).drainMs).toBeLessThanOrEqual(deadlineMs);
          if (least > 1)
            expect(estimateDrain({ ...input, apps: least - 1 }).drainMs).toBeGreaterThan(deadlineMs);
        },
      ),
    );
  });
});

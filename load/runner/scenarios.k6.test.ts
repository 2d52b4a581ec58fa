// The four load scenarios run with the real k6 against fresh simulators (smoke profiles, compressed time); their summaries and journals are asserted.
import { describe, expect, it } from 'vitest';
import { k6Suite, RUN_TIMEOUT_MS } from './k6-suite.ts';

const { run, hasK6 } = k6Suite('load scenarios');

// Real-time load on a 2-core machine: a run whose calls the OS delayed past their window boundary is re-run once.
// A retry cannot hide an accounting error: every throttle decision is still compared with the model, exactly.
describe('load scenarios with k6 (smoke profiles)', { retry: 1 }, () => {
  it(
    'at-limit: 100 calls per platform minute per application for 10 windows, nothing refused on either vendor',
    async (ctx) => {
      if (!hasK6()) return ctx.skip('no k6 here');
      const r = await run('at-limit');
      expect(r.platformMinutes).toBeGreaterThanOrEqual(9.9);
      // k6's summary: exactly the planned calls, every answer the documented success, no 1010009, nothing dropped.
      expect(r.k6.metrics).toMatchObject({
        oc_calls: 1000,
        enos_calls: 1000,
        oc_success: 1,
        enos_success: 1,
      });
      expect(r.k6.metrics.oc_throttled ?? 0).toBe(0);
      expect(r.k6.metrics.dropped_iterations ?? 0).toBe(0);
      expect(r.k6.thresholds.every((t) => t.ok)).toBe(true);
      // The journals, replayed through the throttle model at the platform times recorded.
      for (const vendor of ['oceanconnect', 'enos'] as const) {
        expect(r.vendors[vendor]).toMatchObject({ calls: 1000, refused: 0, predictedRefused: 0 });
        expect(r.vendors[vendor]!.perApp[0]!.mismatches).toBe(0);
      }
      expect(r.ok).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'over-limit: 150 calls per platform minute, a third refused as the model predicts, each refusal the verbatim 403',
    async (ctx) => {
      if (!hasK6()) return ctx.skip('no k6 here');
      const r = await run('over-limit');
      const oc = r.vendors.oceanconnect!;
      expect(r.platformMinutes).toBeGreaterThanOrEqual(9.9);
      expect(r.k6.metrics.oc_calls).toBe(1500);
      expect(r.k6.metrics.oc_throttled).toBe(oc.refused);
      expect(r.k6.metrics.oc_throttled_verbatim).toBe(1);
      expect(Math.abs((r.k6.metrics.oc_throttled_share ?? 0) - 1 / 3)).toBeLessThanOrEqual(0.02);
      expect(oc.refused).toBe(oc.predictedRefused);
      expect(oc.perApp[0]!.mismatches).toBe(0);
      expect(r.ok).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'back-off: after its first 1010009 the client waits for the next window and is never refused again',
    async (ctx) => {
      if (!hasK6()) return ctx.skip('no k6 here');
      const r = await run('back-off');
      expect(r.k6.metrics.backoff_first_throttle).toBe(1);
      expect(r.k6.metrics.backoff_wasted ?? 0).toBe(0);
      expect(r.vendors.oceanconnect).toMatchObject({ refused: 1, predictedRefused: 1 });
      expect(r.backoff!.callsAfterFirstThrottle).toBeGreaterThan(300);
      expect(r.ok).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'fleet-drain over two instances and two k6 execution segments: drained, and as long as the analytic estimate',
    async (ctx) => {
      if (!hasK6()) return ctx.skip('no k6 here');
      const r = await run('fleet-drain', 2);
      expect(r).toMatchObject({ instances: 2, segments: 2 });
      expect(r.k6.exitCodes).toHaveLength(2);
      const d = r.drain!;
      expect(r.vendors.oceanconnect!.pendingLeft).toBe(0);
      expect(d.measured.cancelled).toBe(600 * 3);
      expect(Math.abs(d.measured.drainMs - d.analytic.drainMs)).toBeLessThanOrEqual(d.toleranceMs);
      expect(d.measured.apps.map((a) => a.successes)).toEqual([300, 300]);
      expect(r.ok).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );
});

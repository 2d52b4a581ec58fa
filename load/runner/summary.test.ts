// Merging the summaries of execution segments: counts add, rates are recomputed from their tallies, a threshold holds only if it held everywhere.
import { describe, expect, it } from 'vitest';
import { type K6Summary, mergeSummaries, thresholdVerdicts, metricValue } from './summary.ts';

const part = (calls: number, passes: number, fails: number, p95: number, ok: boolean): K6Summary => ({
  metrics: {
    oc_calls: { type: 'counter', values: { count: calls, rate: 1 }, thresholds: { 'count>0': { ok: true } } },
    oc_success: {
      type: 'rate',
      values: { rate: passes / (passes + fails), passes, fails },
      thresholds: { 'rate==1': { ok } },
    },
    oc_latency: { type: 'trend', values: { min: p95 / 10, med: p95 / 2, 'p(95)': p95 } },
  },
});

describe('mergeSummaries', () => {
  it('adds counts, recomputes rates, keeps the larger percentile and ANDs thresholds', () => {
    const merged = mergeSummaries([part(10, 10, 0, 4, true), part(30, 27, 3, 9, false)]);
    expect(metricValue(merged, 'oc_calls')).toBe(40);
    expect(metricValue(merged, 'oc_success')).toBeCloseTo(37 / 40);
    expect(metricValue(merged, 'oc_latency', 'p(95)')).toBe(9);
    expect(metricValue(merged, 'oc_latency', 'min')).toBe(0.4);
    expect(thresholdVerdicts(merged)).toEqual([
      { metric: 'oc_calls', expression: 'count>0', ok: true },
      { metric: 'oc_success', expression: 'rate==1', ok: false },
    ]);
  });

  it('reads 0 for a metric k6 never recorded', () => {
    expect(metricValue(mergeSummaries([]), 'oc_throttled')).toBe(0);
  });
});

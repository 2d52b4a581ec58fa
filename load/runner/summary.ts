// Reads k6's summary JSON (handleSummary), merges the summaries of execution segments, and lists every threshold's verdict.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Outcome, done, refused } from './outcome.ts';

export const K6Metric = z.looseObject({
  type: z.enum(['counter', 'gauge', 'rate', 'trend']),
  values: z.record(z.string(), z.number()),
  thresholds: z.record(z.string(), z.looseObject({ ok: z.boolean() })).optional(),
});
export type K6Metric = z.infer<typeof K6Metric>;

export const K6Summary = z.looseObject({ metrics: z.record(z.string(), K6Metric) });
export type K6Summary = z.infer<typeof K6Summary>;

export type ThresholdVerdict = { metric: string; expression: string; ok: boolean };

export const readSummary = (file: string): Outcome<K6Summary> => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return refused('k6 summary', `${file}: ${(err as Error).message}`);
  }
  const parsed = K6Summary.safeParse(json);
  return parsed.success
    ? done(parsed.data)
    : refused(
        'k6 summary',
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
};

const mergeMetric = (a: K6Metric, b: K6Metric): K6Metric => {
  const values: Record<string, number> = {};
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  for (const k of keys) {
    const x = a.values[k] ?? 0;
    const y = b.values[k] ?? 0;
    // Counts add up; a percentile of the whole cannot be rebuilt from the parts, so the larger one stands (an upper bound).
    values[k] =
      a.type === 'counter' || k === 'passes' || k === 'fails' || k === 'count' ? x + y : Math.max(x, y);
  }
  if (a.type === 'rate') {
    const total = (values.passes ?? 0) + (values.fails ?? 0);
    values.rate = total === 0 ? 0 : (values.passes ?? 0) / total;
  }
  if (a.type === 'trend' && keys.has('min'))
    values.min = Math.min(a.values.min ?? Infinity, b.values.min ?? Infinity);
  const thresholds: Record<string, { ok: boolean }> = {};
  for (const [expr, v] of [...Object.entries(a.thresholds ?? {}), ...Object.entries(b.thresholds ?? {})])
    thresholds[expr] = { ok: (thresholds[expr]?.ok ?? true) && v.ok };
  return { ...a, values, ...(Object.keys(thresholds).length ? { thresholds } : {}) };
};

/** One summary for the whole run: counters and rate tallies add up; trend statistics take the larger (an upper bound). */
export const mergeSummaries = (parts: readonly K6Summary[]): K6Summary => {
  const metrics: Record<string, K6Metric> = {};
  for (const part of parts)
    for (const [name, m] of Object.entries(part.metrics)) {
      const seen = metrics[name];
      metrics[name] = seen ? mergeMetric(seen, m) : m;
    }
  return { metrics };
};

export const thresholdVerdicts = (summary: K6Summary): ThresholdVerdict[] =>
  Object.entries(summary.metrics)
    .flatMap(([metric, m]) =>
      Object.entries(m.thresholds ?? {}).map(([expression, v]) => ({ metric, expression, ok: v.ok })),
    )
    .sort((x, y) => `${x.metric} ${x.expression}`.localeCompare(`${y.metric} ${y.expression}`));

/** A counter's count, a rate's rate, or a trend's statistic; 0 when k6 recorded nothing under that name. */
export const metricValue = (summary: K6Summary, metric: string, stat?: string): number => {
  const m = summary.metrics[metric];
  if (!m) return 0;
  const key = stat ?? (m.type === 'counter' ? 'count' : m.type === 'rate' ? 'rate' : 'avg');
  return m.values[key] ?? 0;
};

/** Every counter's count and every rate's rate, by metric name (trends and gauges left out). */
export const countsAndRates = (summary: K6Summary): Record<string, number> =>
  Object.fromEntries(
    Object.entries(summary.metrics)
      .filter(([, m]) => m.type === 'counter' || m.type === 'rate')
      .map(([name, m]) => [name, m.type === 'counter' ? (m.values.count ?? 0) : (m.values.rate ?? 0)])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

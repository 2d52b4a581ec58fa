// The figures and checks of each scenario, computed from k6's summary and the simulators' journals (platform time).
import type { DrainFigures, DrainInput } from './drain-model.ts';
import { drainTolerance, estimateDrain } from './drain-model.ts';
import type { JournalEntry, ModelCheck } from './journal.ts';
import type { K6Summary } from './summary.ts';
import { metricValue } from './summary.ts';

export type Check = { name: string; ok: boolean; detail: string };

export type Latency = { p50: number; p95: number; p99: number; max: number };

/** Wall-clock latency of one vendor's calls as k6 measured them (ms). */
export const latencyOf = (summary: K6Summary, prefix: string): Latency => ({
  p50: metricValue(summary, `${prefix}_latency`, 'med'),
  p95: metricValue(summary, `${prefix}_latency`, 'p(95)'),
  p99: metricValue(summary, `${prefix}_latency`, 'p(99)'),
  max: metricValue(summary, `${prefix}_latency`, 'max'),
});

/** Every check of the model comparison: the refusals the simulator gave are exactly those the model predicts. */
export const modelChecks = (vendor: string, perApp: readonly ModelCheck[]): Check[] =>
  perApp.map((m, i) => ({
    name: `${vendor} app ${i}: answers equal the throttle model`,
    ok: m.mismatches === 0 && m.refused === m.predictedRefused,
    detail: `${m.calls} calls, ${m.refused} refused, model ${m.predictedRefused} refused, ${m.mismatches} decisions differ (strict: none forgiven)${
      m.mismatched.length
        ? ` (first: ${m.mismatched.map((x) => `seq ${x.seq} at ${x.at}${x.refused ? ' refused' : ' allowed'}`).join(', ')})`
        : ''
    }`,
  }));

/** One application's calls and refusals in each throttle window (aligned to the epoch), first call's window first. */
export type WindowCounts = { calls: number[]; refused: number[] };

export const windowCounts = (
  entries: readonly JournalEntry[],
  windowMs: number,
  refusalCode: string,
): WindowCounts => {
  const out: WindowCounts = { calls: [], refused: [] };
  if (entries.length === 0) return out;
  const first = Math.floor(entries[0]!.at / windowMs);
  for (const e of entries) {
    const w = Math.floor(e.at / windowMs) - first;
    while (out.calls.length <= w) {
      out.calls.push(0);
      out.refused.push(0);
    }
    out.calls[w]!++;
    if (e.errorCode === refusalCode) out.refused[w]!++;
  }
  return out;
};

/**
 * Paced scenarios: did every window get the calls planned for it? A call the machine delayed past its window's end
 * lands in the next one, which then holds one call more: at the limit the platform is right to refuse it, so a run
 * off plan measures the machine, not the throttle (its decisions must still equal the model's).
 */
export const planCheck = (
  vendor: string,
  perApp: readonly WindowCounts[],
  callsPerWindow: number,
  windows: number,
): Check => {
  const off = perApp.map(
    (w) => w.calls.filter((n) => n !== callsPerWindow).length + Math.abs(windows - w.calls.length),
  );
  const total = off.reduce((a, b) => a + b, 0);
  return {
    name: `${vendor}: every window got the ${callsPerWindow} calls planned for it`,
    ok: total === 0,
    detail:
      total === 0
        ? `${windows} windows per application, each with ${callsPerWindow} calls`
        : `${total} windows off plan (calls per window: ${perApp.map((w) => w.calls.join(' ')).join(' | ')}): calls were delayed across window boundaries`,
  };
};

/** over-limit: the share refused, against the nominal 1 - limit / rate of whole windows. */
export const shareCheck = (
  refusedCount: number,
  calls: number,
  limit: number,
  callsPerWindow: number,
  tolerance: number,
): Check => {
  const nominal = Math.max(0, 1 - limit / callsPerWindow);
  const share = calls === 0 ? 0 : refusedCount / calls;
  return {
    name: 'throttled share matches 1 - limit/rate',
    ok: calls > 0 && Math.abs(share - nominal) <= tolerance,
    detail: `${(share * 100).toFixed(2)} % refused, nominal ${(nominal * 100).toFixed(2)} % +- ${(tolerance * 100).toFixed(2)} points`,
  };
};

export type MeasuredDrain = DrainFigures & {
  /** Per application: calls, successes, commands cancelled, and platform ms from its first call to its last success. */
  apps: { calls: number; successes: number; cancelled: number; spanMs: number }[];
  cancelled: number;
};

const cancelledBy = (e: JournalEntry): number => {
  if (e.status === 200) return 1;
  try {
    const body = JSON.parse(e.responseBody) as { totalCount?: unknown };
    return typeof body.totalCount === 'number' ? body.totalCount : 0;
  } catch {
    return 0;
  }
};

/**
 * The drain as the platform saw it: per application, from its first counted call to its last successful one (each
 * instance has its own clock, so spans are taken per instance); calls per minute add up over applications.
 */
export const measureDrain = (perApp: readonly (readonly JournalEntry[])[]): MeasuredDrain => {
  const apps = perApp.map((entries) => {
    const ok = entries.filter((e) => e.status === 201 || e.status === 200);
    const first = entries[0]?.at ?? 0;
    const last = ok.at(-1)?.at ?? first;
    return {
      calls: entries.length,
      successes: ok.length,
      cancelled: ok.reduce((n, e) => n + cancelledBy(e), 0),
      spanMs: last - first,
    };
  });
  const busiest = apps.reduce(
    (a, b) => (b.spanMs > a.spanMs ? b : a),
    apps[0] ?? { calls: 0, successes: 0, cancelled: 0, spanMs: 0 },
  );
  const callsPerMinute = apps.reduce(
    (sum, a) => sum + (a.spanMs > 0 ? ((a.successes - 1) * 60_000) / a.spanMs : 0),
    0,
  );
  const calls = apps.reduce((n, a) => n + a.calls, 0);
  const successes = apps.reduce((n, a) => n + a.successes, 0);
  const cancelled = apps.reduce((n, a) => n + a.cancelled, 0);
  return {
    apps,
    callsPerApp: busiest.calls,
    totalCalls: calls,
    drainMs: busiest.spanMs,
    callsPerMinute,
    commandsPerMinute: successes === 0 ? 0 : (callsPerMinute * cancelled) / successes,
    cancelled,
  };
};

export type DrainComparison = { analytic: DrainFigures; toleranceMs: number; check: Check };

export const compareDrain = (input: DrainInput, measured: MeasuredDrain): DrainComparison => {
  const analytic = estimateDrain(input);
  const toleranceMs = drainTolerance(input, analytic.drainMs);
  const diff = measured.drainMs - analytic.drainMs;
  return {
    analytic,
    toleranceMs,
    check: {
      name: 'measured drain time agrees with the analytic estimate',
      ok: Math.abs(diff) <= toleranceMs,
      detail: `measured ${(measured.drainMs / 60_000).toFixed(3)} min, analytic ${(analytic.drainMs / 60_000).toFixed(3)} min, difference ${(diff / 1000).toFixed(1)} s (tolerance ${(toleranceMs / 1000).toFixed(1)} s)`,
    },
  };
};

/** back-off: after its first refusal the client is never refused again. */
export const backoffChecks = (
  entries: readonly JournalEntry[],
  /** The error code of a throttled call (the primary vendor's). */
  refusalCode: string,
): { checks: Check[]; afterFirst: { calls: number; spanMs: number; callsPerMinute: number } } => {
  const firstIndex = entries.findIndex((e) => e.errorCode === refusalCode);
  const after = firstIndex < 0 ? [] : entries.slice(firstIndex + 1);
  const wasted = after.filter((e) => e.errorCode === refusalCode).length;
  const spanMs = after.length > 1 ? after.at(-1)!.at - after[0]!.at : 0;
  return {
    checks: [
      {
        name: 'the client was throttled once (the scenario is not vacuous)',
        ok: firstIndex >= 0,
        detail: firstIndex < 0 ? 'never throttled' : `first ${refusalCode} at call ${firstIndex + 1}`,
      },
      {
        name: 'no wasted call after the first throttle',
        ok: firstIndex >= 0 && wasted === 0,
        detail: `${wasted} of ${after.length} later calls refused`,
      },
    ],
    afterFirst: {
      calls: after.length,
      spanMs,
      callsPerMinute: spanMs > 0 ? ((after.length - 1) * 60_000) / spanMs : 0,
    },
  };
};

// After k6: its summaries merged, each instance's journal compared with the throttle model, and the scenario's own figures and checks.
import {
  backoffChecks,
  type Check,
  compareDrain,
  type DrainComparison,
  type Latency,
  latencyOf,
  type MeasuredDrain,
  measureDrain,
  modelChecks,
  planCheck,
  shareCheck,
  type WindowCounts,
  windowCounts,
} from './figures.ts';
import { compareWithModel, fetchJournal, fetchState, type JournalEntry, type ModelCheck } from './journal.ts';
import { loadVendorOf, primaryVendor } from './load-vendors.ts';
import type { K6ProcessResult } from './k6-process.ts';
import { type Outcome, done } from './outcome.ts';
import type { PreparedRun, ScenarioProfile, Vendor } from './prepare.ts';
import { vendorsOf } from './prepare.ts';
import type { ScenarioName } from './run-file.ts';
import { countsAndRates, type K6Summary, type ThresholdVerdict, thresholdVerdicts } from './summary.ts';
import type { LoadTargets } from './targets.ts';
import { writeFileSync } from 'node:fs';
import { journalCallOf } from '../../contracts/control/api.ts';
import path from 'node:path';

export type VendorFigures = {
  calls: number;
  refused: number;
  predictedRefused: number;
  /** Commands cancelled, from the answers k6 judged successful. */
  cancelled: number;
  /** Wall ms as k6 measured them. */
  latencyMs: Latency;
  /** The same latency in platform ms (wall ms times the time scale): what one call costs in simulated time. */
  latencyPlatformMs: Latency;
  pendingLeft: number;
  perApp: ModelCheck[];
  /** Paced scenarios (at-limit, over-limit): each application's calls and refusals per throttle window. */
  windows?: WindowCounts[];
};

type DrainInputReport = Parameters<typeof compareDrain>[0];

export type LoadReport = {
  scenario: ScenarioName;
  profile: string;
  ok: boolean;
  timeScale: number;
  route: 'platform' | 'front-door';
  instances: number;
  segments: number;
  wallMs: number;
  /** Platform minutes the run covered (first to last counted call of the longest application). */
  platformMinutes: number;
  /** k6's own figures: every threshold's verdict, and each custom counter's count and rate's rate (all segments). */
  k6: { exitCodes: (number | null)[]; thresholds: ThresholdVerdict[]; metrics: Record<string, number> };
  vendors: Partial<Record<Vendor, VendorFigures>>;
  checks: Check[];
  drain?: { input: DrainInputReport; measured: MeasuredDrain } & DrainComparison;
  backoff?: { callsAfterFirstThrottle: number; callsPerMinuteAfterFirstThrottle: number };
};

const scaleLatency = (l: Latency, s: number): Latency => ({
  p50: l.p50 * s,
  p95: l.p95 * s,
  p99: l.p99 * s,
  max: l.max * s,
});

export type AnalysisInput = {
  req: ScenarioProfile & { profileName: string };
  targets: LoadTargets;
  prepared: PreparedRun;
  results: readonly K6ProcessResult[];
  summary: K6Summary;
  wallMs: number;
  /** Where the counted calls of each application are written, for a post-mortem. */
  workDir: string;
};

/** Reads every instance's journal and state and builds the report with its checks. */
export const analyse = async (a: AnalysisInput): Promise<Outcome<LoadReport>> => {
  const { req, targets, prepared, summary } = a;
  const timeScale = prepared.run.timeScale;
  const vendors: Partial<Record<Vendor, VendorFigures>> = {};
  const entriesOf: Partial<Record<Vendor, JournalEntry[][]>> = {};
  const checks: Check[] = [];
  for (const vendor of vendorsOf(req)) {
    const { load, refusalCode } = loadVendorOf(vendor);
    const perApp: ModelCheck[] = [];
    const lists: JournalEntry[][] = [];
    let pendingLeft = 0;
    for (const [i, url] of targets.controlUrls.entries()) {
      const j = await fetchJournal(url, vendor, prepared.since[i]!);
      if (!j.ok) return j;
      const state = await fetchState(url);
      if (!state.ok) return state;
      // The journal stamps each call with the time its throttle decided on (one time for both), and lists calls in the
      // order their answers went out: in the order of those times they are the order the throttle saw them.
      const counted = j.value.entries
        .filter((e) => load.counts(e))
        .sort((x, y) => x.at - y.at || x.seq - y.seq);
      lists.push(counted);
      // The counted calls as the platform saw them, for a post-mortem: [seq, platform ms, HTTP status, error code].
      writeFileSync(
        path.join(a.workDir, `journal-${req.scenario}-${vendor}-${i}.json`),
        JSON.stringify(counted.map(journalCallOf)),
      );
      perApp.push(
        // Strict: no call is forgiven.
        compareWithModel(counted, state.value[vendor]!.throttle, refusalCode),
      );
      pendingLeft += state.value[vendor]!.stats.byState.PENDING ?? 0;
    }
    entriesOf[vendor] = lists;
    const paced = req.scenario === 'at-limit' || req.scenario === 'over-limit';
    const windows = paced ? lists.map((l) => windowCounts(l, req.profile.windowMs, refusalCode)) : undefined;
    const prefix = load.metricsPrefix;
    const latency = latencyOf(summary, prefix);
    vendors[vendor] = {
      calls: perApp.reduce((n, m) => n + m.calls, 0),
      refused: perApp.reduce((n, m) => n + m.refused, 0),
      predictedRefused: perApp.reduce((n, m) => n + m.predictedRefused, 0),
      cancelled: summary.metrics[`${prefix}_cancelled`]?.values.count ?? 0,
      latencyMs: latency,
      latencyPlatformMs: scaleLatency(latency, timeScale),
      pendingLeft,
      perApp,
      ...(windows ? { windows } : {}),
    };
    if (windows && (req.scenario === 'at-limit' || req.scenario === 'over-limit'))
      checks.push(planCheck(vendor, windows, req.profile.callsPerWindow, req.profile.windows));
    checks.push(...modelChecks(vendor, perApp));
    checks.push(...load.checks(lists.flat()));
  }
  const spans = Object.values(vendors).flatMap((v) =>
    v.perApp.map((m) => (m.lastAt ?? 0) - (m.firstAt ?? 0)),
  );
  const report: LoadReport = {
    scenario: req.scenario,
    profile: req.profileName,
    ok: false,
    timeScale,
    route: targets.route,
    instances: targets.controlUrls.length,
    segments: a.results.length,
    wallMs: a.wallMs,
    platformMinutes: Math.max(0, ...spans) / 60_000,
    k6: {
      exitCodes: a.results.map((r) => r.exitCode),
      thresholds: thresholdVerdicts(summary),
      metrics: countsAndRates(summary),
    },
    vendors,
    checks,
  };
  // The primary vendor's figures: what over-limit, fleet-drain and back-off measure.
  const primary = primaryVendor();
  const oc = vendors[primary.id];
  const ocEntries = entriesOf[primary.id] ?? [];
  const p = req.profile;
  if (req.scenario === 'at-limit')
    for (const [v, f] of Object.entries(vendors))
      checks.push({
        name: `${v}: nothing throttled at the limit`,
        ok: f.refused === 0 && f.calls > 0,
        detail: `${f.refused} of ${f.calls} refused`,
      });
  if (req.scenario === 'over-limit' && oc)
    checks.push(
      shareCheck(
        oc.refused,
        oc.calls,
        p.limit,
        req.profile.callsPerWindow,
        req.profile.throttledShareTolerance ?? 0.02,
      ),
    );
  if (req.scenario === 'fleet-drain' && oc) {
    const d = req.profile;
    const input = {
      devices: d.devices,
      pending: d.pending,
      apps: d.apps,
      callsPerWindow: d.callsPerWindow,
      limit: d.limit,
      windowMs: d.windowMs,
      strategy: d.strategy,
    };
    const measured = measureDrain(ocEntries);
    const comparison = compareDrain(input, measured);
    report.drain = { input, measured, ...comparison };
    checks.push({
      name: 'every pending command was cancelled',
      ok: oc.pendingLeft === 0,
      detail: `${oc.pendingLeft} still pending`,
    });
    checks.push(comparison.check);
  }
  if (req.scenario === 'back-off') {
    const b = backoffChecks(ocEntries[0] ?? [], primary.refusalCode);
    checks.push(...b.checks);
    report.backoff = {
      callsAfterFirstThrottle: b.afterFirst.calls,
      callsPerMinuteAfterFirstThrottle: b.afterFirst.callsPerMinute,
    };
  }
  report.ok = a.results.every((r) => r.exitCode === 0) && checks.every((c) => c.ok);
  return done(report);
};

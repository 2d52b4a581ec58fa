// Capacity planning: the analytic drain beside the simulated one (a virtual-time drive over HTTP), and the fewest keys for a deadline.
import path from 'node:path';
import type { PlanCalls } from '../../contracts/common/plan-calls.ts';
import { VENDORS, type Vendor } from '../../vendors/index.ts';
import { type DrainFigures, type DrainInput, estimateDrain, fewestApps } from '../runner/drain-model.ts';
import type { DriveProgress } from './drive.ts';
import { type CaseRun, runCase } from './run-case.ts';
import { timingWhatIfs, type WhatIfs, whatIfLines } from './what-ifs.ts';

/** The vendor a planning drive drains: the registry's one with planning calls and a documented throttle. */
export const planningVendor = ():
  | { id: Vendor; calls: PlanCalls; limit: number; windowMs: number }
  | undefined => {
  for (const v of VENDORS)
    if ('planCalls' in v && v.planCalls && v.throttle.enabled)
      return { id: v.id, calls: v.planCalls, limit: v.throttle.limit, windowMs: v.throttle.windowMs };
  return undefined;
};

/** What the analytic model leaves out; the simulated drain does not (with the what-if flags that exercise it). */
export const ANALYTIC_IGNORES = [
  'latency: every call is assumed to reach the platform on its slot (--latency)',
  'token renewals: logins are assumed free and instant (--token-lifetime, --logins-count)',
  'platform failures and their retries (--faults, --retries, --retry-backoff)',
  'devices coming online: their commands are delivered instead of revoked, the calls are made all the same (--online)',
  'the throttle algorithm: it assumes calls spaced evenly never exceed the limit in any window (--throttle)',
] as const;

export type PlanRequest = {
  vendor: Vendor;
  calls: PlanCalls;
  input: DrainInput;
  deadlineMs: number;
  whatIfs: WhatIfs;
  measure: boolean;
  measureFewest: boolean;
  transport: 'http' | 'in-process';
  /** Also run each measured case in-process and compare the accounting call by call. */
  crossCheck: boolean;
  workDir: string;
  seed: number;
  onProgress?: (caseName: string, p: DriveProgress) => void;
};

const mib = (bytes: number | undefined): number | undefined =>
  bytes === undefined ? undefined : Math.round(bytes / 1_048_576);
const r1 = (x: number): number => Math.round(x * 10) / 10;

export type Measured =
  | {
      ran: true;
      /** A measurement is trusted only when nothing was left pending and every throttle decision matched the model. */
      trusted: boolean;
      failures: string[];
      transport: 'http' | 'in-process';
      drainMs: number;
      steps: number;
      calls: number;
      logins: number;
      throttled: number;
      serverErrors: number;
      tokenRefusals: number;
      commandsCancelled: number;
      /** Commands the devices took (they came online) instead of being cancelled. */
      deliveredInstead: number;
      /** Targets (devices, or commands with modify) the drive did not finish, and commands left PENDING. */
      targetsLeft: number;
      pendingLeft: number;
      replay: { counted: number; refused: number; predictedRefused: number; mismatches: number };
      onlinesApplied: number;
      seedWallMs: number;
      wallMs: number;
      callsPerWallSecond: number;
      peakRssMiB: { drive?: number; simulator?: number; total?: number };
      crossCheck?: {
        transport: 'in-process';
        drainMs: number;
        calls: number;
        equal: boolean;
        wallMs: number;
      };
    }
  | { ran: false; reason: string };

export type PlanCase = {
  apps: number;
  analytic: DrainFigures;
  measured: Measured;
  /** measured - analytic, platform ms (when measured). */
  differenceMs?: number;
  /** Exactly equal (to the millisecond) when measured; the what-ifs that change timing explain a difference. */
  agrees?: boolean;
  holds: { analytic: boolean; measured?: boolean };
  /** The one-line verdict, a failed measurement first. */
  verdict: string;
  workDir: string;
};

export type PlanReport = {
  vendor: string;
  input: DrainInput;
  deadlineMs: number;
  whatIfs: WhatIfs;
  whatIfLines: string[];
  analyticIgnores: readonly string[];
  asked: PlanCase;
  fewest?: PlanCase;
  fewestApps?: number;
};

const total = (
  run: CaseRun,
  key: 'calls' | 'logins' | 'throttled' | 'serverErrors' | 'tokenRefusals' | 'cancelled',
) => run.drive.clients.reduce((n, c) => n + c[key], 0);

const measuredOf = (run: CaseRun, check?: CaseRun): Measured => {
  const d = run.drive;
  const replay = d.replay.reduce(
    (a, r) => ({
      counted: a.counted + r.counted,
      refused: a.refused + r.refused,
      predictedRefused: a.predictedRefused + r.predictedRefused,
      mismatches: a.mismatches + r.mismatches,
    }),
    { counted: 0, refused: 0, predictedRefused: 0, mismatches: 0 },
  );
  const calls = total(run, 'calls');
  const logins = total(run, 'logins');
  const failures = [
    ...(d.left > 0
      ? [`${d.left} targets were left undone (given up after their retries, or never reached)`]
      : []),
    ...(run.pendingLeft > 0 ? [`${run.pendingLeft} commands are still PENDING on the platform`] : []),
    ...(replay.mismatches > 0
      ? [
          `${replay.mismatches} throttle decisions differ from the fixed-window model replayed on the same times`,
        ]
      : []),
    ...d.clients.flatMap((c) => c.unexpected.map((u) => `unexpected answer: ${u}`)),
  ];
  const rss = run.peakRssBytes;
  const both = rss.drive !== undefined && rss.simulator !== undefined ? rss.drive + rss.simulator : rss.drive;
  return {
    ran: true,
    trusted: failures.length === 0,
    failures,
    transport: d.transport,
    drainMs: Math.round(d.drainMs),
    steps: d.steps,
    calls,
    logins,
    throttled: total(run, 'throttled'),
    serverErrors: total(run, 'serverErrors'),
    tokenRefusals: total(run, 'tokenRefusals'),
    commandsCancelled: total(run, 'cancelled'),
    deliveredInstead: run.deliveredInstead,
    targetsLeft: d.left,
    pendingLeft: run.pendingLeft,
    replay,
    onlinesApplied: d.onlinesApplied,
    seedWallMs: Math.round(run.seedWallMs),
    wallMs: Math.round(d.wallMs),
    callsPerWallSecond: Math.round(((calls + logins) / d.wallMs) * 1000),
    peakRssMiB: { drive: mib(rss.drive), simulator: mib(rss.simulator), total: mib(both) },
    ...(check
      ? {
          crossCheck: {
            transport: 'in-process' as const,
            drainMs: Math.round(check.drive.drainMs),
            calls: total(check, 'calls') + total(check, 'logins'),
            equal:
              check.drive.drainMs === d.drainMs &&
              JSON.stringify(check.drive.clients) === JSON.stringify(d.clients) &&
              JSON.stringify(check.drive.replay) === JSON.stringify(d.replay),
            wallMs: Math.round(check.drive.wallMs),
          },
        }
      : {}),
  };
};

const verdictOf = (c: Omit<PlanCase, 'verdict'>, deadlineMs: number, timing: string[]): string => {
  const m = c.measured;
  if (m.ran && !m.trusted) return `FAILED MEASUREMENT: ${m.failures[0]}; no verdict on the deadline`;
  if (m.ran && m.crossCheck && !m.crossCheck.equal)
    return 'FAILED MEASUREMENT: the in-process drive disagrees with the HTTP drive; no verdict on the deadline';
  const holds = c.holds.measured ?? c.holds.analytic;
  const basis = m.ran ? 'simulated drain' : 'analytic drain only';
  const over = (m.ran ? m.drainMs : c.analytic.drainMs) - deadlineMs;
  const head = holds
    ? `deadline holds (${basis}, ${fmtDuration(-over)} to spare)`
    : `deadline missed (${basis}, ${fmtDuration(over)} over)`;
  if (!m.ran) return head;
  if (c.agrees) return `${head}; simulated and analytic drains agree exactly`;
  return `${head}; simulated drain ${fmtDuration(Math.abs(c.differenceMs ?? 0))} ${(c.differenceMs ?? 0) > 0 ? 'longer' : 'shorter'} than the analytic one${timing.length ? ` (${timing.join('; ')})` : ' with no what-if to explain it'}`;
};

export const fmtDuration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
};

const planCase = async (
  req: PlanRequest,
  apps: number,
  measure: boolean,
  why = 'not measured (--no-measure)',
): Promise<PlanCase> => {
  const input = { ...req.input, apps };
  const analytic = estimateDrain(input);
  const name = `${apps}-keys`;
  const workDir = path.join(req.workDir, name);
  let measured: Measured = { ran: false, reason: why };
  if (measure) {
    const spec = {
      vendor: req.vendor,
      calls: req.calls,
      ...input,
      whatIfs: req.whatIfs,
      analyticDrainMs: analytic.drainMs,
      seed: req.seed,
    };
    const run = await runCase(spec, {
      transport: req.transport,
      workDir,
      onProgress: (p) => req.onProgress?.(name, p),
    });
    const check =
      req.crossCheck && req.transport === 'http'
        ? await runCase(spec, { transport: 'in-process', workDir: path.join(workDir, 'in-process') })
        : undefined;
    measured = measuredOf(run, check);
  }
  const timing = timingWhatIfs(req.whatIfs);
  const c = {
    apps,
    analytic: {
      ...analytic,
      drainMs: Math.round(analytic.drainMs),
      callsPerMinute: r1(analytic.callsPerMinute),
      commandsPerMinute: r1(analytic.commandsPerMinute),
    },
    measured,
    ...(measured.ran
      ? {
          differenceMs: measured.drainMs - Math.round(analytic.drainMs),
          agrees: measured.drainMs === Math.round(analytic.drainMs),
        }
      : {}),
    holds: {
      analytic: analytic.drainMs <= req.deadlineMs,
      ...(measured.ran ? { measured: measured.trusted && measured.drainMs <= req.deadlineMs } : {}),
    },
    workDir,
  };
  return { ...c, verdict: verdictOf(c, req.deadlineMs, timing) };
};

/** The case asked about, and the fewest keys whose analytic drain meets the deadline (measured too when it differs). */
export const plan = async (req: PlanRequest): Promise<PlanReport> => {
  const asked = await planCase(req, req.input.apps, req.measure);
  const least = fewestApps(req.input, req.deadlineMs);
  let fewest: PlanCase | undefined;
  if (least !== undefined)
    fewest =
      least === req.input.apps
        ? asked
        : await planCase(
            req,
            least,
            req.measure && req.measureFewest,
            req.measure ? 'not measured (--no-measure-fewest)' : undefined,
          );
  return {
    vendor: req.vendor,
    input: req.input,
    deadlineMs: req.deadlineMs,
    whatIfs: req.whatIfs,
    whatIfLines: whatIfLines(req.whatIfs),
    analyticIgnores: ANALYTIC_IGNORES,
    asked,
    ...(fewest ? { fewest } : {}),
    ...(least !== undefined ? { fewestApps: least } : {}),
  };
};

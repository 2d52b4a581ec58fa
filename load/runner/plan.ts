// Capacity planning: the drain of a fleet under the per-application limit, analytic and measured with k6, and the fewest application keys for a deadline.
import type { DrainFigures, DrainInput } from './drain-model.ts';
import { primaryVendor } from './load-vendors.ts';
import { drainTolerance, estimateDrain, fewestApps } from './drain-model.ts';
import type { K6Binary } from './k6-binary.ts';
import { type Outcome, done } from './outcome.ts';
import type { DrainProfile } from './profiles.ts';
import { autoTimeScale, type LoadReport, runScenario } from './scenario.ts';

export type PlanRequest = {
  input: DrainInput;
  /** Platform ms the drain must fit in. */
  deadlineMs: number;
  /** The fleet-drain profile whose thresholds, seed and throttle the measured runs use. */
  base: DrainProfile;
  /** Time scale of the measured runs ("auto": the largest that keeps the wall rate under maxWallRate). */
  timeScale: number | 'auto';
  maxWallRate: number;
  /** Measured runs planned to take longer than this (wall seconds) are skipped, and the plan says so. */
  maxWallSeconds: number;
  /** Also measure the fewest keys when it differs from the keys asked about. */
  measureFewest: boolean;
  k6?: K6Binary;
  workDir: string;
  onLine?: (line: string) => void;
};

export type Measured =
  | {
      ran: true;
      ok: boolean;
      timeScale: number;
      wallMs: number;
      drainMs: number;
      callsPerMinute: number;
      commandsPerMinute: number;
      latencyWallMs: { p50: number; p95: number; p99: number };
      pendingLeft: number;
      failedChecks: string[];
    }
  | { ran: false; reason: string };

export type PlanCase = {
  apps: number;
  analytic: DrainFigures;
  measured: Measured;
  /** |measured - analytic| <= tolerance (undefined when not measured). */
  agrees?: boolean;
  toleranceMs: number;
  holds: { analytic: boolean; measured?: boolean };
};

export type PlanReport = {
  input: DrainInput;
  deadlineMs: number;
  asked: PlanCase;
  /** The fewest application keys whose (analytic) drain fits the deadline; undefined when no number of keys can. */
  fewest?: PlanCase;
  fewestApps?: number;
};

const profileFor = (req: PlanRequest, apps: number): DrainProfile => ({
  ...req.base,
  devices: req.input.devices,
  pending: req.input.pending,
  apps,
  callsPerWindow: req.input.callsPerWindow,
  limit: req.input.limit,
  windowMs: req.input.windowMs,
  strategy: req.input.strategy,
  timeScale: req.timeScale,
  maxWallRate: req.maxWallRate,
});

const measuredOf = (r: LoadReport): Measured => {
  const oc = r.vendors[primaryVendor().id];
  const d = r.drain!;
  return {
    ran: true,
    ok: r.ok,
    timeScale: r.timeScale,
    wallMs: r.wallMs,
    drainMs: d.measured.drainMs,
    callsPerMinute: d.measured.callsPerMinute,
    commandsPerMinute: d.measured.commandsPerMinute,
    latencyWallMs: { p50: oc?.latencyMs.p50 ?? 0, p95: oc?.latencyMs.p95 ?? 0, p99: oc?.latencyMs.p99 ?? 0 },
    pendingLeft: oc?.pendingLeft ?? 0,
    failedChecks: [
      ...r.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`),
      ...r.k6.thresholds.filter((t) => !t.ok).map((t) => `k6 threshold ${t.metric} ${t.expression}`),
    ],
  };
};

const planCase = async (req: PlanRequest, apps: number): Promise<Outcome<PlanCase>> => {
  const input = { ...req.input, apps };
  const analytic = estimateDrain(input);
  const toleranceMs = drainTolerance(input, analytic.drainMs);
  const profile = profileFor(req, apps);
  const scale = profile.timeScale === 'auto' ? autoTimeScale(profile) : profile.timeScale;
  const wallSeconds = analytic.drainMs / scale / 1000;
  let measured: Measured;
  if (!req.k6) measured = { ran: false, reason: 'not measured (--no-measure, or no k6)' };
  else if (wallSeconds > req.maxWallSeconds)
    measured = {
      ran: false,
      reason: `a measured run would take about ${Math.ceil(wallSeconds)} s of wall time at time scale ${scale} (limit ${req.maxWallSeconds} s: raise --max-wall-seconds or --max-wall-rate)`,
    };
  else {
    const run = await runScenario({
      scenario: 'fleet-drain',
      profile,
      profileName: `plan-${apps}-apps`,
      k6: req.k6,
      workDir: req.workDir,
      onLine: req.onLine,
    });
    if (!run.ok) return run;
    measured = measuredOf(run.value);
  }
  return done({
    apps,
    analytic,
    measured,
    toleranceMs,
    ...(measured.ran ? { agrees: Math.abs(measured.drainMs - analytic.drainMs) <= toleranceMs } : {}),
    holds: {
      analytic: analytic.drainMs <= req.deadlineMs,
      // The measured drain holds when every command was cancelled in time; a wasted call is reported, not a miss.
      ...(measured.ran ? { measured: measured.pendingLeft === 0 && measured.drainMs <= req.deadlineMs } : {}),
    },
  });
};

/** The case asked about, and the fewest keys that meet the deadline (measured too when it differs and is wanted). */
export const plan = async (req: PlanRequest): Promise<Outcome<PlanReport>> => {
  const asked = await planCase(req, req.input.apps);
  if (!asked.ok) return asked;
  const least = fewestApps(req.input, req.deadlineMs);
  let fewest: PlanCase | undefined;
  if (least !== undefined) {
    if (least === req.input.apps) fewest = asked.value;
    else {
      const c = await planCase({ ...req, k6: req.measureFewest ? req.k6 : undefined }, least);
      if (!c.ok) return c;
      fewest = c.value;
    }
  }
  return done({
    input: req.input,
    deadlineMs: req.deadlineMs,
    asked: asked.value,
    ...(fewest ? { fewest } : {}),
    ...(least !== undefined ? { fewestApps: least } : {}),
  });
};

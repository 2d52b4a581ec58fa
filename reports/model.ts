// The harness report as data: the zod schema of every section, and collectReport reading whatever results a folder holds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CoverageCheck } from '../contracts/common/coverage.ts';
import { DriftReport } from '../drift/report.ts';
import { JournalCall } from '../contracts/control/api.ts';
import { loadVendors } from '../load/runner/load-vendors.ts';

/** reports/out of this checkout, wherever the command runs from. */
export const DEFAULT_REPORT_DIR = path.join(import.meta.dirname, 'out');

export const CoverageEntry = z.object({
  provider: z.string(),
  endpoint: z.string(),
  case: z.string(),
  interaction: z.string(),
  covered: z.boolean(),
});
export type CoverageEntry = z.infer<typeof CoverageEntry>;

/** The contract coverage check (checkCommittedCoverage() in contracts/coverage.ts) as report rows. */
export const coverageEntriesOf = (check: CoverageCheck): CoverageEntry[] =>
  check.map(({ row, covered }) => ({ ...row, covered }));

export const VerificationEntry = z.object({
  vendor: z.string(),
  provider: z.string(),
  mode: z.string(),
  ok: z.boolean(),
  message: z.string().optional(),
  ms: z.number(),
});
export type VerificationEntry = z.infer<typeof VerificationEntry>;

/** One property's result; the props runner's PropertyOutcome is mapped onto it (see propertiesFromProps). */
export const PropertyResult = z.object({
  name: z.string(),
  passed: z.boolean(),
  runs: z.number(),
  seed: z.number(),
  path: z.string().optional(),
  counterexample: z.string().optional(),
  message: z.string().optional(),
  replay: z.string().optional(),
});
export type PropertyResult = z.infer<typeof PropertyResult>;

/** A gate violation as the gate reports it: which rule, which vendor, and the request that broke it. */
export const GateViolation = z.object({
  rule: z.string(),
  vendor: z.string(),
  message: z.string(),
  request: z.object({ method: z.string(), url: z.string(), status: z.number(), at: z.number() }),
});
export type GateViolation = z.infer<typeof GateViolation>;

/** gate.json as `harness gate` writes it (gate/report.ts: an object whose `violations` are the rows), or the rows alone. */
const GateFile = z.preprocess(
  (v) => (Array.isArray(v) ? v : (v as { violations?: unknown } | null)?.violations),
  z.array(GateViolation),
);

const Latency = z.object({ p50: z.number(), p95: z.number(), p99: z.number() });

/** Counted calls of one throttle stream (vendor, instance) in one platform minute (window) since its first call. */
export const MinuteCount = z.object({
  vendor: z.string(),
  stream: z.number(),
  minute: z.number(),
  allowed: z.number(),
  refused: z.number(),
});
export type MinuteCount = z.infer<typeof MinuteCount>;

export const DrainPoint = z.object({ minutes: z.number(), pending: z.number() });

export const DrainCurve = z.object({
  label: z.string(),
  source: z.enum(['measured', 'analytic']),
  points: z.array(DrainPoint),
});
export type DrainCurve = z.infer<typeof DrainCurve>;

export const LoadScenario = z.object({
  scenario: z.string(),
  profile: z.string(),
  ok: z.boolean(),
  limit: z.number(),
  windowMs: z.number(),
  platformMinutes: z.number(),
  perMinute: z.array(MinuteCount),
  vendors: z.array(
    z.object({ vendor: z.string(), calls: z.number(), refused: z.number(), latencyWallMs: Latency }),
  ),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  /** Fleet-drain runs: the measured curve from the journals, and the analytic one for the same input. */
  drain: z.array(DrainCurve).optional(),
});
export type LoadScenario = z.infer<typeof LoadScenario>;

export const PlanSummary = z.object({
  devices: z.number(),
  pending: z.number(),
  apps: z.number(),
  strategy: z.string(),
  deadlineMs: z.number(),
  analyticDrainMs: z.number(),
  measuredDrainMs: z.number().optional(),
  holds: z.boolean(),
  fewestApps: z.number().optional(),
  drain: DrainCurve,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const BenchRow = z.object({
  target: z.string(),
  rps: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
});

export const RunStage = z.object({ stage: z.string(), ok: z.boolean(), ms: z.number(), detail: z.string() });

export const SECTIONS = [
  'run',
  'coverage',
  'verification',
  'properties',
  'load',
  'plan',
  'gate',
  'drift',
  'bench',
] as const;
export type SectionName = (typeof SECTIONS)[number];

export const HarnessReport = z.object({
  generatedAt: z.string(),
  sourceDir: z.string(),
  run: z.object({ when: z.string(), ok: z.boolean(), stages: z.array(RunStage) }).optional(),
  coverage: z.array(CoverageEntry).optional(),
  verification: z.array(VerificationEntry).optional(),
  properties: z.array(PropertyResult).optional(),
  load: z.array(LoadScenario).optional(),
  plan: PlanSummary.optional(),
  gate: z.array(GateViolation).optional(),
  /** The last `harness drift` run (drift.json), as drift/report.ts declares it. */
  drift: DriftReport.optional(),
  bench: z.array(BenchRow).optional(),
  /** Why each absent section is absent (the file that was not there, or could not be read). */
  absent: z.array(z.object({ section: z.enum(SECTIONS), reason: z.string() })),
});
export type HarnessReport = z.infer<typeof HarnessReport>;

// ---- shapes of the files other parts of the harness write (only the fields the report uses) ----

const LoadFile = z.looseObject({
  scenario: z.string(),
  profile: z.string(),
  ok: z.boolean(),
  platformMinutes: z.number(),
  vendors: z.record(
    z.string(),
    z.looseObject({ calls: z.number(), refused: z.number(), latencyMs: Latency.loose() }),
  ),
  checks: z.array(z.looseObject({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  drain: z
    .looseObject({
      input: z.looseObject({
        devices: z.number(),
        pending: z.number(),
        apps: z.number(),
        callsPerWindow: z.number(),
        limit: z.number(),
        windowMs: z.number(),
        strategy: z.string(),
      }),
    })
    .optional(),
});

const Figures = z.looseObject({ drainMs: z.number() });
const PlanFile = z.looseObject({
  input: z.looseObject({
    devices: z.number(),
    pending: z.number(),
    apps: z.number(),
    callsPerWindow: z.number(),
    limit: z.number(),
    windowMs: z.number(),
    strategy: z.string(),
  }),
  deadlineMs: z.number(),
  asked: z.looseObject({
    analytic: Figures,
    measured: z.union([
      z.looseObject({ ran: z.literal(true), drainMs: z.number() }),
      z.looseObject({ ran: z.literal(false) }),
    ]),
    holds: z.looseObject({ analytic: z.boolean(), measured: z.boolean().optional() }),
  }),
  fewestApps: z.number().optional(),
});

const PropsFile = z.looseObject({
  properties: z.array(
    z.looseObject({
      name: z.string(),
      ok: z.boolean(),
      seed: z.number(),
      numRuns: z.number(),
      replay: z.string().optional(),
      failure: z
        .looseObject({ path: z.string(), message: z.string(), counterexample: z.string().optional() })
        .optional(),
    }),
  ),
});

/** A throttle refusal of a load vendor: HTTP 429, or the error code of its throttle (its contract's THROTTLE). */
const isRefusal = (status: number, code: string | null): boolean =>
  status === 429 || (code !== null && loadVendors().some((v) => v.refusalCode === code));

/** At most `max` points, evenly picked, the last one always kept. */
const thin = <T>(points: T[], max = 400): T[] => {
  if (points.length <= max) return points;
  const step = points.length / max;
  const out: T[] = [];
  for (let i = 0; i < max - 1; i++) out.push(points[Math.floor(i * step)]!);
  out.push(points.at(-1)!);
  return out;
};

export type Journal = { vendor: string; stream: number; calls: JournalCall[] };

/** Allowed and refused calls per platform window (aligned to multiples of windowMs, counted from the first call's window). */
export const perMinuteOf = (journals: readonly Journal[], windowMs: number): MinuteCount[] =>
  journals.flatMap(({ vendor, stream, calls }) => {
    if (calls.length === 0) return [];
    const first = Math.floor(calls[0]![1] / windowMs);
    const rows = new Map<number, MinuteCount>();
    for (const [, at, status, code] of calls) {
      const minute = Math.floor(at / windowMs) - first;
      const row = rows.get(minute) ?? { vendor, stream, minute, allowed: 0, refused: 0 };
      if (isRefusal(status, code)) row.refused++;
      else row.allowed++;
      rows.set(minute, row);
    }
    const last = Math.max(...rows.keys());
    // Windows with no calls stay on the chart as zeros.
    return Array.from(
      { length: last + 1 },
      (_, m) => rows.get(m) ?? { vendor, stream, minute: m, allowed: 0, refused: 0 },
    );
  });

/**
 * Pending commands over platform time, from the successful cancels in the journals: a revocation task empties a
 * device's queue (`pending` commands), a modify call cancels one. Streams run on their own clocks, so each one's
 * time counts from its own first call.
 */
export const measuredDrainOf = (
  journals: readonly Journal[],
  input: { devices: number; pending: number; strategy: string },
  label = 'measured (journal)',
): DrainCurve => {
  const perSuccess = input.strategy === 'revoke' ? input.pending : 1;
  const events = journals
    .flatMap(({ calls }) => {
      const t0 = calls[0]?.[1] ?? 0;
      return calls.filter(([, , status]) => status === 200 || status === 201).map(([, at]) => at - t0);
    })
    .sort((a, b) => a - b);
  let pending = input.devices * input.pending;
  const points = [{ minutes: 0, pending }];
  for (const at of events) {
    pending = Math.max(0, pending - perSuccess);
    points.push({ minutes: at / 60_000, pending });
  }
  return { label, source: 'measured', points: thin(points) };
};

/** The analytic drain: every application calls once per windowMs / min(rate, limit), all in parallel. */
export const analyticDrainOf = (
  input: z.infer<typeof PlanFile>['input'],
  label = 'analytic (plan)',
): DrainCurve => {
  const interval = input.windowMs / Math.min(input.callsPerWindow, input.limit);
  const perCall = input.strategy === 'revoke' ? input.pending : 1;
  let pending = input.devices * input.pending;
  const points = [{ minutes: 0, pending }];
  for (let k = 0; pending > 0; k++) {
    pending = Math.max(0, pending - perCall * input.apps);
    points.push({ minutes: (k * interval) / 60_000, pending });
  }
  return { label, source: 'analytic', points: thin(points) };
};

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const readJson = <S extends z.ZodType>(file: string, schema: S): Read<z.output<S>> => {
  if (!existsSync(file)) return { ok: false, reason: `${file} not found` };
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success
      ? { ok: true, value: parsed.data }
      : {
          ok: false,
          reason: `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        };
  } catch (err) {
    return { ok: false, reason: `${file}: ${(err as Error).message}` };
  }
};

/** The journals `harness load` left in the work folder `<stem>/` beside `<stem>.json` (stem: `<scenario>-<profile>`). */
const journalsOf = (workDir: string, scenario: string): Journal[] => {
  if (!existsSync(workDir)) return [];
  const pattern = new RegExp(`^journal-${scenario.replace(/[^a-z0-9-]/gi, '')}-([a-z]+)-(\\d+)\\.json$`);
  return readdirSync(workDir)
    .sort()
    .flatMap((name) => {
      const m = pattern.exec(name);
      if (!m) return [];
      const r = readJson(path.join(workDir, name), z.array(JournalCall));
      return r.ok ? [{ vendor: m[1]!, stream: Number(m[2]), calls: r.value }] : [];
    });
};

const DEFAULT_LIMIT = 100;
const DEFAULT_WINDOW_MS = 60_000;

const loadScenarioOf = (workDir: string, file: z.infer<typeof LoadFile>): LoadScenario => {
  const limit = file.drain?.input.limit ?? DEFAULT_LIMIT;
  const windowMs = file.drain?.input.windowMs ?? DEFAULT_WINDOW_MS;
  const journals = journalsOf(workDir, file.scenario);
  return {
    scenario: file.scenario,
    profile: file.profile,
    ok: file.ok,
    limit,
    windowMs,
    platformMinutes: file.platformMinutes,
    perMinute: perMinuteOf(journals, windowMs),
    vendors: Object.entries(file.vendors).map(([vendor, f]) => ({
      vendor,
      calls: f.calls,
      refused: f.refused,
      latencyWallMs: { p50: f.latencyMs.p50, p95: f.latencyMs.p95, p99: f.latencyMs.p99 },
    })),
    checks: file.checks.map(({ name, ok, detail }) => ({ name, ok, detail })),
    ...(file.drain && journals.length > 0
      ? {
          drain: [
            measuredDrainOf(journals, file.drain.input, `${file.scenario} (${file.profile}) measured`),
            analyticDrainOf(file.drain.input, `${file.scenario} (${file.profile}) analytic`),
          ],
        }
      : {}),
  };
};

/** The props runner's report (reports/out/props.json) as property results. */
export const propertiesFromProps = (file: z.infer<typeof PropsFile>): PropertyResult[] =>
  file.properties.map((p) => ({
    name: p.name,
    passed: p.ok,
    runs: p.numRuns,
    seed: p.seed,
    ...(p.failure ? { path: p.failure.path, message: p.failure.message } : {}),
    ...(p.failure?.counterexample ? { counterexample: p.failure.counterexample } : {}),
    ...(p.replay ? { replay: p.replay } : {}),
  }));

export type CollectOptions = {
  /** The coverage check to report (e.g. checkCommittedCoverage() mapped); otherwise coverage.json in the folder. */
  coverage?: CoverageEntry[];
  now?: Date;
};

/**
 * Builds the report from the files present in `dir`: run.json, coverage.json, verification.json, props.json,
 * gate.json, drift.json, bench-simulator.json, load/plan.json and load/<scenario>-<profile>.json (journals in load/<scenario>-<profile>/).
 * A missing or unreadable file leaves its section out and says why in `absent`.
 */
export const collectReport = (dir: string = DEFAULT_REPORT_DIR, opts: CollectOptions = {}): HarnessReport => {
  const absent: HarnessReport['absent'] = [];
  const report: HarnessReport = {
    generatedAt: (opts.now ?? new Date()).toISOString(),
    sourceDir: dir,
    absent,
  };
  const take = <T>(section: SectionName, r: Read<T>, set: (v: T) => void) => {
    if (r.ok) set(r.value);
    else absent.push({ section, reason: r.reason });
  };
  take(
    'run',
    readJson(
      path.join(dir, 'run.json'),
      z.looseObject({ when: z.string(), ok: z.boolean(), stages: z.array(RunStage.loose()) }),
    ),
    (v) => {
      report.run = {
        when: v.when,
        ok: v.ok,
        stages: v.stages.map(({ stage, ok, ms, detail }) => ({ stage, ok, ms, detail })),
      };
    },
  );
  if (opts.coverage) report.coverage = opts.coverage;
  else
    take(
      'coverage',
      readJson(path.join(dir, 'coverage.json'), z.array(CoverageEntry)),
      (v) => (report.coverage = v),
    );
  take(
    'verification',
    readJson(path.join(dir, 'verification.json'), z.array(VerificationEntry)),
    (v) => (report.verification = v),
  );
  take('properties', readJson(path.join(dir, 'props.json'), PropsFile), (v) => {
    report.properties = propertiesFromProps(v);
  });
  take('gate', readJson(path.join(dir, 'gate.json'), GateFile), (v) => (report.gate = v));
  take('drift', readJson(path.join(dir, 'drift.json'), DriftReport), (v) => (report.drift = v));
  take(
    'bench',
    readJson(path.join(dir, 'bench-simulator.json'), z.looseObject({ summary: z.array(BenchRow.loose()) })),
    (v) => {
      report.bench = v.summary.map(({ target, rps, p50Ms, p99Ms }) => ({ target, rps, p50Ms, p99Ms }));
    },
  );
  take('plan', readJson(path.join(dir, 'load', 'plan.json'), PlanFile), (p) => {
    report.plan = {
      devices: p.input.devices,
      pending: p.input.pending,
      apps: p.input.apps,
      strategy: p.input.strategy,
      deadlineMs: p.deadlineMs,
      analyticDrainMs: p.asked.analytic.drainMs,
      ...(p.asked.measured.ran ? { measuredDrainMs: p.asked.measured.drainMs as number } : {}),
      holds: p.asked.holds.measured ?? p.asked.holds.analytic,
      ...(p.fewestApps !== undefined ? { fewestApps: p.fewestApps } : {}),
      drain: analyticDrainOf(
        p.input,
        `plan analytic: ${p.input.devices} devices x ${p.input.pending}, ${p.input.apps} app${p.input.apps === 1 ? '' : 's'}`,
      ),
    };
  });
  const loadDir = path.join(dir, 'load');
  const loadFiles = existsSync(loadDir)
    ? readdirSync(loadDir)
        .filter((f) => f.endsWith('.json') && f !== 'plan.json')
        .sort()
    : [];
  const scenarios = loadFiles.flatMap((f) => {
    const r = readJson(path.join(loadDir, f), LoadFile);
    if (!r.ok) absent.push({ section: 'load', reason: r.reason });
    return r.ok ? [loadScenarioOf(path.join(loadDir, f.slice(0, -'.json'.length)), r.value)] : [];
  });
  if (scenarios.length > 0) report.load = scenarios;
  else if (loadFiles.length === 0)
    absent.push({ section: 'load', reason: `no load results (${loadDir}/<scenario>-<profile>.json) found` });
  return HarnessReport.parse(report);
};

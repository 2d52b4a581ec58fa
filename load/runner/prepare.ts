// Everything before k6 starts: the time scale, throttles and thresholds of a profile, the seeded applications, and the run file.
import { writeFileSync } from 'node:fs';
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import type { Vendor as RegistryVendor } from '../../vendors/index.ts';
import { fetchLastSeq } from './journal.ts';
import { type Outcome, done, refused } from './outcome.ts';
import type { BackoffProfile, DrainProfile, PacedProfile } from './profiles.ts';
import { primaryVendor, loadVendorOf, loadVendors } from './load-vendors.ts';
import { RunFile, type RunFileInput } from './run-file.ts';
import type { LoadTargets } from './targets.ts';

export type ScenarioProfile =
  | { scenario: 'at-limit' | 'over-limit'; profile: PacedProfile }
  | { scenario: 'fleet-drain'; profile: DrainProfile }
  | { scenario: 'back-off'; profile: BackoffProfile };

/** A vendor taking part in load runs (one with a load plug-in: load/runner/<vendor>/plugin.ts). */
export type Vendor = RegistryVendor;

/** Wall ms from writing the run file to the common start of segmented k6 processes (their start-up fits in it). */
export const SEGMENT_START_DELAY_MS = 3000;

/**
 * Wall ms between two calls of one application below which a run at the limit is at the mercy of the machine's
 * jitter: a call may be 3/4 of an interval late before it slips into the next window (15 ms here).
 */
export const MIN_INTERVAL_WALL_MS = 20;

/**
 * The largest time scale that keeps every application's calls together under `maxWallRate` per wall second and one
 * application's calls at least MIN_INTERVAL_WALL_MS apart.
 */
export const autoTimeScale = (p: DrainProfile): number =>
  Math.max(
    1,
    Math.floor(
      Math.min(
        (p.maxWallRate * p.windowMs) / (1000 * p.apps * p.callsPerWindow),
        p.windowMs / (p.callsPerWindow * MIN_INTERVAL_WALL_MS),
      ),
    ),
  );

export const timeScaleOf = (req: ScenarioProfile): number =>
  req.scenario === 'fleet-drain' && req.profile.timeScale === 'auto'
    ? autoTimeScale(req.profile)
    : (req.profile.timeScale as number);

/** The vendors a run calls: a paced profile's own list, else the vendor fleet-drain and back-off drive. */
export const vendorsOf = (req: ScenarioProfile): Vendor[] =>
  req.scenario === 'at-limit' || req.scenario === 'over-limit'
    ? (req.profile.vendors as Vendor[])
    : [primaryVendor().id];

/** Application shards (simulator instances) the scenario needs. */
export const shardsOf = (req: ScenarioProfile): number =>
  req.scenario === 'fleet-drain' ? req.profile.apps : 1;

/** Platform ms the k6 run is planned to take. */
export const plannedPlatformMs = (req: ScenarioProfile): number => {
  const p = req.profile;
  if (req.scenario === 'fleet-drain') {
    const d = req.profile;
    const perApp = Math.ceil(d.devices / d.apps) * (d.strategy === 'revoke' ? 1 : d.pending);
    return (perApp * p.windowMs) / d.callsPerWindow;
  }
  return req.profile.windows * p.windowMs;
};

/** The throttle each load vendor runs with: on or off as its plug-in says for the scenario and profile. */
export const throttles = (req: ScenarioProfile): Partial<Record<Vendor, ThrottleConfigInput>> => {
  const { limit, windowMs } = req.profile;
  const base = { limit, windowMs, algorithm: 'fixed-window', alignment: 'epoch', originMs: 0 } as const;
  return Object.fromEntries(loadVendors().map((v) => [v.id, { ...base, enabled: v.load.throttleOn(req) }]));
};

/** Thresholds of the profile, plus over-limit's share band derived from the rate and its stated tolerance. */
export const thresholdsOf = (req: ScenarioProfile): Record<string, string[]> => {
  const t = { ...req.profile.thresholds };
  if (req.scenario === 'over-limit' && req.profile.throttledShareTolerance !== undefined) {
    const nominal = Math.max(0, 1 - req.profile.limit / req.profile.callsPerWindow);
    const tol = req.profile.throttledShareTolerance;
    t[`${primaryVendor().load.metricsPrefix}_throttled_share`] = [
      `rate>=${(nominal - tol).toFixed(4)}`,
      `rate<=${(nominal + tol).toFixed(4)}`,
    ];
  }
  return t;
};

/** A profile the runner can carry out, or why not. */
export const checkProfile = (req: ScenarioProfile): Outcome<true> => {
  if (req.scenario !== 'fleet-drain') return done(true);
  const drained = primaryVendor();
  if (req.profile.pending > drained.pendingCap)
    return refused(
      'profile',
      `${drained.name} holds at most ${drained.pendingCap} pending commands per device; got pending ${req.profile.pending}`,
    );
  if (req.profile.callsPerWindow > req.profile.limit)
    return refused(
      'profile',
      `a drain paced above the limit (${req.profile.callsPerWindow} > ${req.profile.limit} per window) only wastes calls`,
    );
  return done(true);
};

/** Seeds every application of the targets and returns the run file's content. */
const seedAndDescribe = async (
  req: ScenarioProfile,
  targets: LoadTargets,
  timeScale: number,
  summaryPath: string,
): Promise<Outcome<RunFile>> => {
  const th = throttles(req);
  const apps: RunFileInput['apps'] = {};
  // Command ids only where a script uses them: every k6 VU parses the run file.
  const keepCommands = req.scenario === 'fleet-drain' && req.profile.strategy === 'modify';
  for (const id of vendorsOf(req)) {
    const { load } = loadVendorOf(id);
    const seeded: RunFileInput['apps'][string] = [];
    for (const t of targets.apps[id] ?? []) {
      const r = await load.prepare(t, req.profile.pending, th[id]!, {
        frontDoor: targets.route === 'front-door',
        keepCommands,
      });
      if (!r.ok) return r;
      seeded.push(r.value);
    }
    apps[id] = seeded;
  }
  const p = req.profile;
  const pacing =
    req.scenario === 'fleet-drain'
      ? { callsPerWindow: req.profile.callsPerWindow, windows: plannedPlatformMs(req) / p.windowMs }
      : req.scenario === 'back-off'
        ? { callsPerWindow: req.profile.demandPerWindow, windows: req.profile.windows }
        : {
            callsPerWindow: req.profile.callsPerWindow,
            windows: req.profile.windows,
            spread: req.profile.spread,
          };
  const throttleOf = (v: Vendor) => ({
    enabled: th[v]?.enabled ?? true,
    limit: p.limit,
    windowMs: p.windowMs,
  });
  const parsed = RunFile.safeParse({
    scenario: req.scenario,
    timeScale,
    alignToWindow: p.alignToWindow,
    throttle: Object.fromEntries(loadVendors().map((v) => [v.id, throttleOf(v.id)])),
    apps,
    primaryVendor: primaryVendor().id,
    pacing,
    strategy: req.scenario === 'fleet-drain' ? req.profile.strategy : 'revoke',
    backoff:
      req.scenario === 'back-off'
        ? { demandPerWindow: req.profile.demandPerWindow, marginRatio: req.profile.marginRatio }
        : { demandPerWindow: 1, marginRatio: 0 },
    thresholds: thresholdsOf(req),
    summaryPath,
  } satisfies RunFileInput);
  return parsed.success ? done(parsed.data) : refused('run file', parsed.error.message);
};

export type PreparedRun = {
  runPath: string;
  run: RunFile;
  /** The journal's last sequence number of each instance before k6 starts (the run's calls come after). */
  since: number[];
};

/**
 * Seeds the applications, writes the run file (with a common start when k6 runs over execution segments) and notes
 * where each instance's journal stands.
 */
export const prepareRun = async (
  req: ScenarioProfile,
  targets: LoadTargets,
  files: { runPath: string; summaryPath: string },
  segments: number,
): Promise<Outcome<PreparedRun>> => {
  const described = await seedAndDescribe(req, targets, timeScaleOf(req), files.summaryPath);
  if (!described.ok) return described;
  const startAt = segments > 1 ? Date.now() + SEGMENT_START_DELAY_MS : undefined;
  const run: RunFile = { ...described.value, ...(startAt ? { startAt } : {}) };
  writeFileSync(files.runPath, JSON.stringify(run, null, 1));
  const since: number[] = [];
  for (const url of targets.controlUrls) {
    const s = await fetchLastSeq(url);
    if (!s.ok) return s;
    since.push(s.value);
  }
  return done({ runPath: files.runPath, run, since });
};

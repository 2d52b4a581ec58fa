// Runs one load scenario end to end: simulators up (or attached), applications seeded, k6 run, journals compared with the model, simulators down.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ReadyInfo } from '../../simulators/platform/ready-info.ts';
import { analyse, type LoadReport } from './analyse.ts';
import type { K6Binary } from './k6-binary.ts';
import { type K6ProcessResult, runK6 } from './k6-process.ts';
import { type Outcome, done, refused } from './outcome.ts';
import {
  checkProfile,
  plannedPlatformMs,
  type PreparedRun,
  prepareRun,
  type ScenarioProfile,
  shardsOf,
  throttles,
  timeScaleOf,
} from './prepare.ts';
import { LOAD_DIR } from './profiles.ts';
import { SCRIPT_OF } from './run-file.ts';
import { mergeSummaries, readSummary } from './summary.ts';
import { attachTargets, type LoadTargets, startTargets } from './targets.ts';

export type { LoadReport } from './analyse.ts';
export { autoTimeScale } from './prepare.ts';
export type { ScenarioProfile } from './prepare.ts';

export type LoadRequest = ScenarioProfile & {
  profileName: string;
  /** Absent with prepareOnly. */
  k6?: K6Binary;
  /** Folder for the run file, k6's summaries and the journals' extracts. */
  workDir: string;
  /** k6 processes over execution segments (1: none). */
  segments?: number;
  /** Simulators already running (ready lines of `harness sim`), one per application shard, instead of fresh ones. */
  against?: { ready: ReadyInfo[]; route: 'platform' | 'front-door' };
  onLine?: (line: string) => void;
};

export const SCRIPTS_DIR = path.join(LOAD_DIR, 'scripts');

const k6Failure = (results: readonly K6ProcessResult[]): string | undefined => {
  const bad = results.find((r) => r.timedOut || (r.exitCode !== 0 && r.exitCode !== 99));
  if (!bad) return undefined;
  const where = bad.segment ? ` (segment ${bad.segment})` : '';
  return bad.timedOut
    ? `k6 did not finish in time and was stopped${where}`
    : `k6 exited with ${bad.exitCode ?? bad.signal}${where}:\n${bad.output.trim().split('\n').slice(-15).join('\n')}`;
};

const targetsFor = async (req: LoadRequest): Promise<Outcome<LoadTargets>> => {
  const shards = shardsOf(req);
  if (req.against) {
    if (req.against.ready.length !== shards)
      return refused(
        'simulator',
        `${req.scenario} needs ${shards} simulator instance${shards === 1 ? '' : 's'} (one per application key); got ${req.against.ready.length}`,
      );
    return attachTargets(req.against.ready, req.against.route, timeScaleOf(req));
  }
  return startTargets({
    shards,
    devices: req.profile.devices,
    frontDoor: req.profile.frontDoor,
    sim: { timeScale: timeScaleOf(req), seed: req.profile.seed, throttle: throttles(req) },
  });
};

/** Starts (or attaches to) the simulators, seeds them and writes the run file, without running k6. */
export const prepareOnly = async (
  req: LoadRequest,
): Promise<Outcome<PreparedRun & { stop(): Promise<void> }>> => {
  const checked = checkProfile(req);
  if (!checked.ok) return checked;
  mkdirSync(req.workDir, { recursive: true });
  const targets = await targetsFor(req);
  if (!targets.ok) return targets;
  const prepared = await prepareRun(req, targets.value, filesOf(req), Math.max(1, req.segments ?? 1));
  if (!prepared.ok) {
    await targets.value.stop();
    return prepared;
  }
  return done({ ...prepared.value, stop: targets.value.stop });
};

const filesOf = (req: LoadRequest) => ({
  runPath: path.join(req.workDir, `run-${req.scenario}.json`),
  summaryPath: path.join(req.workDir, `summary-${req.scenario}.json`),
});

/** Runs the scenario; simulators it started are always stopped, whatever happened. */
export const runScenario = async (req: LoadRequest): Promise<Outcome<LoadReport>> => {
  if (!req.k6) return refused('k6', 'no k6 binary was given');
  const checked = checkProfile(req);
  if (!checked.ok) return checked;
  mkdirSync(req.workDir, { recursive: true });
  const targets = await targetsFor(req);
  if (!targets.ok) return targets;
  const wallStart = Date.now();
  try {
    const segments = Math.max(1, req.segments ?? 1);
    const files = filesOf(req);
    const prepared = await prepareRun(req, targets.value, files, segments);
    if (!prepared.ok) return prepared;
    const results = await runK6({
      k6: req.k6,
      script: path.join(SCRIPTS_DIR, SCRIPT_OF[req.scenario]),
      runFile: files.runPath,
      summaryPath: files.summaryPath,
      segments,
      timeoutMs: plannedPlatformMs(req) / prepared.value.run.timeScale + 90_000,
      mounts: [LOAD_DIR, req.workDir],
      onLine: req.onLine,
    });
    const failure = k6Failure(results);
    if (failure) return refused('k6', failure);
    const parts = [];
    for (const r of results) {
      const s = readSummary(r.summaryPath);
      if (!s.ok) return s;
      parts.push(s.value);
    }
    // Awaited here, so the simulators are stopped only after their journals were read.
    return await analyse({
      req,
      targets: targets.value,
      prepared: prepared.value,
      results,
      summary: mergeSummaries(parts),
      wallMs: Date.now() - wallStart,
      workDir: req.workDir,
    });
  } finally {
    await targets.value.stop();
  }
};

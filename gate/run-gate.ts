// `harness gate`'s engine: simulators up, the client's command run faithfully (then rerun per quirk and per fault when asked), audited, a result out.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allFailures } from '../contracts/failures.ts';
import { allQuirks } from '../contracts/quirks.ts';
import { stoppedBy } from '../runtime/stop-signals.ts';
import type { RunningSim, SimOptions } from '../simulators/sim.ts';
import type { LaunchOptions } from '../simulators/wiremock/launcher.ts';
import { judgeFaults } from './differential/faults.ts';
import { judgeQuirks } from './differential/quirks.ts';
import type { FaultVerdict, QuirkVerdict } from './differential/verdicts.ts';
import { type GateResult, gateExitCode } from './report.ts';
import { totalsOf } from './rules/index.ts';
import { type RunOutcome, type RunProfile, runOnce } from './run-once.ts';
import { SimPool } from './sim-pool.ts';

export { runCommand } from './command.ts';

export type GateOptions = {
  command: string[];
  /** Most GETs of one URL per platform second. */
  maxPollRate: number;
  /** Least platform ms between an error and a retry of the same request. */
  minBackoffMs: number;
  /** Wall ms the command may run (each run) before it is killed. */
  timeoutMs: number;
  /** Where the ready line is written for the command (also exported as HARNESS_READY_FILE); `-<n>` added per extra simulator. */
  readyFile: string;
  /** Where the JSON report goes; undefined: not written. */
  reportFile?: string;
  cwd?: string;
  /** The command's stdio: inherited by the CLI, ignored or piped in tests. */
  stdio?: 'inherit' | 'ignore';
  /** The run's stop signal: once aborted, the result says the run was interrupted (and by what). */
  stop?: AbortSignal;
  /** Rerun without each vendor quirk the faithful run met, and compare. */
  quirks?: boolean;
  /** Rerun with each documented failure injected at each endpoint the faithful run used. */
  faults?: boolean;
  /** Only these documented failures (ids of contracts/failures.ts) with `faults`; undefined: all of them. */
  faultIds?: readonly string[];
  /** Most simulators (and runs) at once for the reruns (default 2: the machines have 2 cores). */
  parallel?: number;
};

export type GateDeps = {
  /** Simulator options, used when no running simulator is given and for the reruns' extra simulators. */
  sim?: SimOptions;
  /** A running simulator to reuse (reset before each run, left running). */
  running?: RunningSim;
};

/** WireMock's own journal must be on for a reset at the front door to be found (bounded: it costs throughput). */
const FRONT_DOOR_JOURNAL = 10_000;

const readyFileOf = (base: string, index: number): string =>
  index === 0 ? base : base.replace(/(\.json)?$/, `-${index}.json`);

export const runGate = async (opts: GateOptions, deps: GateDeps = {}): Promise<GateResult> => {
  const started = Date.now();
  const simOptions: SimOptions = {
    ...deps.sim,
    mode: 'stateful',
    ...(opts.faults
      ? {
          wiremock: {
            ...deps.sim?.wiremock,
            maxRequestJournalEntries: FRONT_DOOR_JOURNAL,
          } as LaunchOptions,
        }
      : {}),
  };
  const start = async (): Promise<RunningSim> => {
    const { startSimulators } = await import('../simulators/sim.ts');
    return startSimulators(simOptions);
  };
  const first = deps.running ?? (await start());
  const pool = new SimPool([first], opts.parallel ?? 2, deps.running && !deps.sim ? undefined : start);
  const settings = (index: number, rerun: boolean) => ({
    ...opts,
    // The reruns' output would only repeat the faithful run's; the verdicts say what differed.
    stdio: rerun ? ('ignore' as const) : opts.stdio,
    limits: { maxPollRate: opts.maxPollRate, minBackoffMs: opts.minBackoffMs },
    readyFile: readyFileOf(opts.readyFile, index),
  });
  let runs = 0;
  const rerun = (profile: RunProfile): Promise<RunOutcome> =>
    pool.run((sim, index) => {
      if (stoppedBy(opts.stop)) throw new Error('interrupted');
      runs++;
      return runOnce(sim, settings(index, runs > 1), profile);
    });
  try {
    const faithful = await rerun({});
    let quirks: QuirkVerdict[] | undefined;
    let faults: FaultVerdict[] | undefined;
    if (!stoppedBy(opts.stop)) {
      [quirks, faults] = await Promise.all([
        opts.quirks ? judgeQuirks(faithful, allQuirks(), rerun) : undefined,
        opts.faults
          ? judgeFaults(
              faithful,
              allFailures().filter((f) => opts.faultIds === undefined || opts.faultIds.includes(f.id)),
              rerun,
            )
          : undefined,
      ]).catch((err: Error) => {
        if (stoppedBy(opts.stop)) return [undefined, undefined];
        throw err;
      });
    }
    // With --quirks the verdicts say which quirk the client breaks on: the single run's guess (rule `quirk`) goes.
    const violations = opts.quirks
      ? faithful.violations.filter((v) => v.rule !== 'quirk')
      : faithful.violations;
    const result: GateResult = {
      command: opts.command,
      exitCode: faithful.exitCode,
      timedOut: faithful.timedOut,
      ...(stoppedBy(opts.stop) ? { interrupted: stoppedBy(opts.stop) } : {}),
      limits: faithful.limits,
      ...(faithful.measuredJitterWallMs === undefined
        ? {}
        : { measuredJitterWallMs: faithful.measuredJitterWallMs }),
      violations,
      totals: totalsOf(violations),
      ...(quirks ? { quirks } : {}),
      ...(faults ? { faults } : {}),
      runs,
      wallMs: Date.now() - started,
      requests: faithful.entries.map(({ seq, at, vendor, method, url, status, errorCode }) => ({
        seq,
        at,
        vendor,
        method,
        url,
        status,
        ...(errorCode === undefined ? {} : { errorCode }),
      })),
    };
    if (opts.reportFile) {
      mkdirSync(path.dirname(opts.reportFile), { recursive: true });
      writeFileSync(opts.reportFile, `${JSON.stringify(result, null, 2)}\n`);
    }
    return result;
  } finally {
    await pool.stop();
    if (!deps.running) await first.stop();
  }
};

export { gateExitCode };

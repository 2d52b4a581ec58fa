// `harness gate`'s engine: simulators up, the client's command run with the env vars, the journal audited, a result out.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ControlClient, must } from '../contracts/control/client.ts';
import { adopt } from '../runtime/children.ts';
import { stoppedBy } from '../runtime/stop-signals.ts';
import { ThrottleConfig } from '../simulators/model/throttle.ts';
import { perVendor } from '../vendors/index.ts';
import type { RunningSim, SimOptions } from '../simulators/sim.ts';
import { gateEnv } from './env.ts';
import { type GateResult, gateExitCode } from './report.ts';
import { audit } from './rules/index.ts';

export type GateOptions = {
  command: string[];
  /** Most GETs of one URL per platform second. */
  maxPollRate: number;
  /** Least platform ms between an error and a retry of the same request. */
  minBackoffMs: number;
  /** Wall ms the command may run before it is killed. */
  timeoutMs: number;
  /** Where the ready line is written for the command (also exported as HARNESS_READY_FILE). */
  readyFile: string;
  /** Where the JSON report goes; undefined: not written. */
  reportFile?: string;
  cwd?: string;
  /** The command's stdio: inherited by the CLI, ignored or piped in tests. */
  stdio?: 'inherit' | 'ignore';
  /** The run's stop signal: once aborted, the result says the run was interrupted (and by what). */
  stop?: AbortSignal;
};

export type GateDeps = {
  /** Simulator options, used when no running simulator is given. */
  sim?: SimOptions;
  /** A running simulator to reuse (reset before the command runs, left running). */
  running?: RunningSim;
};

type Exit = { exitCode: number | null; timedOut: boolean };

/** Runs the command in its own process group; on timeout the whole group is sent SIGTERM, then SIGKILL. */
export const runCommand = (
  command: string[],
  env: Record<string, string>,
  opts: { timeoutMs: number; cwd?: string; stdio?: 'inherit' | 'ignore' },
): Promise<Exit> =>
  new Promise((resolve) => {
    const [file, ...args] = command;
    if (!file) return resolve({ exitCode: null, timedOut: false });
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...env },
      stdio: opts.stdio ?? 'inherit',
      detached: true,
    });
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    // The child has its own process group, so a Ctrl-C at the terminal does not reach it: the run's stop passes it on.
    adopt(child, { group: true });
    const done = () => clearTimeout(timer);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 2000).unref();
    }, opts.timeoutMs);
    child.once('error', (err) => {
      done();
      process.stderr.write(`harness gate: cannot run ${file}: ${err.message}\n`);
      resolve({ exitCode: null, timedOut });
    });
    child.once('exit', (code) => {
      done();
      resolve({ exitCode: timedOut ? null : code, timedOut });
    });
  });

export const runGate = async (opts: GateOptions, deps: GateDeps = {}): Promise<GateResult> => {
  let sim = deps.running;
  let owned = false;
  if (!sim) {
    const { startSimulators } = await import('../simulators/sim.ts');
    sim = await startSimulators({ ...deps.sim, mode: 'stateful' });
    owned = true;
  }
  const control = new ControlClient(sim.info.controlUrl);
  try {
    if (!owned) await must(control.reset());
    const state = await must(control.state());
    const clock = await must(control.clock());
    const lastSeq = await must(control.lastSeq());
    mkdirSync(path.dirname(opts.readyFile), { recursive: true });
    writeFileSync(opts.readyFile, `${JSON.stringify(sim.info)}\n`);
    const env = gateEnv({
      info: sim.info,
      readyFile: opts.readyFile,
      timeScale: clock.timeScale,
      maxPollRate: opts.maxPollRate,
      throttle: perVendor((v) => state[v.id]?.throttle ?? ThrottleConfig.parse({})),
    });
    const exit = await runCommand(opts.command, env, opts);
    const journal = await must(control.journal({ since: lastSeq }));
    const throttle = Object.fromEntries(Object.entries(state).map(([v, s]) => [v, s.throttle]));
    const violations = audit(journal.entries, {
      throttle,
      maxPollRate: opts.maxPollRate,
      minBackoffMs: opts.minBackoffMs,
      exitCode: exit.exitCode,
    });
    const result: GateResult = {
      command: opts.command,
      exitCode: exit.exitCode,
      timedOut: exit.timedOut,
      ...(stoppedBy(opts.stop) ? { interrupted: stoppedBy(opts.stop) } : {}),
      violations,
      requests: journal.entries.map(({ seq, at, vendor, method, url, status, errorCode }) => ({
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
    await control.close();
    if (owned) await sim.stop();
  }
};

export { gateExitCode };

// The client's command as a child process in its own group: its exit code, or killed (group and all) at the timeout.
import { spawn } from 'node:child_process';
import { adopt } from '../runtime/children.ts';

export type Exit = { exitCode: number | null; timedOut: boolean };

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

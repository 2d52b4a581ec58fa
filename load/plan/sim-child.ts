// Starts the planning simulator in a child process (the drive and the model each get a core), and reads its peak memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanSimConfig } from './platform.ts';
import type { PlanEndpoint } from './transport.ts';

const HERE = fileURLToPath(import.meta.url);
/** The entry beside this module, with this module's extension (.ts in the checkout, .js once compiled). */
const ENTRY = path.join(path.dirname(HERE), `sim-process${path.extname(HERE)}`);

/**
 * A young generation of 64 MB instead of 16: seeding a million devices promotes every object it makes, and with the
 * default the collector copied each one twice (seeding took 20 s instead of 5 here).
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

export type SimChild = {
  /** Where its HTTP server listens: a Unix socket in a folder of its own (removed by stop). */
  endpoint: PlanEndpoint;
  pid: number;
  /** Peak resident memory of the child so far (VmHWM), bytes; undefined where /proc is not there. */
  peakRssBytes(): number | undefined;
  stop(): Promise<void>;
};

/** Peak resident set (VmHWM) of a process, from /proc; undefined elsewhere. */
export const peakRssOf = (pid: number | 'self'): number | undefined => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
};

export const startSimChild = (config: PlanSimConfig, logFile?: (line: string) => void): Promise<SimChild> =>
  new Promise((resolve, reject) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harness-plan-'));
    const socketPath = path.join(dir, 'sim.sock');
    const child = spawn(process.execPath, [...NODE_FLAGS, ENTRY, JSON.stringify(config), socketPath], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) =>
      child.once('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        r();
      }),
    );
    let out = '';
    let settled = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => logFile?.(text));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      out += text;
      const nl = out.indexOf('\n');
      if (settled || nl < 0) return;
      settled = true;
      const ready = JSON.parse(out.slice(0, nl)) as { socketPath: string; pid: number };
      resolve({
        endpoint: { origin: 'http://localhost', socketPath: ready.socketPath },
        pid: ready.pid,
        peakRssBytes: () => peakRssOf(ready.pid),
        stop: async () => {
          child.stdin.end();
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code, signal) => {
      if (!settled) {
        settled = true;
        reject(new Error(`the planning simulator exited before it was ready (${code ?? signal})`));
      }
    });
    child.once('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
  });

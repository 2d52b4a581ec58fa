// k6's run data lives in SharedArrays: a fleet-sized run file is parsed once per k6 process, not once per VU.
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findK6, type K6Binary, k6Invocation } from './k6-binary.ts';
import { k6RunArgs } from './k6-process.ts';
import { LOAD_DIR } from './profiles.ts';
import { RunFile, type RunFileInput } from './run-file.ts';

const DEVICES = 300_000;
/** Peak RSS the k6 process may reach. Measured: 141 MiB with the SharedArrays, 2,640 MiB when every VU parsed the file. */
const PEAK_RSS_LIMIT_MIB = 400;

let k6: K6Binary | undefined;
const work = mkdtempSync(path.join(tmpdir(), 'harness-run-data-'));

beforeAll(async () => {
  const found = await findK6({ build: false });
  if (found.ok) k6 = found.k6;
  else if (process.env.CI) throw new Error(`k6 is required in CI (run .ci/k6.sh first):\n${found.message}`);
  else console.log(`run-data test skipped: no k6 here (run .ci/k6.sh to build it)\n${found.message}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A port on 127.0.0.1 that nothing listens on: the script's calls are refused at once, nothing leaves the machine. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/** VmHWM (peak resident set) of a live process in MiB, or undefined once it is gone. */
const peakRssMib = (pid: number): number | undefined => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
};

describe('k6 run data', () => {
  it(`a run file of ${DEVICES.toLocaleString('en')} devices: the VUs share it (peak RSS under ${PEAK_RSS_LIMIT_MIB} MiB)`, async (ctx) => {
    if (!k6) return ctx.skip('no k6 here');
    if (k6.kind === 'container') return ctx.skip('k6 runs in a container: its memory is not a process here');
    const base = `http://127.0.0.1:${await closedPort()}`;
    const summaryPath = path.join(work, 'summary.json');
    const run: RunFileInput = {
      scenario: 'at-limit',
      // One call per wall ms: k6 makes 64 VUs before the start (lib/scenarios.ts), each with its own init context.
      timeScale: 600,
      alignToWindow: false,
      throttle: { oceanconnect: { enabled: true, limit: 100, windowMs: 60_000 } },
      apps: {
        oceanconnect: [
          {
            baseUrl: base,
            controlUrl: `${base}/__control`,
            appId: 'app',
            secret: 'secret',
            accessToken: 'token',
            devices: Array.from(
              { length: DEVICES },
              (_, i) => `device-${String(i).padStart(8, '0')}-0123456789`,
            ),
            commands: [],
          },
        ],
      },
      primaryVendor: 'oceanconnect',
      pacing: { callsPerWindow: 100, windows: 2 },
      strategy: 'revoke',
      backoff: { demandPerWindow: 1, marginRatio: 0 },
      thresholds: {},
      summaryPath,
    };
    const runFile = path.join(work, 'run.json');
    writeFileSync(runFile, JSON.stringify(RunFile.parse(run)));
    const inv = k6Invocation(
      k6,
      k6RunArgs(path.join(LOAD_DIR, 'scripts', 'cancel-all.ts'), ['--log-output', 'none']),
    );
    const child = spawn(inv.command, inv.args, {
      env: { ...process.env, HARNESS_RUN_FILE: runFile, K6_NO_USAGE_REPORT: 'true' },
      stdio: 'ignore',
    });
    let peak = 0;
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRssMib(child.pid!) ?? 0);
    }, 20);
    const kill = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(poll);
    clearTimeout(kill);
    expect(peak).toBeGreaterThan(0); // measured at all
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as {
      metrics: Record<string, { values: Record<string, number> }>;
    };
    // Every planned call was made (each refused by the closed port), so the VUs ran with the shared data.
    expect(summary.metrics.oc_calls?.values.count).toBe(200);
    expect(exitCode).toBe(0);
    expect(peak).toBeLessThan(PEAK_RSS_LIMIT_MIB);
  }, 120_000);
});

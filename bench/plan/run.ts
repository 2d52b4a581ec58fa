// Benchmark of the planning drive: 10k, 100k and 1M devices over HTTP (wall, peak RSS of both processes, calls per wall second), beside references measured in the same run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planningVendor } from '../../load/plan/plan.ts';
import { type CaseRun, runCase } from '../../load/plan/run-case.ts';
import { httpTransport } from '../../load/plan/transport.ts';
import { DEFAULT_WHAT_IFS } from '../../load/plan/what-ifs.ts';
import { estimateDrain } from '../../load/runner/drain-model.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'reports', 'out', 'bench-plan');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('sizes', '10000,100000,1000000').split(',').map(Number);
/** Sizes also driven in-process (the engine without HTTP) as a reference. */
const IN_PROCESS = arg('in-process', '10000,100000').split(',').map(Number);
const APPS = 10;
const VENDOR = planningVendor();
if (!VENDOR) throw new Error('no vendor of the registry brings planning calls');

const specOf = (devices: number) => {
  const input = {
    devices,
    pending: 1,
    apps: APPS,
    callsPerWindow: 100,
    limit: 100,
    windowMs: 60_000,
    strategy: 'revoke' as const,
  };
  return {
    ...input,
    vendor: VENDOR.id,
    calls: VENDOR.calls,
    whatIfs: DEFAULT_WHAT_IFS,
    analyticDrainMs: estimateDrain(input).drainMs,
    seed: 1,
  };
};

const rowOf = (devices: number, run: CaseRun, wallMs: number) => {
  const calls = run.drive.clients.reduce((n, c) => n + c.calls + c.logins, 0);
  const rss = run.peakRssBytes;
  return {
    devices,
    transport: run.drive.transport,
    wallS: Math.round(wallMs / 100) / 10,
    seedS: Math.round(run.seedWallMs / 100) / 10,
    driveS: Math.round(run.drive.wallMs / 100) / 10,
    callsPerWallSecond: Math.round((calls / run.drive.wallMs) * 1000),
    peakRssMiB: {
      drive: Math.round((rss.drive ?? 0) / 1_048_576),
      simulator: rss.simulator === undefined ? null : Math.round(rss.simulator / 1_048_576),
      total: Math.round(((rss.drive ?? 0) + (rss.simulator ?? 0)) / 1_048_576),
    },
    drainMs: Math.round(run.drive.drainMs),
    analyticDrainMs: Math.round(specOf(devices).analyticDrainMs),
    exact: Math.round(run.drive.drainMs) === Math.round(specOf(devices).analyticDrainMs),
    left: run.drive.left + run.pendingLeft,
  };
};

/**
 * The ceiling of any HTTP drive here: the same transport (HTTP over a Unix socket) and the same steps (ten calls in
 * parallel, one per key, after a clock jump) against a bare node:http server answering a revocation task's bytes,
 * without any model.
 */
const ceiling = async (steps: number): Promise<number> => {
  const body = JSON.stringify({
    taskId: '00000000-0000-4000-8000-000000000000',
    status: 'WAITTING',
    totalCount: 1,
    deviceCommands: [{ commandId: 'x', status: 'PENDDING' }],
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const clock = req.url?.startsWith('/__control');
      res.writeHead(clock ? 200 : 201, { 'content-type': 'application/json' });
      res.end(clock ? '{"now":0,"iso":"1970-01-01T00:00:00.000Z","timeScale":1,"frozen":true}' : body);
    });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'harness-bench-plan-'));
  const socketPath = path.join(dir, 'ceiling.sock');
  await new Promise<void>((r) => server.listen(socketPath, () => r()));
  const t = httpTransport({ origin: 'http://localhost', socketPath }, APPS, VENDOR.id);
  const req = VENDOR.calls.revokeAll({ appId: 'a', secret: 's' }, 'token', 'device');
  const start = performance.now();
  for (let s = 0; s < steps; s++) {
    await t.jump(s, []);
    await Promise.all(Array.from({ length: APPS }, (_, k) => t.send(k, req)));
  }
  const ms = performance.now() - start;
  await t.close();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
  return Math.round(((steps * APPS) / ms) * 1000);
};

const main = async (): Promise<void> => {
  mkdirSync(OUT, { recursive: true });
  const rows = [];
  const ceilingBefore = await ceiling(5000);
  for (const devices of SIZES) {
    const t0 = performance.now();
    const run = await runCase(specOf(devices), {
      transport: 'http',
      workDir: path.join(OUT, `${devices}-http`),
    });
    rows.push(rowOf(devices, run, performance.now() - t0));
    process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
    if (IN_PROCESS.includes(devices)) {
      const t1 = performance.now();
      const local = await runCase(specOf(devices), {
        transport: 'in-process',
        workDir: path.join(OUT, `${devices}-in-process`),
      });
      rows.push(rowOf(devices, local, performance.now() - t1));
      process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
    }
  }
  const ceilingAfter = await ceiling(5000);
  const result = {
    when: new Date().toISOString(),
    apps: APPS,
    ceilingCallsPerWallSecond: { before: ceilingBefore, after: ceilingAfter },
    rows,
  };
  writeFileSync(path.join(ROOT, 'reports', 'out', 'bench-plan.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
};

await main();

// Benchmark of start-up: `harness sim` to its ready line and `harness gate -- true` end to end, each a new process with a new JVM, beside ceilings measured in the same rounds (java -version, a bare WireMock); medians over rounds.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWireMock } from '../../simulators/wiremock/launcher.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HARNESS = path.join(ROOT, 'cli', 'harness.ts');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 5);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** Wall time of a process from spawn to exit; a non-zero exit fails the benchmark. */
const timeToExit = async (
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> => {
  const started = performance.now();
  const child = spawn(cmd, args, { stdio: 'ignore', env, cwd: ROOT });
  const code = await exited(child);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}`);
  return performance.now() - started;
};

/** `harness sim` as a user starts it: a new Node process, timed from spawn to its ready line; then stopped. */
const simToReady = async (
  env: NodeJS.ProcessEnv = process.env,
  flags: string[] = [],
): Promise<{ readyMs: number; stopMs: number }> => {
  const started = performance.now();
  const child = spawn(process.execPath, [HARNESS, 'sim', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    cwd: ROOT,
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const readyMs = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n') && out.trimStart().startsWith('{')) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`harness sim exited ${code} before ready: ${err}`)));
  });
  const stopping = performance.now();
  child.kill('SIGTERM');
  await exited(child);
  return { readyMs, stopMs: performance.now() - stopping };
};

/** A bare WireMock (no mappings, no model) launched the harness's way, timed to a healthy admin API. */
const bareWireMock = async (opts: Parameters<typeof launchWireMock>[0]): Promise<number> => {
  const started = performance.now();
  const wm = await launchWireMock(opts);
  const ms = performance.now() - started;
  await wm.stop();
  return ms;
};

const BEST_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

type Case = { name: string; note: string; run: () => Promise<number> };

const main = async (): Promise<void> => {
  const load = () => os.loadavg().map((l) => Number(l.toFixed(1)));
  const loadBefore = load();
  // Caches the default runs use: the first `harness sim` makes the class-data archive (on exit) and fills Node's
  // compile cache. Its time is reported, not counted.
  process.stderr.write(
    'training run: harness sim (writes the class-data archive on exit if there is none)\n',
  );
  const training = await simToReady();
  const stops: number[] = [];
  const cases: Case[] = [
    {
      name: 'harness sim, ready line',
      note: 'new Node process and JVM; class-data archive and Node compile cache from the cache folder',
      run: async () => {
        const r = await simToReady();
        stops.push(r.stopMs);
        return r.readyMs;
      },
    },
    {
      name: 'harness sim --jvm-flags C1',
      note: 'the same with --jvm-flags -XX:TieredStopAtLevel=1 (no C2 compiler threads competing at start)',
      run: async () => (await simToReady(process.env, ['--jvm-flags', '-XX:TieredStopAtLevel=1'])).readyMs,
    },
    {
      name: 'harness sim, no caches',
      note: 'HARNESS_CACHE_DIR empty: no class-data archive, no compile cache (the very first run on a machine)',
      run: async () => {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-startup-cache-'));
        try {
          return (await simToReady({ ...process.env, HARNESS_CACHE_DIR: dir })).readyMs;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'harness gate -- true',
      note: 'start the simulators, run `true`, audit its (zero) requests, stop: the gate overhead',
      run: () => timeToExit(process.execPath, [HARNESS, 'gate', '--', 'true']),
    },
    {
      name: 'ceiling: bare WireMock, archive',
      note: 'WireMock alone to healthy, no mappings, no model, no extension, with the class-data archive (same JVM flags as harness sim)',
      run: () => bareWireMock({ frontDoorExtension: false }),
    },
    {
      name: 'bare WireMock with the front-door extension, archive',
      note: "the same with the harness's WireMock extension on the class path (its cost: the difference to the row above)",
      run: () => bareWireMock({}),
    },
    {
      name: 'ceiling: bare WireMock, archive + C1 + SerialGC',
      note: `the same without the extension, with ${BEST_FLAGS.join(' ')}`,
      run: () => bareWireMock({ jvmFlags: BEST_FLAGS, frontDoorExtension: false }),
    },
    {
      name: 'reference: bare WireMock, no archive',
      note: 'WireMock alone to healthy without the archive or the extension (a cold JVM reading the jar)',
      run: () => bareWireMock({ classDataDir: false, frontDoorExtension: false }),
    },
    {
      name: 'reference: java -version',
      note: 'the JVM starting and exiting, nothing else',
      run: () => timeToExit('java', ['-version']),
    },
    {
      name: 'reference: harness --help',
      note: 'Node, the CLI table and commander, nothing started',
      run: () => timeToExit(process.execPath, [HARNESS, '--help']),
    },
  ];
  const results = Object.fromEntries(cases.map((c) => [c.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    // Each round runs every case, in a rotated order, so load that comes and goes spreads over all of them.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + round) % cases.length]!;
      const ms = await c.run();
      results[c.name]!.push(ms);
      process.stderr.write(`round ${round + 1}/${ROUNDS} ${c.name}: ${ms.toFixed(0)} ms\n`);
    }
  }
  const ceiling = median(results['ceiling: bare WireMock, archive']!);
  const summary = cases.map((c) => {
    const xs = results[c.name]!;
    return {
      case: c.name,
      medianMs: Math.round(median(xs)),
      minMs: Math.round(Math.min(...xs)),
      maxMs: Math.round(Math.max(...xs)),
      ratioToBareWireMock: Number((median(xs) / ceiling).toFixed(2)),
      note: c.note,
    };
  });
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadBefore, loadAfter: load() },
    rounds: ROUNDS,
    trainingRunMs: Math.round(training.readyMs),
    simStopMedianMs: Math.round(median(stops)),
    summary,
    raw: results,
  };
  mkdirSync(path.join(ROOT, 'reports', 'out'), { recursive: true });
  writeFileSync(
    path.join(ROOT, 'reports', 'out', 'bench-startup.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(
    `load average before ${loadBefore.join(' ')}, after ${report.machine.loadAfter.join(' ')} (${report.machine.cpus} cores)\n\n` +
      '| case | median ms | min | max | ratio to bare WireMock |\n|---|---|---|---|---|\n' +
      summary
        .map((s) => `| ${s.case} | ${s.medianMs} | ${s.minMs} | ${s.maxMs} | ${s.ratioToBareWireMock} |`)
        .join('\n') +
      `\n\nharness sim stop (SIGTERM to exit): median ${report.simStopMedianMs} ms\n`,
  );
};

await main();

// Stopping the harness the way users and CI do: each entry point started in its own process group, signalled at the top, then nothing of it may be left after 5 s and its ports answer nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  answering,
  jsonFile,
  leftAfter,
  leftOf,
  listeningUrls,
  type Started,
  startInOwnGroup,
  waitFor,
} from '../test/process-groups.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'harness-stopping-'));
const STOP_MS = 5_000;
const START_MS = 60_000;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Ready = { wiremockUrl: string; controlUrl: string; pid: number };

/** A fresh file name in the test's folder. */
let n = 0;
const file = (name: string): string => path.join(dir, `${++n}-${name}`);

/** Waits until the run listens on at least `ports` ports (the platform model and WireMock). */
const listening = async (s: Started, ports = 2): Promise<string[]> => {
  const ok = await waitFor(() => listeningUrls(s).length >= ports, START_MS);
  if (!ok) throw new Error(`the run never listened on ${ports} ports:\n${s.output()}`);
  return listeningUrls(s);
};

/** Sends `signal` to the outermost process only, then expects every process of the run gone within 5 s and its ports free. */
const stopAtTheTop = async (s: Started, signal: NodeJS.Signals, urls: string[]): Promise<void> => {
  expect(urls.length).toBeGreaterThanOrEqual(2);
  process.kill(s.pgid, signal);
  const { left } = await leftAfter(s, STOP_MS);
  expect(left, s.output()).toEqual([]);
  expect(await answering(urls)).toEqual([]);
};

/** The machine's own node: the first on the PATH outside a node_modules folder (Node 20 here), else this one. */
const machineNode = (): string => {
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!d || d.includes('node_modules')) continue;
    try {
      if (readdirSync(d).includes('node')) return path.join(d, 'node');
    } catch {
      // not a folder
    }
  }
  return process.execPath;
};

describe('a signal to the outermost process stops every process of the run', () => {
  it('npx harness sim, SIGTERM to npx', async () => {
    const s = startInOwnGroup('npx', ['harness', 'sim', '--devices', '2'], { cwd: ROOT });
    await stopAtTheTop(s, 'SIGTERM', await listening(s));
  });

  it('npm run harness -- sim, SIGINT to npm', async () => {
    const s = startInOwnGroup('npm', ['run', 'harness', '--', 'sim', '--devices', '2'], { cwd: ROOT });
    await stopAtTheTop(s, 'SIGINT', await listening(s));
  });

  it('the package bin on the machine’s own node, SIGHUP to it', async () => {
    const s = startInOwnGroup(machineNode(), ['bin/harness.js', 'sim', '--devices', '2'], { cwd: ROOT });
    await stopAtTheTop(s, 'SIGHUP', await listening(s));
  });

  it('npm start, SIGTERM to npm while a stage runs: exit 143 and a partial report that says so', async () => {
    const out = file('out');
    const s = startInOwnGroup('npm', ['start'], { cwd: ROOT, env: { HARNESS_OUT: out } });
    await stopAtTheTop(s, 'SIGTERM', await listening(s));
    // harness run ends with 143, and npm passes that on.
    expect(await s.exited).toEqual({ code: 143, signal: null });
    expect(s.output()).toMatch(/harness run: INTERRUPTED by SIGTERM after \d of \d+ stages, partial report/);
    const run = jsonFile<{ ok: boolean; interrupted?: string; stages: { detail: string }[] }>(
      path.join(out, 'run.json'),
    );
    expect(run?.ok).toBe(false);
    // The script execs node, so npm's own forwarding of SIGTERM reaches the harness.
    expect(run?.interrupted).toBe('SIGTERM');
    expect(run?.stages.at(-1)?.detail).toMatch(/^interrupted by SIG/);
  });

  it('npx harness gate -- <a command with children>, SIGTERM to npx: the command and its children end too', async () => {
    const out = file('out');
    const started = file('client-started');
    const client = `echo $$ > ${started}; sleep 300 & sleep 301 & wait`;
    const s = startInOwnGroup('npx', ['harness', 'gate', '--devices', '2', '--', 'sh', '-c', client], {
      cwd: ROOT,
      env: { HARNESS_OUT: out },
    });
    const urls = await listening(s);
    expect(await waitFor(() => jsonFile<number>(started) !== undefined, START_MS)).toBe(true);
    expect(leftOf(s).some((p) => p.includes('sleep 301'))).toBe(true);
    await stopAtTheTop(s, 'SIGTERM', urls);
    // npx kills the `sh -c` it put between itself and the harness; the harness, orphaned, stops as on SIGHUP.
    expect(jsonFile<{ interrupted?: string }>(path.join(out, 'gate.json'))?.interrupted).toBe('SIGHUP');
  });
});

describe('the gate passes the signal on to its command and reports the run as interrupted', () => {
  it('harness gate: SIGINT reaches the command, the report says SIGINT, the exit code is 130', async () => {
    const out = file('out');
    const got = file('client-got');
    const started = file('client-started');
    const client = `trap 'echo INT > ${got}; exit 130' INT; echo $$ > ${started}; while :; do sleep 0.1; done`;
    const s = startInOwnGroup(
      process.execPath,
      ['cli/harness.ts', '--out', out, 'gate', '--devices', '2', '--', 'sh', '-c', client],
      { cwd: ROOT },
    );
    const urls = await listening(s);
    expect(await waitFor(() => jsonFile<number>(started) !== undefined, START_MS)).toBe(true);
    await stopAtTheTop(s, 'SIGINT', urls);
    expect(await s.exited).toEqual({ code: 130, signal: null });
    expect(readFileSync(got, 'utf8')).toBe('INT\n');
    expect(s.output()).toMatch(/INTERRUPTED by SIGINT/);
    expect(jsonFile<{ interrupted?: string }>(path.join(out, 'gate.json'))?.interrupted).toBe('SIGINT');
  });
});

describe('an orphaned harness stops by itself, unless told to run detached', () => {
  const underShortLivedShell = (flags: string[]) => {
    const ready = file('ready.json');
    const cmd = ['node', 'cli/harness.ts', ...flags, 'sim', '--devices', '2', '--ready-file', ready].join(
      ' ',
    );
    // The shell waits for the ready file, then exits: the harness it started is orphaned.
    const script = `${cmd} >/dev/null 2>&1 & until [ -s ${ready} ]; do sleep 0.1; done`;
    return { s: startInOwnGroup('sh', ['-c', script], { cwd: ROOT }), ready };
  };

  it('without --detached: it stops within 5 s of its parent ending', async () => {
    const { s, ready } = underShortLivedShell([]);
    expect(await s.exited).toEqual({ code: 0, signal: null });
    const info = jsonFile<Ready>(ready)!;
    const { left } = await leftAfter(s, STOP_MS);
    expect(left, s.output()).toEqual([]);
    expect(await answering([info.wiremockUrl, info.controlUrl])).toEqual([]);
  });

  it('with --detached: it keeps running, and its pid stops it', async () => {
    const { s, ready } = underShortLivedShell(['--detached']);
    expect(await s.exited).toEqual({ code: 0, signal: null });
    const info = jsonFile<Ready>(ready)!;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await answering([info.wiremockUrl, info.controlUrl])).toHaveLength(2);
    process.kill(info.pid, 'SIGTERM');
    const { left } = await leftAfter(s, STOP_MS);
    expect(left).toEqual([]);
    expect(await answering([info.wiremockUrl, info.controlUrl])).toEqual([]);
  });
});

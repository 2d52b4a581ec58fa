// `harness doctor` and the prerequisite check every command makes: one line per tool, and a missing one gives the same one line everywhere, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOutDir } from '../runtime/out-dir.ts';
import { ABOUT, adviceLine, CHECK_IDS } from '../runtime/prerequisites.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'harness-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI on this Node, from the checkout, with `env` replacing PATH and friends. */
const harness = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, 'cli', 'harness.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

/** A PATH on which neither java, go, python3, docker nor k6 can be found. */
const EMPTY_PATH = { PATH: path.join(dir, 'no-tools'), K6_BIN: '', K6_CACHE_DIR: path.join(dir, 'no-k6') };

describe('harness doctor', () => {
  it('prints one line per prerequisite and exits 0 when everything run needs is here', () => {
    const r = harness(['doctor']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual([...CHECK_IDS, 'doctor:']);
    for (const id of ['node', 'java', 'wiremock', 'k6', 'out'])
      expect(lines.find((l) => l.split(/\s+/)[1] === id)).toMatch(/^ok /);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // The output folder is the working directory's reports/out.
    expect(r.stdout).toContain(`${path.join(dir, 'reports', 'out')} is writable`);
  });

  it('names what is missing, what it is for and how to get it, and exits 1 when the command needs it', () => {
    const r = harness(['doctor', 'sim'], EMPTY_PATH);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^MISSING java +java is not on the PATH -- runs WireMock.*openjdk-17-jre-headless\)$/m,
    );
    // Not needed by sim: reported, but lower-case and not counted.
    expect(r.stdout).toMatch(/^missing python +python3 is not on the PATH -- /m);
    expect(r.stdout).toContain('harness doctor: `harness sim` cannot run without java\n');
  });

  it('exits 0 for a command whose needs are all there, even with tools missing', () => {
    const r = harness(['doctor', 'contracts'], EMPTY_PATH);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('everything `harness contracts` needs is here');
  });
});

describe('a command without its prerequisites', () => {
  const PACT = path.join(ROOT, 'contracts', 'pacts', 'iot-command-harness-huawei-iotda.json');
  it.each([
    ['sim', []],
    ['gate', ['--', 'true']],
    ['run', []],
    ['load', ['over-limit']],
    ['plan', ['--devices', '10']],
    ['props', ['--through', 'wiremock']],
    ['verify-pact', [PACT]],
    ['verify-pact', [PACT, '--mode', 'replay']],
  ])('harness %s %j prints the one line of advice and exits 1, starting nothing', (name, rest) => {
    const r = harness([name, ...rest], EMPTY_PATH);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${adviceLine(name, { id: 'java', ok: false, detail: 'java is not on the PATH' })}\n`,
    );
    expect(r.stderr).toContain(ABOUT.java.fix);
  });

  it('harness sim --launcher container without docker names docker, in the same one line', () => {
    const r = harness(['sim', '--launcher', 'container'], EMPTY_PATH);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${adviceLine('sim', { id: 'docker', ok: false, detail: 'docker is not on the PATH' })}\n`,
    );
  });

  it('commands that can do without the simulator start without Java', () => {
    const r = harness(['verify-pact', PACT, '--platform-only', '--json'], EMPTY_PATH);
    expect(r.stderr).not.toContain('missing java');
    expect(r.status, r.stderr).toBe(0);
  });

  it('an output folder inside node_modules is refused in one line', () => {
    const r = harness(['--out', path.join(dir, 'node_modules', 'x'), 'contracts']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^harness contracts: the output folder .* is inside node_modules: .*\n$/);
  });
});

describe('resolveOutDir', () => {
  it('takes --out, then HARNESS_OUT, then reports/out, against the working directory', () => {
    expect(resolveOutDir('a', { HARNESS_OUT: 'b' }, '/w')).toEqual({ ok: true, dir: '/w/a' });
    expect(resolveOutDir(undefined, { HARNESS_OUT: 'b' }, '/w')).toEqual({ ok: true, dir: '/w/b' });
    expect(resolveOutDir(undefined, {}, '/w')).toEqual({ ok: true, dir: '/w/reports/out' });
    expect(resolveOutDir(undefined, {}, '/p/node_modules/h').ok).toBe(false);
  });
});

// Runs the README's curl session per vendor exactly as printed (only the ready file moved to a temporary folder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const README_READY_FILE = '/tmp/sim.json';

/** The shell block that follows "A session per vendor" in the README. */
const session = (): string => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf('A session per vendor, which works as printed');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || !block?.[1]) throw new Error('README: the curl session block is gone');
  return block[1];
};

const missingTools = ['bash', 'curl', 'sha256sum'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missingTools.length > 0)
  console.log(`README session test skipped: ${missingTools.join(', ')} not on the PATH`);

const dir = mkdtempSync(path.join(tmpdir(), 'readme-session-'));
const readyFile = path.join(dir, 'sim.json');

const simPid = (): number | undefined => {
  if (!existsSync(readyFile)) return undefined;
  try {
    return (JSON.parse(readFileSync(readyFile, 'utf8')) as { pid?: number }).pid;
  } catch {
    return undefined;
  }
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  const pid = simPid();
  if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missingTools.length > 0)('README curl session', () => {
  it('works as printed for all three vendors and stops the simulator at the end', async () => {
    const script = session().replaceAll(README_READY_FILE, readyFile);
    expect(script).toContain(readyFile);
    const child = spawn('bash', ['-e', '-c', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect(code, err).toBe(0);

    // OceanConnect: the command is queued, then revoked by a task answering WAITTING / PENDDING verbatim.
    expect(out).toContain('"status":"PENDING"');
    expect(out).toMatch(/"status":"WAITTING"/);
    expect(out).toMatch(/"deviceCommands":\[\{[^\]]*"status":"PENDDING"/);
    // IoTDA: the command read back by its id is pending.
    expect(out).toMatch(/"command_id":"[^"]+"[^}]*"status":"PENDING"/);
    // EnOS: the cached command was created and cancel-all answered it, both with code 0.
    const enos = out.match(/\{"code":0,"msg":"OK"[^\n]*/g) ?? [];
    expect(enos).toHaveLength(2);
    const created = (JSON.parse(enos[0]!) as { data: { commandId: string } }).data.commandId;
    const cancelled = (JSON.parse(enos[1]!) as { data: { commandId: string }[] }).data.map(
      (c) => c.commandId,
    );
    expect(cancelled).toEqual([created]);
    // The clock, then the simulator stopped by `kill $(get pid)`.
    expect(out).toMatch(/\{"now":\d+,"iso":"[^"]+","timeScale":1,"frozen":false\}/);
    const pid = simPid();
    expect(pid).toBeGreaterThan(0);
    for (let i = 0; i < 50 && alive(pid!); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid!)).toBe(false);
  }, 120_000);
});

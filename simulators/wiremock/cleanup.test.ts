// No orphan JVM: a WireMock launched by a Node process dies with it, whether that process gets SIGTERM or SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAlive, pidsWithArgs, waitUntilGone } from './proc-scan.ts';

const HOLDER = fileURLToPath(new URL('./hold-wiremock.ts', import.meta.url));

type Held = { pid: number; rootDir: string; url: string };

/** Starts hold-wiremock.ts under this Node (24) and waits for the JSON line describing its WireMock. */
const startHolder = (args: string[] = []): Promise<{ child: ChildProcess; held: Held }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOLDER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, held: JSON.parse(line) as Held });
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`holder exited (${code ?? signal}) early: ${err}`)),
    );
  });

const exitOf = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
    : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

describe('a WireMock JVM never outlives the Node process that launched it', () => {
  it('SIGTERM to the parent: its signal hook stops the JVM (no watchdog) and it still dies of SIGTERM', async () => {
    const { child, held } = await startHolder(['--no-watchdog']);
    expect(isAlive(held.pid)).toBe(true);
    expect(pidsWithArgs('wiremock.Run', held.rootDir)).toEqual([held.pid]);

    child.kill('SIGTERM');
    expect(await exitOf(child)).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitUntilGone(held.pid, 20_000)).toBe(true);
    expect(pidsWithArgs('wiremock.Run', held.rootDir)).toEqual([]);
    expect(existsSync(held.rootDir)).toBe(false);
  });

  it('SIGKILL to the parent (no handler can run): the watchdog stops the JVM', async () => {
    const { child, held } = await startHolder();
    expect(isAlive(held.pid)).toBe(true);

    child.kill('SIGKILL');
    expect(await exitOf(child)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await waitUntilGone(held.pid, 20_000)).toBe(true);
    expect(pidsWithArgs('wiremock.Run', held.rootDir)).toEqual([]);
    // The watchdog removes the temporary root folder once the JVM is gone.
    const deadline = Date.now() + 10_000;
    while (existsSync(held.rootDir) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(held.rootDir)).toBe(false);
  });
});

// Launches that cannot succeed end quickly with a Problem that carries the reason and the JVM's own words.
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProblem } from '../../contracts/common/problem.ts';
import { embeddedJavaArgs } from './embedded.ts';
import { SimulatorError } from './errors.ts';
import { launchWireMock, tryLaunchWireMock } from './launcher.ts';
import { EmbeddedOptionsSchema } from './options.ts';
import { trackedCount } from './processes.ts';
import { isAlive } from './proc-scan.ts';

const harnessRoots = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('wiremock-harness-'));

let blocker: Server;
let blockedPort: number;
const accepted: Socket[] = [];

beforeAll(async () => {
  blocker = createServer((socket) => {
    accepted.push(socket);
  });
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  blockedPort = (blocker.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => blocker?.close(resolve));
});

describe('WireMock launch failures', () => {
  it('a java executable that does not exist: a Problem at once, no temporary folder left', async () => {
    const before = harnessRoots();
    const outcome = await tryLaunchWireMock({ javaPath: '/nonexistent/bin/java' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({
      kind: 'simulator',
      component: 'wiremock',
      reason: 'java-not-started',
    });
    expect(renderProblem(outcome.problem)).toContain('ENOENT');
    expect(harnessRoots().filter((n) => !before.includes(n))).toEqual([]);
    expect(trackedCount()).toBe(0);
  });

  it('an occupied port: the JVM exits and its stderr comes back in the Problem', async () => {
    const err = await launchWireMock({ port: blockedPort }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SimulatorError);
    const problem = (err as SimulatorError).problem;
    expect(problem.reason).toBe('start-failed');
    expect(problem.message).toMatch(/java exited with code \d+ before WireMock listened/);
    expect(problem.output).toContain(`Failed to bind to /127.0.0.1:${blockedPort}`);
    expect(trackedCount()).toBe(0);
  });

  it('a JVM flag java refuses: the same, without waiting for the start timeout', async () => {
    const outcome = await tryLaunchWireMock({ jvmFlags: ['-XX:+NoSuchFlagAtAll'], startTimeoutMs: 30_000 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({ reason: 'start-failed' });
    expect(outcome.problem.kind === 'simulator' && outcome.problem.output).toContain('NoSuchFlagAtAll');
  });

  it('a "java" that never reports a port: stopped after the start timeout, not left running', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'wm-fake-java-'));
    try {
      const fake = join(bin, 'java');
      await writeFile(fake, `#!/bin/sh\necho $$ > "${bin}/pid"\nexec sleep 120\n`, { mode: 0o755 });
      const outcome = await tryLaunchWireMock({ javaPath: fake, startTimeoutMs: 1_500, stopGraceMs: 1_000 });
      expect(outcome).toMatchObject({ ok: false, problem: { reason: 'start-failed' } });
      if (outcome.ok) return;
      expect(renderProblem(outcome.problem)).toContain('WireMock did not report its port within 1500 ms');
      const pid = Number(await readFile(join(bin, 'pid'), 'utf8'));
      expect(isAlive(pid)).toBe(false);
      expect(trackedCount()).toBe(0);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('invalid options are refused before anything starts', async () => {
    const outcome = await tryLaunchWireMock({ port: 70_000, maxRequestJournalEntries: 0 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({ reason: 'invalid-options' });
    expect(renderProblem(outcome.problem)).toContain('port: Too big');
    expect(renderProblem(outcome.problem)).toContain('maxRequestJournalEntries: Too small');
    const external = await tryLaunchWireMock({ launcher: 'external', url: 'not a url' });
    expect(external).toMatchObject({ ok: false, problem: { reason: 'invalid-options' } });
  });

  it('an external WireMock that does not answer is reported after its bounded wait', async () => {
    // The blocker accepts connections and never answers: the wait must still end.
    const silent = await tryLaunchWireMock({
      launcher: 'external',
      url: `http://127.0.0.1:${blockedPort}`,
      startTimeoutMs: 300,
    });
    expect(silent).toMatchObject({ ok: false, problem: { reason: 'unreachable' } });
    if (silent.ok) return;
    expect(renderProblem(silent.problem)).toContain(
      `127.0.0.1:${blockedPort}/__admin/health did not answer 200`,
    );

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await tryLaunchWireMock({
      launcher: 'external',
      url: `http://127.0.0.1:${closedPort}`,
      startTimeoutMs: 300,
    });
    expect(refused).toMatchObject({ ok: false, problem: { reason: 'unreachable' } });
    if (refused.ok) return;
    expect(renderProblem(refused.problem)).toContain('ECONNREFUSED');
  });

  it('passes every documented flag to java, in order, with the temporary root and the heap cap', () => {
    const o = EmbeddedOptionsSchema.parse({
      heapMb: 256,
      containerThreads: 40,
      globalResponseTemplating: true,
    });
    const args = embeddedJavaArgs(o, '/x/wiremock.jar', '/tmp/root');
    expect(args.slice(args.indexOf('-Xmx256m'))).toEqual([
      '-Xmx256m',
      '-jar',
      '/x/wiremock.jar',
      '--port',
      '0',
      '--bind-address',
      '127.0.0.1',
      '--root-dir',
      '/tmp/root',
      '--disable-banner',
      '--async-response-enabled',
      'true',
      '--no-request-journal',
      '--disable-request-logging',
      '--disable-connection-reuse',
      'false',
      '--global-response-templating',
      '--container-threads',
      '40',
    ]);
  });
});

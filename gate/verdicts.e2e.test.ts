// Each verdict class of `--quirks` and `--faults` from a purpose-made client (gate/test-clients/client.ts), on one simulator.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSim, startSimulators } from '../simulators/sim.ts';
import { renderGateJunit } from './junit.ts';
import { renderGate } from './render.ts';
import { gateExitCode } from './report.ts';
import { type GateOptions, runGate } from './run-gate.ts';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const noJava = java.error
  ? `java is not on the PATH (${java.error.message}): WireMock cannot start`
  : undefined;
if (noJava) console.warn(`skipping the gate verdict tests: ${noJava}`);

const CLIENT = path.join(import.meta.dirname, 'test-clients', 'client.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'gate-verdicts-'));
const options = (behaviour: string, extra: Partial<GateOptions>): GateOptions => ({
  command: [process.execPath, CLIENT, behaviour],
  maxPollRate: 1,
  minBackoffMs: 1000,
  timeoutMs: 60_000,
  readyFile: path.join(dir, 'ready.json'),
  stdio: 'ignore',
  parallel: 1,
  ...extra,
});

describe.skipIf(noJava !== undefined)('gate verdicts from purpose-made clients', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    // WireMock's journal on: a connection reset is armed at the front door and found there.
    sim = await startSimulators({
      wiremock: { maxRequestJournalEntries: 1000 },
      platform: {
        timeScale: 3,
        devicesPerVendor: 1,
        throttle: { oceanconnect: { limit: 10, windowMs: 3_000 } },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const gate = (behaviour: string, extra: Partial<GateOptions>) =>
    runGate(options(behaviour, extra), { running: sim });
  const quirk = (r: Awaited<ReturnType<typeof gate>>, id: string) => r.quirks?.find((q) => q.quirk === id);

  it('breaks on a quirk: fails faithfully, passes without WAITTING; the verdict names the answer and field', async () => {
    const r = await gate('strict-spelling', { quirks: true });
    const v = quirk(r, 'oceanconnect.waitting');
    expect(v?.verdict).toBe('breaks-on');
    expect(v?.message).toMatch(/^breaks on oceanconnect\.waitting/);
    expect(v?.evidence).toMatchObject({ method: 'POST', status: 201, detail: 'status = "WAITTING"' });
    expect(v?.evidence?.url).toMatch(/deviceCommandCancelTasks$/);
    expect(gateExitCode(r)).toBe(1);
    // Quirks no answer carried are not run, and say so.
    expect(quirk(r, 'iotda.create-200')?.verdict).toBe('not-exercised');
    expect(renderGateJunit(r)).toMatch(
      /<testcase classname="gate\.quirks\.oceanconnect" name="oceanconnect\.waitting"[^>]*>\s*<failure/,
    );
  }, 120_000);

  it('took an error sent with HTTP 200 for success: passes faithfully, fails when 100418 comes with 404', async () => {
    const r = await gate('status-only', { quirks: true });
    const v = quirk(r, 'oceanconnect.error-http-200');
    expect(v?.verdict).toBe('took-error-for-success');
    expect(v?.message).toMatch(/^took 100418 sent with HTTP 200 for success: .* HTTP 404/);
    expect(v?.evidence?.detail).toBe('HTTP status = 200 with error code 100418');
    expect(r.exitCode).toBe(0);
    expect(gateExitCode(r)).toBe(1);
  }, 120_000);

  it('depends on the misspelling: a warning, and the gate passes', async () => {
    const r = await gate('vendor-spelling', { quirks: true });
    expect(quirk(r, 'oceanconnect.waitting')?.verdict).toBe('depends-on-misspelling');
    expect(quirk(r, 'oceanconnect.waitting')?.severity).toBe('warning');
    expect(gateExitCode(r)).toBe(0);
    expect(renderGate(r)).toMatch(/PASS: no violations \(1 warning\(s\)\)/);
  }, 120_000);

  it('robust with and without; not about quirks when both fail', async () => {
    expect(quirk(await gate('tolerant', { quirks: true }), 'oceanconnect.waitting')?.verdict).toBe('robust');
    const failing = await gate('always-fails', { quirks: true });
    expect(quirk(failing, 'oceanconnect.waitting')?.verdict).toBe('not-about-quirks');
    expect(quirk(failing, 'oceanconnect.waitting')?.message).toMatch(/^not about quirks: /);
  }, 120_000);

  const faults = (behaviour: string, ids: string[]) =>
    gate(behaviour, { faults: true, faultIds: ids }).then((r) => ({
      r,
      at: (endpoint: string, id: string) =>
        r.faults?.find((f) => f.endpoint === endpoint && f.failure === id),
    }));

  it('ignored it: exit 0 after a 500 without the revocation ever done is a violation with the injected answer', async () => {
    const { r, at } = await faults('ignores-errors', ['oceanconnect.100001']);
    const v = at('createRevocationTask', 'oceanconnect.100001');
    expect(v?.verdict).toBe('ignored');
    expect(v?.evidence?.status).toBe(500);
    expect(v?.evidence?.detail).toContain('100001');
    expect(gateExitCode(r)).toBe(1);
  }, 120_000);

  it('failed loudly on the 500, recovered from it and from a reset after a wait, retried too soon without one', async () => {
    expect(
      (await faults('loud', ['oceanconnect.100001'])).at('createRevocationTask', 'oceanconnect.100001')
        ?.verdict,
    ).toBe('failed-loudly');
    const tolerant = await faults('tolerant', ['oceanconnect.100001', 'network.connection-reset']);
    expect(tolerant.at('createRevocationTask', 'oceanconnect.100001')?.verdict).toBe('recovered');
    expect(tolerant.at('login', 'network.connection-reset')?.verdict).toBe('recovered');
    expect(tolerant.at('login', 'network.connection-reset')?.evidence?.status).toBe(0);
    expect(gateExitCode(tolerant.r)).toBe(0);
    const hasty = await faults('hasty', ['oceanconnect.100001']);
    const v = hasty.at('createRevocationTask', 'oceanconnect.100001');
    expect(v?.verdict).toBe('retried-too-soon');
    expect(v?.violations.map((x) => x.rule)).toEqual(['no-backoff']);
  }, 180_000);

  it('passes a client polling at exactly the allowed rate', async () => {
    for (const maxPollRate of [1, 2]) {
      const r = await gate('paced-poll', { maxPollRate });
      const gaps = r.requests
        .filter((q) => q.method === 'GET')
        .map((q, i, all) => (i ? q.at - (all[i - 1]?.at ?? 0) : undefined))
        .filter((g) => g !== undefined);
      console.log(
        `paced-poll at ${maxPollRate}/s: platform gaps ${gaps.map((g) => g.toFixed(1)).join(', ')} ms; path jitter measured ${r.measuredJitterWallMs?.toFixed(1)} wall ms`,
      );
      const polls = r.requests.filter((q) => q.method === 'GET');
      expect(polls).toHaveLength(6);
      expect(r.measuredJitterWallMs).toBeGreaterThanOrEqual(0);
      expect(r.violations).toEqual([]);
      expect(gateExitCode(r)).toBe(0);
    }
  }, 60_000);

  it('judges no fault when the faithful run failed', async () => {
    const { r } = await faults('always-fails', ['oceanconnect.100001']);
    expect(r.faults?.map((f) => f.verdict)).toEqual(['not-judged']);
    expect(r.runs).toBe(1);
  }, 60_000);
});

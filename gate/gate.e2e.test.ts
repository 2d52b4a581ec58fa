// End to end: `harness gate` over the two example clients, on one WireMock: the careful one passes, the naive one fails as stated.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSim, startSimulators } from '../simulators/sim.ts';
import { renderGate } from './render.ts';
import { GateResult, gateExitCode } from './report.ts';
import { type GateOptions, runGate } from './run-gate.ts';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const noJava = java.error
  ? `java is not on the PATH (${java.error.message}): WireMock cannot start`
  : undefined;
if (noJava) console.warn(`skipping the gate end-to-end test: ${noJava}`);

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'gate-e2e-'));
/** Node 24 (the one running the tests) runs the examples: they are TypeScript. */
const gateOptions = (client: string): GateOptions => ({
  command: [process.execPath, path.join(ROOT, 'examples', client)],
  maxPollRate: 1,
  minBackoffMs: 1000,
  timeoutMs: 60_000,
  readyFile: path.join(dir, 'ready.json'),
  reportFile: path.join(dir, `${client}.json`),
  cwd: ROOT,
  stdio: 'ignore',
});

describe.skipIf(noJava !== undefined)('harness gate on the example clients', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    // 3 platform seconds per wall second and 10 calls per 3 s window: one throttle window lasts one wall second, and
    // a tight loop (a call every few tens of wall ms through WireMock) stays far under a platform second per call.
    sim = await startSimulators({
      platform: {
        timeScale: 3,
        devicesPerVendor: 3,
        throttle: { oceanconnect: { limit: 10, windowMs: 3_000 } },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the careful client: exit 0, no violations, the report written', async () => {
    const result = await runGate(gateOptions('careful-client.ts'), { running: sim });
    expect(renderGate(result)).toContain('PASS');
    expect(result.violations).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(gateExitCode(result)).toBe(0);
    const written = GateResult.parse(
      JSON.parse(readFileSync(path.join(dir, 'careful-client.ts.json'), 'utf8')),
    );
    expect(written.requests.length).toBe(result.requests.length);
    expect(new Set(written.requests.map((r) => r.vendor))).toEqual(
      new Set(['oceanconnect', 'enos', 'iotda']),
    );
  }, 60_000);

  it('fails the naive client with exactly the stated violation kinds', async () => {
    const result = await runGate(gateOptions('naive-client.ts'), { running: sim });
    const kinds = [...new Set(result.violations.map((v) => v.rule))].sort();
    expect(kinds).toEqual(['poll-rate', 'quirk', 'recancel', 'request-schema', 'throttle-window']);
    expect(result.exitCode).toBe(1);
    expect(gateExitCode(result)).toBe(1);
    const by = (rule: string) => result.violations.filter((v) => v.rule === rule);
    expect(by('request-schema').map((v) => v.message)).toEqual([
      'missing app_key header',
      'missing X-Auth-Token or a valid SDK-HMAC-SHA256 Authorization',
    ]);
    expect(by('recancel')).toHaveLength(1);
    const task = by('quirk').find((v) => /deviceCommandCancelTasks$/.test(v.request.url));
    expect(task?.message).toMatch(/status = "WAITTING"/);
    const text = renderGate(result);
    for (const kind of kinds) expect(text).toContain(kind);
  }, 60_000);

  it('names both quirk faults of the naive client under --quirks: breaks on WAITTING, took 100418 with HTTP 200 for success', async () => {
    const result = await runGate(
      { ...gateOptions('naive-client.ts'), quirks: true, parallel: 1 },
      { running: sim },
    );
    const verdict = (id: string) => result.quirks?.find((q) => q.quirk === id);
    expect(verdict('oceanconnect.waitting')?.verdict).toBe('breaks-on');
    expect(verdict('oceanconnect.waitting')?.evidence?.detail).toBe('status = "WAITTING"');
    expect(verdict('oceanconnect.error-http-200')?.verdict).toBe('took-error-for-success');
    expect(verdict('oceanconnect.error-http-200')?.message).toMatch(
      /^took 100418 sent with HTTP 200 for success/,
    );
    // The verdicts replace the single run's guesses.
    expect(result.violations.filter((v) => v.rule === 'quirk')).toEqual([]);
  }, 240_000);

  it('passes the careful client under --quirks', async () => {
    const result = await runGate(
      { ...gateOptions('careful-client.ts'), quirks: true, parallel: 1 },
      { running: sim },
    );
    expect(result.quirks?.filter((q) => q.severity === 'violation' || q.severity === 'warning')).toEqual([]);
    expect(result.quirks?.filter((q) => q.verdict === 'robust').length).toBeGreaterThan(0);
    expect(gateExitCode(result)).toBe(0);
  }, 240_000);
});

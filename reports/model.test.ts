// Tests of the report model: per-minute counts, drain curves, and collectReport over a folder of results.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyticDrainOf,
  collectReport,
  coverageEntriesOf,
  type Journal,
  measuredDrainOf,
  perMinuteOf,
} from './model.ts';

const W = 60_000;
const T0 = 1_700_000_040_000; // a multiple of the window

describe('perMinuteOf', () => {
  it('counts allowed and refused calls per platform window, zeros for empty windows', () => {
    const journal: Journal = {
      vendor: 'oceanconnect',
      stream: 0,
      calls: [
        [1, T0 + 10, 201, null],
        [2, T0 + 59_999, 403, '1010009'],
        [3, T0 + W, 200, '99429'],
        [4, T0 + 3 * W + 5, 429, null],
        [5, T0 + 3 * W + 6, 400, '1010002'],
      ],
    };
    expect(perMinuteOf([journal], W)).toEqual([
      { vendor: 'oceanconnect', stream: 0, minute: 0, allowed: 1, refused: 1 },
      { vendor: 'oceanconnect', stream: 0, minute: 1, allowed: 0, refused: 1 },
      { vendor: 'oceanconnect', stream: 0, minute: 2, allowed: 0, refused: 0 },
      { vendor: 'oceanconnect', stream: 0, minute: 3, allowed: 1, refused: 1 },
    ]);
  });

  it('aligns minutes to the window boundaries, not to the first call', () => {
    const rows = perMinuteOf(
      [
        {
          vendor: 'enos',
          stream: 1,
          calls: [
            [1, T0 + 59_000, 200, null],
            [2, T0 + 61_000, 200, null],
          ],
        },
      ],
      W,
    );
    expect(rows.map((r) => [r.minute, r.allowed])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('drain curves', () => {
  it('measured: a revocation task empties a device queue; refusals cancel nothing', () => {
    const curve = measuredDrainOf(
      [
        {
          vendor: 'oceanconnect',
          stream: 0,
          calls: [
            [1, T0, 201, null],
            [2, T0 + 30_000, 403, '1010009'],
            [3, T0 + 60_000, 201, null],
          ],
        },
      ],
      { devices: 2, pending: 5, strategy: 'revoke' },
    );
    expect(curve.points).toEqual([
      { minutes: 0, pending: 10 },
      { minutes: 0, pending: 5 },
      { minutes: 1, pending: 0 },
    ]);
  });

  it('measured: modify cancels one command per success', () => {
    const curve = measuredDrainOf([{ vendor: 'oceanconnect', stream: 0, calls: [[1, T0, 200, null]] }], {
      devices: 1,
      pending: 3,
      strategy: 'modify',
    });
    expect(curve.points.at(-1)).toEqual({ minutes: 0, pending: 2 });
  });

  it('analytic: calls every window/rate, all applications in parallel, down to zero', () => {
    const curve = analyticDrainOf({
      devices: 4,
      pending: 2,
      apps: 2,
      callsPerWindow: 60,
      limit: 100,
      windowMs: W,
      strategy: 'revoke',
    });
    expect(curve.points).toEqual([
      { minutes: 0, pending: 8 },
      { minutes: 0, pending: 4 },
      { minutes: 1 / 60, pending: 0 },
    ]);
  });
});

describe('collectReport', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says which sections are absent and why when the folder is empty', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-model-'));
    const r = collectReport(dir);
    expect(r.load).toBeUndefined();
    expect(r.absent.map((a) => a.section).sort()).toEqual(
      ['bench', 'coverage', 'drift', 'gate', 'load', 'plan', 'properties', 'run', 'verification'].sort(),
    );
    expect(r.absent.find((a) => a.section === 'gate')?.reason).toContain('gate.json not found');
  });

  it('reads the files present, journals included, and reports a malformed one as absent', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-model-'));
    mkdirSync(path.join(dir, 'load', 'over-limit-smoke'), { recursive: true });
    const lat = { p50: 1, p95: 2, p99: 3, max: 4 };
    writeFileSync(
      path.join(dir, 'load', 'over-limit-smoke.json'),
      JSON.stringify({
        scenario: 'over-limit',
        profile: 'smoke',
        ok: true,
        platformMinutes: 2,
        vendors: { oceanconnect: { calls: 3, refused: 1, latencyMs: lat } },
        checks: [{ name: 'c', ok: true, detail: 'd' }],
      }),
    );
    writeFileSync(
      path.join(dir, 'load', 'over-limit-smoke', 'journal-over-limit-oceanconnect-0.json'),
      JSON.stringify([
        [1, T0, 201, null],
        [2, T0 + 1, 403, '1010009'],
        [3, T0 + W, 201, null],
      ]),
    );
    writeFileSync(path.join(dir, 'gate.json'), JSON.stringify([{ rule: 'r' }]));
    writeFileSync(
      path.join(dir, 'props.json'),
      JSON.stringify({
        properties: [
          {
            name: 'p',
            ok: false,
            seed: 7,
            numRuns: 10,
            failure: { path: '3:1', message: 'boom', counterexample: '[1]' },
            replay: 'npm run x',
          },
        ],
      }),
    );
    const r = collectReport(dir, {
      coverage: coverageEntriesOf([
        {
          row: { provider: 'enos', endpoint: 'POST /x', case: '200 ok', interaction: 'i' } as never,
          covered: false,
        },
      ]),
    });
    expect(r.load?.[0]?.perMinute).toEqual([
      { vendor: 'oceanconnect', stream: 0, minute: 0, allowed: 1, refused: 1 },
      { vendor: 'oceanconnect', stream: 0, minute: 1, allowed: 1, refused: 0 },
    ]);
    expect(r.load?.[0]?.limit).toBe(100);
    expect(r.load?.[0]?.drain).toBeUndefined();
    expect(r.properties).toEqual([
      {
        name: 'p',
        passed: false,
        runs: 10,
        seed: 7,
        path: '3:1',
        message: 'boom',
        counterexample: '[1]',
        replay: 'npm run x',
      },
    ]);
    expect(r.coverage?.[0]?.covered).toBe(false);
    expect(r.gate).toBeUndefined();
    expect(r.absent.find((a) => a.section === 'gate')?.reason).toMatch(/gate\.json: 0\.vendor/);
    expect(r.absent.some((a) => a.section === 'coverage')).toBe(false);
  });

  it('reads gate.json as the gate writes it: its violations are the rows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-gate-'));
    const violation = {
      rule: 'poll-rate',
      vendor: 'v',
      message: 'polled too soon',
      request: { seq: 2, method: 'GET', url: '/u', status: 200, at: 1 },
    };
    writeFileSync(
      path.join(dir, 'gate.json'),
      JSON.stringify({ command: ['x'], exitCode: 0, violations: [violation], quirks: [], requests: [] }),
    );
    expect(collectReport(dir).gate?.map((v) => v.message)).toEqual(['polled too soon']);
    rmSync(dir, { recursive: true, force: true });
  });
});

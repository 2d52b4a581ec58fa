// The virtual-time drive: exact against the formula at the limit, the same over HTTP and in-process, and each what-if doing what it says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OC_PLAN_CALLS } from '../../clients/oceanconnect/plan-calls.ts';
import { estimateDrain } from '../runner/drain-model.ts';
import { type CaseSpec, runCase } from './run-case.ts';
import { DEFAULT_WHAT_IFS, type WhatIfs } from './what-ifs.ts';

const work = mkdtempSync(path.join(tmpdir(), 'plan-drive-'));

/** A small fleet under a small throttle (5 calls per 3 s: one slot every 600 ms at the limit) so windows fill fast. */
const specOf = (over: Partial<CaseSpec> = {}, whatIfs: Partial<WhatIfs> = {}): CaseSpec => {
  const base = {
    vendor: 'oceanconnect' as const,
    calls: OC_PLAN_CALLS,
    devices: 40,
    pending: 2,
    apps: 2,
    callsPerWindow: 5,
    limit: 5,
    windowMs: 3000,
    strategy: 'revoke' as const,
    whatIfs: { ...DEFAULT_WHAT_IFS, ...whatIfs },
    seed: 7,
    ...over,
  };
  return { ...base, analyticDrainMs: estimateDrain(base).drainMs };
};

let n = 0;
const run = (spec: CaseSpec, transport: 'http' | 'in-process' = 'in-process') =>
  runCase(spec, { transport, workDir: path.join(work, String(++n)) });

const sum = (
  r: Awaited<ReturnType<typeof run>>,
  key: 'calls' | 'logins' | 'throttled' | 'serverErrors' | 'cancelled',
) => r.drive.clients.reduce((t, c) => t + c[key], 0);
const mismatches = (r: Awaited<ReturnType<typeof run>>) =>
  r.drive.replay.reduce((t, x) => t + x.mismatches, 0);

describe('virtual-time drive', () => {
  it('drains at exactly the limit in exactly the analytic time, over HTTP and in-process alike', async () => {
    const spec = specOf();
    const [http, local] = [await run(spec, 'http'), await run(spec)];
    expect(spec.analyticDrainMs).toBe(19 * 600);
    for (const r of [http, local]) {
      expect(r.drive.drainMs).toBe(spec.analyticDrainMs);
      expect([r.drive.left, r.pendingLeft, sum(r, 'throttled'), mismatches(r)]).toEqual([0, 0, 0, 0]);
      expect(sum(r, 'cancelled')).toBe(80);
      expect(sum(r, 'calls')).toBe(40);
    }
    expect(http.drive.transport).toBe('http');
    expect(http.drive.clients).toEqual(local.drive.clients);
    expect(http.drive.replay).toEqual(local.drive.replay);
    expect(http.peakRssBytes.simulator).toBeGreaterThan(0);
  }, 60_000);

  it('paced below the limit, takes (n - 1) intervals of the slower pace', async () => {
    const r = await run(specOf({ callsPerWindow: 4 }));
    expect(r.drive.drainMs).toBe(19 * 750);
  });

  it('cancels command by command with the modify strategy', async () => {
    const spec = specOf({ strategy: 'modify' });
    const r = await run(spec);
    expect(sum(r, 'calls')).toBe(80);
    expect(r.drive.drainMs).toBe(39 * 600);
    expect([r.pendingLeft, r.drive.left]).toEqual([0, 0]);
  });

  it('retries injected 503s after their back-off: everything drained, later than the formula', async () => {
    const r = await run(specOf({}, { faults: { status: 503, every: 7 }, backoffMs: 1000 }));
    expect(sum(r, 'serverErrors')).toBeGreaterThan(0);
    expect(sum(r, 'serverErrors')).toBe(Math.floor(sum(r, 'calls') / 7));
    expect([r.drive.left, r.pendingLeft, mismatches(r)]).toEqual([0, 0, 0]);
    expect(r.drive.drainMs).toBeGreaterThan(19 * 600);
  });

  it('renews short-lived tokens by login; free logins change nothing, counted logins cost one slot each', async () => {
    const free = await run(specOf({}, { tokenLifetimeS: 3 }));
    expect(sum(free, 'logins')).toBeGreaterThan(2);
    expect(free.drive.drainMs).toBe(19 * 600);
    const counted = await run(specOf({}, { tokenLifetimeS: 3, loginsCount: true }));
    const perKey = counted.drive.clients.map((c) => c.logins);
    expect(Math.min(...perKey)).toBeGreaterThan(1);
    // the first slot is a login, and every renewal after it takes the slot of a call
    expect(counted.drive.drainMs).toBe((19 + Math.max(...perKey) - 1) * 600);
    expect([sum(counted, 'throttled'), mismatches(counted), counted.pendingLeft]).toEqual([0, 0, 0]);
  });

  it('delivers the commands of devices that come online instead of revoking them', async () => {
    const r = await run(specOf({}, { onlineShare: 0.5 }));
    expect(r.drive.onlinesApplied).toBeGreaterThan(5);
    expect(r.deliveredInstead).toBeGreaterThan(0);
    expect(r.pendingLeft).toBe(0);
    expect(sum(r, 'cancelled') + r.deliveredInstead).toBe(80);
  });

  it('with latency at the limit, calls bunch across windows: refused exactly as the model says, then drained', async () => {
    const r = await run(
      specOf({ devices: 100 }, { latency: { kind: 'lognormal', medianMs: 300, sigma: 0.8 } }),
    );
    expect(sum(r, 'throttled')).toBeGreaterThan(0);
    expect(mismatches(r)).toBe(0);
    expect([r.drive.left, r.pendingLeft]).toEqual([0, 0]);
  });

  it.each(['sliding-window', 'token-bucket'] as const)(
    'agrees exactly under a %s throttle at the limit',
    async (algorithm) => {
      const r = await run(specOf({}, { algorithm }));
      expect(r.drive.drainMs).toBe(19 * 600);
      expect([sum(r, 'throttled'), mismatches(r)]).toEqual([0, 0]);
    },
  );
});

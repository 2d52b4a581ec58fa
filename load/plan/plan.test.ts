// harness plan's verdicts: the fewest keys for a deadline, a failed measurement said first, and round figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OC_PLAN_CALLS } from '../../clients/oceanconnect/plan-calls.ts';
import { plan, type PlanRequest } from './plan.ts';
import { renderPlan } from './render.ts';
import { DEFAULT_WHAT_IFS } from './what-ifs.ts';

const request = (over: Partial<PlanRequest> = {}): PlanRequest => ({
  vendor: 'oceanconnect',
  calls: OC_PLAN_CALLS,
  input: {
    devices: 2000,
    pending: 5,
    apps: 2,
    callsPerWindow: 100,
    limit: 100,
    windowMs: 60_000,
    strategy: 'revoke',
  },
  deadlineMs: 8 * 60_000,
  whatIfs: DEFAULT_WHAT_IFS,
  measure: false,
  measureFewest: true,
  transport: 'in-process',
  crossCheck: false,
  workDir: mkdtempSync(path.join(tmpdir(), 'plan-')),
  seed: 1,
  ...over,
});

describe('plan', () => {
  it('without measuring: the deadline does not hold with 2 keys, 3 are the fewest', async () => {
    const r = await plan(request());
    expect(r.asked).toMatchObject({ apps: 2, holds: { analytic: false }, measured: { ran: false } });
    expect(r.asked.analytic.drainMs).toBe(999 * 600);
    expect(r.fewestApps).toBe(3);
    expect(r.fewest?.holds.analytic).toBe(true);
    const text = renderPlan(r);
    expect(text).toContain('deadline missed (analytic drain only, 119 s over)');
    expect(text).toContain('Fewest application keys that meet it (analytic): 3');
    expect(text).toContain('The analytic model ignores:');
  });

  it('measured: agrees exactly at the limit, and the JSON carries whole milliseconds', async () => {
    const r = await plan(request({ input: { ...request().input, devices: 300, apps: 3 }, measure: true }));
    const m = r.asked.measured;
    if (!m.ran) throw new Error('not measured');
    expect(m.trusted).toBe(true);
    expect(r.asked.agrees).toBe(true);
    expect(m.drainMs).toBe(99 * 600);
    expect(r.asked.verdict).toMatch(
      /^deadline holds \(simulated drain, .*\); simulated and analytic drains agree exactly$/,
    );
    expect(Number.isInteger(m.wallMs) && Number.isInteger(m.seedWallMs)).toBe(true);
  });

  it('a drive that leaves devices pending is a failed measurement, said before any verdict on the deadline', async () => {
    // Every call fails with a 503 and no retry is allowed: nothing is drained.
    const r = await plan(
      request({
        input: { ...request().input, devices: 20, apps: 1 },
        measure: true,
        whatIfs: { ...DEFAULT_WHAT_IFS, faults: { status: 503, every: 2 }, retries: 0 },
      }),
    );
    const m = r.asked.measured;
    if (!m.ran) throw new Error('not measured');
    expect(m.trusted).toBe(false);
    expect(m.targetsLeft).toBe(10);
    expect(r.asked.holds.measured).toBe(false);
    expect(r.asked.verdict).toMatch(/^FAILED MEASUREMENT: 10 targets were left undone/);
    expect(renderPlan(r)).toContain('FAILED MEASUREMENT');
  });
});

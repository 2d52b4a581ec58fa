// harness plan without measuring: the case asked about, the fewest keys for the deadline, and the words printed.
import { describe, expect, it } from 'vitest';
import { plan } from './plan.ts';
import type { DrainProfile } from './profiles.ts';
import { renderPlan } from './render.ts';

const base: DrainProfile = {
  description: '',
  timeScale: 'auto',
  limit: 100,
  windowMs: 60_000,
  alignToWindow: true,
  frontDoor: false,
  seed: 1,
  devices: 1,
  pending: 1,
  thresholds: {},
  maxWallRate: 200,
  apps: 1,
  callsPerWindow: 99,
  strategy: 'revoke',
};

const input = {
  devices: 2000,
  pending: 5,
  apps: 2,
  callsPerWindow: 99,
  limit: 100,
  windowMs: 60_000,
  strategy: 'revoke' as const,
};

describe('plan (analytic only)', () => {
  it('says the deadline does not hold with 2 keys and that 3 are the fewest', async () => {
    const r = await plan({
      input,
      deadlineMs: 8 * 60_000,
      base,
      timeScale: 'auto',
      maxWallRate: 200,
      maxWallSeconds: 120,
      measureFewest: true,
      workDir: '/nonexistent',
    });
    if (!r.ok) throw new Error('plan failed');
    expect(r.value.asked).toMatchObject({ apps: 2, holds: { analytic: false }, measured: { ran: false } });
    expect(r.value.asked.analytic.drainMs).toBeCloseTo((999 * 60_000) / 99);
    expect(r.value.fewestApps).toBe(3);
    expect(r.value.fewest?.holds.analytic).toBe(true);
    const text = renderPlan(r.value);
    expect(text).toContain('Deadline: 8.00 min of platform time');
    expect(text).toContain('Fewest application keys that meet it: 3');
    expect(text).toContain('drain time     10.09 min');
  });

  it('says when no number of keys can meet the deadline', async () => {
    const r = await plan({
      input: { ...input, strategy: 'modify', pending: 20, devices: 10 },
      deadlineMs: 5_000,
      base,
      timeScale: 'auto',
      maxWallRate: 200,
      maxWallSeconds: 120,
      measureFewest: true,
      workDir: '/nonexistent',
    });
    if (!r.ok) throw new Error('plan failed');
    expect(r.value.fewestApps).toBeUndefined();
    expect(renderPlan(r.value)).toContain('No number of application keys meets the deadline');
  });
});

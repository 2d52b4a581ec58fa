// The IoTDA <-> canonical state mapping, both ways, and IoTDA's lifecycle as a projection of the canonical one.
import { describe, expect, it } from 'vitest';
import { CANONICAL_STATES, canTransition, isTerminal } from '../common/lifecycle.ts';
import {
  CANONICAL_TO_IOTDA,
  HISTORY_STATUSES,
  IOTDA_STATUSES,
  IOTDA_TO_CANONICAL,
  IOTDA_TRANSITIONS,
  QUEUED_STATUSES,
  toCanonical,
  toIotdaStatus,
  UNPROJECTED_CANONICAL_STATES,
} from './states.ts';

describe('IoTDA status -> canonical state', () => {
  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['SENT', 'SENT'],
    ['DELIVERED', 'DELIVERED'],
    ['SUCCESSFUL', 'SUCCEEDED'],
    ['FAILED', 'FAILED'],
    ['TIMEOUT', 'TIMED_OUT'],
  ] as const)('%s -> %s', (vendor, canonical) => {
    expect(toCanonical(vendor)).toBe(canonical);
  });

  it('is one-to-one', () => {
    const images = IOTDA_STATUSES.map(toCanonical);
    expect(new Set(images).size).toBe(IOTDA_STATUSES.length);
  });
});

describe('canonical state -> IoTDA status', () => {
  it('is total: every canonical state has an entry, null only where IoTDA has no projection', () => {
    expect(Object.keys(CANONICAL_TO_IOTDA).sort()).toEqual([...CANONICAL_STATES].sort());
  });

  it('CANCELED has no IoTDA projection (there is no cancel API), and it is the only such state', () => {
    expect(toIotdaStatus('CANCELED')).toEqual({
      ok: false,
      canonical: 'CANCELED',
      reason: 'no-iotda-projection',
    });
    expect(UNPROJECTED_CANONICAL_STATES).toEqual(['CANCELED']);
  });

  it('round-trips every projected state in both directions', () => {
    for (const s of IOTDA_STATUSES) expect(toIotdaStatus(toCanonical(s))).toEqual({ ok: true, status: s });
    for (const c of CANONICAL_STATES) {
      const p = toIotdaStatus(c);
      if (p.ok) expect(IOTDA_TO_CANONICAL[p.status]).toBe(c);
    }
  });
});

describe("IoTDA's lifecycle", () => {
  it('every IoTDA transition is an allowed canonical transition', () => {
    for (const from of IOTDA_STATUSES)
      for (const to of IOTDA_TRANSITIONS[from])
        expect(canTransition(toCanonical(from), toCanonical(to)), `${from} -> ${to}`).toBe(true);
  });

  it('terminal IoTDA statuses are exactly the canonical terminal ones', () => {
    for (const s of IOTDA_STATUSES)
      expect(IOTDA_TRANSITIONS[s].length === 0, s).toBe(isTerminal(toCanonical(s)));
  });

  it('the queue lists not-yet-finished statuses and the history finished ones, DELIVERED in both', () => {
    expect(QUEUED_STATUSES.every((s) => s === 'DELIVERED' || !isTerminal(toCanonical(s)))).toBe(true);
    expect(HISTORY_STATUSES.every((s) => s === 'DELIVERED' || isTerminal(toCanonical(s)))).toBe(true);
    expect(new Set([...QUEUED_STATUSES, ...HISTORY_STATUSES]).size).toBe(IOTDA_STATUSES.length);
  });
});

// Checks the EnOS state mapping in both directions, including the lossy DELIVERED -> 4 -> SENT pair.
import { describe, expect, it } from 'vitest';
import { CANONICAL_STATES } from '../common/lifecycle.ts';
import { ENOS_STATE_CODES, EnosState, fromCanonical, isCancellableEnos, toCanonical } from './states.ts';

describe('EnOS state mapping', () => {
  it('maps every vendor state to the canonical one of VENDOR-NOTES section 4', () => {
    expect(ENOS_STATE_CODES.map(toCanonical)).toEqual([
      'PENDING',
      'CANCELED',
      'EXPIRED',
      'SENT',
      'SUCCEEDED',
      'FAILED',
      'TIMED_OUT',
    ]);
  });

  it('vendor -> canonical -> vendor gives back every state', () => {
    for (const s of ENOS_STATE_CODES) expect(fromCanonical(toCanonical(s))).toBe(s);
  });

  it('canonical -> vendor -> canonical is the identity except DELIVERED, which reads back as SENT', () => {
    for (const c of CANONICAL_STATES) {
      const back = toCanonical(fromCanonical(c));
      expect(back).toBe(c === 'DELIVERED' ? 'SENT' : c);
    }
  });

  it('4 Released covers both SENT and DELIVERED', () => {
    expect(fromCanonical('SENT')).toBe(4);
    expect(fromCanonical('DELIVERED')).toBe(4);
    expect(toCanonical(4)).toBe('SENT');
  });

  it('only 1 Created is cancellable', () => {
    expect(ENOS_STATE_CODES.filter(isCancellableEnos)).toEqual([1]);
  });

  it('refuses states outside 1..7', () => {
    for (const bad of [0, 8, '1', 1.5]) expect(EnosState.safeParse(bad).success).toBe(false);
  });
});

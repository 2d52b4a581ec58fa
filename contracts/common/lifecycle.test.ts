import { describe, expect, it } from 'vitest';
import { CANONICAL_STATES, canTransition, isCancellable, isTerminal, TRANSITIONS } from './lifecycle.ts';

describe('canonical lifecycle', () => {
  it('terminal states have no way out', () => {
    for (const s of CANONICAL_STATES) if (isTerminal(s)) expect(TRANSITIONS[s]).toEqual([]);
  });
  it('only PENDING is cancellable, and it cancels to CANCELED', () => {
    expect(CANONICAL_STATES.filter(isCancellable)).toEqual(['PENDING']);
    expect(canTransition('PENDING', 'CANCELED')).toBe(true);
    expect(canTransition('SENT', 'CANCELED')).toBe(false);
    expect(canTransition('DELIVERED', 'CANCELED')).toBe(false);
  });
  it('every non-terminal state can reach a terminal one', () => {
    for (const s of CANONICAL_STATES) {
      if (isTerminal(s)) continue;
      expect(TRANSITIONS[s].length).toBeGreaterThan(0);
    }
  });
});

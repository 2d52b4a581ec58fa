// OceanConnect status spellings to canonical states and back, in command and revocation answers.
import { describe, expect, it } from 'vitest';
import { CANONICAL_STATES } from '../common/lifecycle.ts';
import {
  AnyCommandStatus,
  COMMAND_STATUSES,
  fromCanonical,
  REVOCATION_COMMAND_STATUSES,
  TaskStatus,
  TaskStatusTolerant,
  toCanonical,
} from './states.ts';

describe('OceanConnect status <-> canonical state', () => {
  it.each([
    ['PENDING', 'PENDING'],
    ['PENDDING', 'PENDING'],
    ['CANCELED', 'CANCELED'],
    ['EXPIRED', 'EXPIRED'],
    ['SENT', 'SENT'],
    ['DELIVERED', 'DELIVERED'],
    ['SUCCESSFUL', 'SUCCEEDED'],
    ['FAILED', 'FAILED'],
    ['TIMEOUT', 'TIMED_OUT'],
  ] as const)('vendor %s reads as canonical %s', (vendor, canonical) => {
    expect(toCanonical(vendor)).toBe(canonical);
  });

  it('command answers write PENDING; revocation answers write PENDDING', () => {
    expect(fromCanonical('PENDING')).toBe('PENDING');
    expect(fromCanonical('PENDING', 'command')).toBe('PENDING');
    expect(fromCanonical('PENDING', 'revocation')).toBe('PENDDING');
    expect(fromCanonical('SUCCEEDED', 'revocation')).toBe('SUCCESSFUL');
    expect(fromCanonical('TIMED_OUT')).toBe('TIMEOUT');
  });

  it('every canonical state projects and comes back unchanged, in both kinds of answer', () => {
    for (const state of CANONICAL_STATES) {
      expect(toCanonical(fromCanonical(state, 'command'))).toBe(state);
      expect(toCanonical(fromCanonical(state, 'revocation'))).toBe(state);
    }
  });

  it('every vendor status goes to canonical and back to itself in its own kind of answer', () => {
    for (const status of COMMAND_STATUSES) expect(fromCanonical(toCanonical(status), 'command')).toBe(status);
    for (const status of REVOCATION_COMMAND_STATUSES)
      expect(fromCanonical(toCanonical(status), 'revocation')).toBe(status);
  });

  it('the projections are onto the vendor enums and one-to-one', () => {
    const command = CANONICAL_STATES.map((s) => fromCanonical(s, 'command'));
    const revocation = CANONICAL_STATES.map((s) => fromCanonical(s, 'revocation'));
    expect([...command].sort()).toEqual([...COMMAND_STATUSES].sort());
    expect([...revocation].sort()).toEqual([...REVOCATION_COMMAND_STATUSES].sort());
  });

  it('refuses statuses the vendor never sends', () => {
    expect(AnyCommandStatus.safeParse('PENDDING').success).toBe(true);
    expect(AnyCommandStatus.safeParse('CANCELLED').success).toBe(false);
    expect(AnyCommandStatus.safeParse('pending').success).toBe(false);
  });
});

describe('revocation-task statuses', () => {
  it('strict: the vendor spelling WAITTING only', () => {
    expect(TaskStatus.safeParse('WAITTING').success).toBe(true);
    expect(TaskStatus.safeParse('WAITING').success).toBe(false);
  });
  it('tolerant: a corrected WAITING reads as WAITTING; the others read as themselves', () => {
    expect(TaskStatusTolerant.parse('WAITING')).toBe('WAITTING');
    expect(TaskStatusTolerant.parse('WAITTING')).toBe('WAITTING');
    expect(TaskStatusTolerant.parse('PART_SUCCESS')).toBe('PART_SUCCESS');
    expect(TaskStatusTolerant.safeParse('DONE').success).toBe(false);
  });
});

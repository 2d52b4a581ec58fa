// The model comparison: equal decisions pass, a throttle that counts wrong fails, and a call journaled just past a boundary is explained only within the lag.
import { describe, expect, it } from 'vitest';
import { type JournalEntry, compareWithModel } from './journal.ts';

const W = 60_000;
const throttle = {
  limit: 3,
  windowMs: W,
  algorithm: 'fixed-window',
  alignment: 'epoch',
  originMs: 0,
} as const;

const entry = (seq: number, at: number, refused: boolean): JournalEntry => ({
  seq,
  at,
  wallAt: at,
  vendor: 'oceanconnect',
  method: 'POST',
  url: '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks',
  headers: {},
  body: '',
  status: refused ? 403 : 201,
  responseBody: '',
  ...(refused ? { errorCode: '1010009' } : {}),
});

/** Calls at the given times, answered as `answers` says (true: refused). */
const calls = (times: number[], answers: boolean[]): JournalEntry[] =>
  times.map((t, i) => entry(i + 1, t, answers[i]!));

describe('compareWithModel', () => {
  it('agrees when the platform answered as the model decides', () => {
    const r = compareWithModel(
      calls([W, W + 10, W + 20, W + 30, 2 * W], [false, false, false, true, false]),
      throttle,
      '1010009',
    );
    expect(r).toMatchObject({ calls: 5, refused: 1, predictedRefused: 1, mismatches: 0, explained: [] });
  });

  it('finds a throttle that let a fourth call through, lag or not (no call near a boundary)', () => {
    const times = [W + 1000, W + 2000, W + 3000, W + 4000];
    for (const lag of [0, 120]) {
      const r = compareWithModel(calls(times, [false, false, false, false]), throttle, '1010009', lag);
      expect(r.mismatches).toBe(1);
      expect(r.mismatched).toEqual([{ seq: 4, at: W + 4000, refused: false }]);
    }
  });

  it('explains a call decided in a full window but journaled 10 ms into the next, within the lag only', () => {
    // Three calls fill the window; the fourth is refused just before 2W but stamped at 2W + 10.
    const history = calls([W + 1, W + 2, W + 3, 2 * W + 10, 2 * W + 500], [false, false, false, true, false]);
    expect(compareWithModel(history, throttle, '1010009', 0).mismatches).toBe(1);
    const lenient = compareWithModel(history, throttle, '1010009', 60);
    expect(lenient).toMatchObject({ mismatches: 0, explained: [4], refused: 1, predictedRefused: 1 });
    expect(compareWithModel(history, throttle, '1010009', 5).mismatches).toBe(1);
  });

  it('explains an earlier straddling call that shifted the next window count', () => {
    // Call 2 was allowed in window 1 but journaled in window 2, so the model would refuse call 5 there.
    const history = calls(
      [W + 1, 2 * W + 5, 2 * W + 100, 2 * W + 200, 2 * W + 300],
      [false, false, false, false, false],
    );
    const r = compareWithModel(history, throttle, '1010009', 60);
    expect(r).toMatchObject({ mismatches: 0, explained: [2] });
  });
});

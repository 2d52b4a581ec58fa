// The model comparison: equal decisions pass, a throttle that counts wrong fails, and no call is forgiven.
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
    expect(r).toMatchObject({ calls: 5, refused: 1, predictedRefused: 1, mismatches: 0, mismatched: [] });
  });

  it('finds a throttle that let a fourth call through', () => {
    const r = compareWithModel(
      calls([W + 1000, W + 2000, W + 3000, W + 4000], [false, false, false, false]),
      throttle,
      '1010009',
    );
    expect(r.mismatches).toBe(1);
    expect(r.mismatched).toEqual([{ seq: 4, at: W + 4000, refused: false }]);
  });

  it('forgives no call: one refused just before a boundary but journaled 10 ms after it is a disagreement', () => {
    // Three calls fill the window; the fourth is refused, yet its journaled time lies in the next, empty window.
    const history = calls([W + 1, W + 2, W + 3, 2 * W + 10, 2 * W + 500], [false, false, false, true, false]);
    expect(compareWithModel(history, throttle, '1010009')).toMatchObject({
      mismatches: 1,
      mismatched: [{ seq: 4, at: 2 * W + 10, refused: true }],
      refused: 1,
      predictedRefused: 0,
    });
  });

  it('a window boundary is exact to the sub-millisecond: a fourth call at 2W - 0.001 is refused, at 2W allowed', () => {
    const before = calls([W + 1, W + 2, W + 3, 2 * W - 0.001], [false, false, false, true]);
    expect(compareWithModel(before, throttle, '1010009').mismatches).toBe(0);
    const after = calls([W + 1, W + 2, W + 3, 2 * W], [false, false, false, false]);
    expect(compareWithModel(after, throttle, '1010009').mismatches).toBe(0);
    expect(compareWithModel(after, throttle, '1010009').predictedRefused).toBe(0);
  });
});

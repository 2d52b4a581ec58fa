import { describe, expect, it } from 'vitest';
import { mulberry32 } from './rng.ts';
import { Scheduler } from './scheduler.ts';

type Ev = { at: number; n: number };

/** Reference order: by time, then by insertion number. */
const byTimeThenInsertion = (a: Ev, b: Ev) => a.at - b.at || a.n - b.n;

describe('scheduler', () => {
  it('runs only what is due, earliest first, equal times in insertion order', () => {
    const s = new Scheduler<string>();
    s.schedule(20, 'c');
    s.schedule(10, 'a');
    s.schedule(20, 'd');
    s.schedule(10, 'b');
    s.schedule(30, 'e');
    const seen: [string, number][] = [];
    expect(s.runDue(19, (e, at) => seen.push([e, at]))).toBe(2);
    expect(seen).toEqual([
      ['a', 10],
      ['b', 10],
    ]);
    expect(s.nextAt()).toBe(20);
    s.runDue(20, (e, at) => seen.push([e, at]));
    expect(seen.slice(2)).toEqual([
      ['c', 20],
      ['d', 20],
    ]);
    expect(s.size).toBe(1);
  });

  it('runs entries the handler schedules at or before now in the same call', () => {
    const s = new Scheduler<number>();
    s.schedule(5, 1);
    const seen: number[] = [];
    s.runDue(10, (e, at) => {
      seen.push(e);
      if (e < 4) s.schedule(at + 2, e + 1);
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(s.nextAt()).toBe(11);
  });

  it('cancels waiting entries and reports stale handles', () => {
    const s = new Scheduler<string>();
    const a = s.schedule(1, 'a');
    const b = s.schedule(2, 'b');
    const c = s.schedule(3, 'c');
    expect(s.cancel(b)).toBe(true);
    expect(s.cancel(b)).toBe(false);
    expect(s.has(a)).toBe(true);
    const seen: string[] = [];
    s.runDue(1, (e) => seen.push(e));
    expect(s.has(a)).toBe(false);
    expect(s.cancel(a)).toBe(false);
    // the freed slots are reused; the old handles must not reach the new entries
    const d = s.schedule(4, 'd');
    expect(s.cancel(a)).toBe(false);
    expect(s.cancel(b)).toBe(false);
    expect(s.cancel(12345678)).toBe(false);
    expect(s.cancel(-1)).toBe(false);
    s.runDue(10, (e) => seen.push(e));
    expect(seen).toEqual(['a', 'c', 'd']);
    expect(s.has(c) || s.has(d)).toBe(false);
  });

  it('clear drops everything and leaves old handles stale', () => {
    const s = new Scheduler<number>();
    const h = s.schedule(1, 1);
    s.schedule(2, 2);
    s.clear();
    expect(s.size).toBe(0);
    expect(s.nextAt()).toBeUndefined();
    expect(s.cancel(h)).toBe(false);
    s.schedule(3, 3);
    const seen: number[] = [];
    s.runDue(100, (e) => seen.push(e));
    expect(seen).toEqual([3]);
  });

  it('keeps (time, insertion) order for 100k random events with random cancels and interleaved runs', () => {
    const rand = mulberry32(42);
    const s = new Scheduler<Ev>();
    const expected: Ev[] = [];
    const cancelled = new Set<number>();
    const handles: number[] = [];
    for (let n = 0; n < 100_000; n++) {
      const ev = { at: Math.floor(rand() * 5_000), n }; // many equal times
      handles.push(s.schedule(ev.at, ev));
      expected.push(ev);
    }
    for (let i = 0; i < 10_000; i++) {
      const n = Math.floor(rand() * 100_000);
      if (s.cancel(handles[n]!)) cancelled.add(n);
    }
    const seen: Ev[] = [];
    for (let now = 0; now <= 5_000; now += 250) s.runDue(now, (e) => seen.push(e));
    const want = expected.filter((e) => !cancelled.has(e.n)).sort(byTimeThenInsertion);
    expect(cancelled.size).toBeGreaterThan(9_000);
    expect(seen.length).toBe(want.length);
    // the first position where the orders differ (-1: none), rather than a diff of 90k objects
    expect(seen.findIndex((e, i) => e !== want[i])).toBe(-1);
    expect(s.size).toBe(0);
  });

  it('holds 1,000,000 entries and drains them in order', () => {
    const rand = mulberry32(7);
    const s = new Scheduler<number>();
    const n = 1_000_000;
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = Math.floor(rand() * 1e9);
      s.schedule(times[i]!, i);
    }
    expect(s.size).toBe(n);
    let prevAt = -1;
    let prevN = -1;
    let ordered = true;
    let ran = 0;
    s.runDue(Number.POSITIVE_INFINITY, (e, at) => {
      if (at < prevAt || (at === prevAt && e < prevN) || times[e] !== at) ordered = false;
      prevAt = at;
      prevN = e;
      ran++;
    });
    expect(ordered).toBe(true);
    expect(ran).toBe(n);
  });
});

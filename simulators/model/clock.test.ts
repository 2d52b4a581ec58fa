import { describe, expect, it } from 'vitest';
import { hiResWall, SimClock } from './clock.ts';

const START = Date.UTC(2026, 0, 1);

const fakeWall = (at = 5_000_000) => {
  let t = at;
  return {
    read: () => t,
    move: (ms: number) => {
      t += ms;
    },
  };
};

describe('simulated clock', () => {
  it('starts at the configured epoch and follows the wall clock at scale 1', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START }, wall.read);
    expect(clock.now()).toBe(START);
    wall.move(1234);
    expect(clock.now()).toBe(START + 1234);
  });

  it('defaults the start epoch to the wall clock reading', () => {
    const wall = fakeWall(1_700_000_000_123);
    expect(new SimClock({}, wall.read).now()).toBe(1_700_000_000_123);
  });

  it('runs timeScale platform ms per wall ms', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, timeScale: 60 }, wall.read);
    wall.move(1000);
    expect(clock.now()).toBe(START + 60_000);
    expect(clock.toWallMs(60_000)).toBe(1000);
  });

  it('a frozen clock moves only when advanced', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, frozen: true }, wall.read);
    wall.move(10_000);
    expect(clock.now()).toBe(START);
    expect(clock.advance(250)).toBe(START + 250);
    expect(clock.advanceTo(START + 1000)).toBe(START + 1000);
    expect(clock.advanceTo(START + 10)).toBe(START + 1000);
    expect(clock.now()).toBe(START + 1000);
  });

  it('keeps time continuous across a change of scale', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, timeScale: 10 }, wall.read);
    wall.move(100); // +1000 platform
    clock.setTimeScale(2);
    expect(clock.now()).toBe(START + 1000);
    wall.move(100); // +200 platform
    expect(clock.now()).toBe(START + 1200);
    expect(clock.timeScale).toBe(2);
  });

  it('keeps time continuous across freeze and unfreeze', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START }, wall.read);
    wall.move(500);
    clock.freeze();
    wall.move(10_000);
    expect(clock.now()).toBe(START + 500);
    expect(clock.frozen).toBe(true);
    clock.unfreeze();
    expect(clock.now()).toBe(START + 500);
    wall.move(20);
    expect(clock.now()).toBe(START + 520);
  });

  it('adds manual advances to a running clock', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, timeScale: 3 }, wall.read);
    wall.move(10);
    clock.advance(1000);
    wall.move(10);
    expect(clock.now()).toBe(START + 30 + 1000 + 30);
  });

  it('never goes backwards when the wall clock steps back', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START }, wall.read);
    wall.move(1000);
    expect(clock.now()).toBe(START + 1000);
    wall.move(-600);
    expect(clock.now()).toBe(START + 1000);
    wall.move(700);
    expect(clock.now()).toBe(START + 1100);
  });

  it('floors fractional platform time to whole milliseconds', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, timeScale: 0.5 }, wall.read);
    wall.move(3);
    expect(clock.now()).toBe(START + 1);
  });

  it('keeps the fraction of a millisecond in preciseNow, and now() is its floor', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, timeScale: 600 }, wall.read);
    wall.move(0.0015); // 0.9 platform ms
    expect(clock.preciseNow()).toBeCloseTo(START + 0.9, 6);
    expect(clock.now()).toBe(START);
    wall.move(0.0015);
    expect(clock.preciseNow()).toBeCloseTo(START + 1.8, 6);
    expect(clock.now()).toBe(START + 1);
  });

  it('advances to a fractional time exactly, and never back', () => {
    const wall = fakeWall();
    const clock = new SimClock({ startEpochMs: START, frozen: true }, wall.read);
    expect(clock.advanceTo(START + 606.0606)).toBe(START + 606);
    expect(clock.preciseNow()).toBe(START + 606.0606);
    expect(clock.advanceTo(START + 606.06)).toBe(START + 606);
    expect(clock.preciseNow()).toBe(START + 606.0606);
    expect(() => clock.advanceTo(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('reads the wall with sub-millisecond resolution by default', () => {
    const readings = Array.from({ length: 50 }, () => hiResWall());
    expect(readings.some((r) => r % 1 !== 0)).toBe(true);
    expect(readings.every((r, i) => i === 0 || r >= readings[i - 1]!)).toBe(true);
    expect(Math.abs(readings[0]! - Date.now())).toBeLessThan(1000);
  });

  it('refuses negative advances and non-positive scales', () => {
    const clock = new SimClock({ startEpochMs: START, frozen: true }, fakeWall().read);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.setTimeScale(0)).toThrow(RangeError);
    expect(() => new SimClock({ timeScale: -1 })).toThrow();
  });

  it('reports its state', () => {
    const clock = new SimClock({ startEpochMs: START, frozen: true, timeScale: 60 }, fakeWall().read);
    clock.advance(5);
    expect(clock.state()).toEqual({ now: START + 5, startEpochMs: START, timeScale: 60, frozen: true });
  });
});

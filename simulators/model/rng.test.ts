import { describe, expect, it } from 'vitest';
import { deviceSeed, fnv1a32, mulberry32, mulberry32Step, mulberry32Value } from './rng.ts';

describe('seeded randomness', () => {
  it('mulberry32 matches the published reference implementation (bryc, PRNGs in JavaScript)', () => {
    const reference = (seed: number) => {
      let a = seed;
      return () => {
        a += 0x6d2b79f5;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    for (const seed of [0, 1, 42, 0x7fffffff, -5]) {
      const ours = mulberry32(seed);
      const ref = reference(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(ref());
    }
    const first = mulberry32(1)();
    expect(Math.round(first * 4294967296)).toBe(2693262067);
  });

  it('the same seed gives the same sequence, another seed another one', () => {
    const a = mulberry32(99);
    const b = mulberry32(99);
    const c = mulberry32(100);
    const sa = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(sa);
    expect(Array.from({ length: 20 }, c)).not.toEqual(sa);
    for (const v of sa) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('the step/value split reproduces the generator', () => {
    const gen = mulberry32(5);
    let state = 5;
    for (let i = 0; i < 10; i++) {
      state = mulberry32Step(state);
      expect(mulberry32Value(state)).toBe(gen());
    }
  });

  it('FNV-1a matches its reference vectors and seeds devices apart', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(deviceSeed(1, 'dev-1')).not.toBe(deviceSeed(1, 'dev-2'));
    expect(deviceSeed(1, 'dev-1')).not.toBe(deviceSeed(2, 'dev-1'));
    expect(deviceSeed(1, 'dev-1')).toBe(deviceSeed(1, 'dev-1'));
  });
});

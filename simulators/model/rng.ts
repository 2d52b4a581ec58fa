// Seeded deterministic randomness: mulberry32 as a step on a plain uint32 state, and FNV-1a to derive per-device seeds.

const GOLDEN = 0x6d2b79f5;

/** Advances a mulberry32 state (an int32) by one step. */
export const mulberry32Step = (state: number): number => (state + GOLDEN) | 0;

/** The value in [0, 1) that mulberry32 yields for an already advanced state. */
export const mulberry32Value = (state: number): number => {
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A generator of values in [0, 1) from a seed; the same seed always gives the same sequence. */
export const mulberry32 = (seed: number): (() => number) => {
  let state = seed | 0;
  return () => {
    state = mulberry32Step(state);
    return mulberry32Value(state);
  };
};

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export const fnv1a32 = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** The initial RNG state of one device: the store's seed mixed with the device key, so devices draw independently. */
export const deviceSeed = (storeSeed: number, deviceKey: string): number =>
  (fnv1a32(deviceKey) ^ storeSeed) | 0;

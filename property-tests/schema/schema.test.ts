// The zod-to-fast-check arbitraries and the answer mutations: valid values parse, every mutation breaks the reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OVERRIDES, SUCCESS_CASES } from './answer-cases.ts';
import { applyMutation, mutationsOf } from './answer-mutations.ts';
import { arbitraryOf } from './zod-arbitrary.ts';

describe('zod -> fast-check', () => {
  it('draws values every strict answer schema accepts', () => {
    for (const c of SUCCESS_CASES)
      for (const v of fc.sample(arbitraryOf(c.strict, OVERRIDES), { numRuns: 15, seed: 3 }))
        expect(c.strict.safeParse(v).success, `${c.name}: ${JSON.stringify(v)}`).toBe(true);
  });

  it('respects lengths, ranges, enums, optional keys and nullables', () => {
    const s = z.strictObject({
      id: z
        .string()
        .min(2)
        .max(4)
        .regex(/^[a-z]*$/),
      n: z.number().int().min(3).max(5),
      e: z.enum(['A', 'B']),
      o: z.string().optional(),
      nul: z.number().nullable(),
    });
    for (const v of fc.sample(arbitraryOf(s), { numRuns: 50, seed: 1 })) expect(s.parse(v)).toEqual(v);
  });
});

describe('answer mutations', () => {
  it('each mutation breaks the reader at the mutated field, and leaves the original alone', () => {
    let seen = 0;
    for (const c of SUCCESS_CASES) {
      for (const body of fc.sample(arbitraryOf(c.strict, OVERRIDES), { numRuns: 3, seed: 9 })) {
        const before = JSON.stringify(body);
        for (const m of mutationsOf(c.reader, body)) {
          const broken = applyMutation(body, m);
          const r = c.reader.safeParse(broken);
          expect(r.success, `${c.name} ${m.kind} ${m.path.join('.')}`).toBe(false);
          seen++;
        }
        expect(JSON.stringify(body)).toBe(before);
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('finds every kind of mutation somewhere', () => {
    const kinds = new Set<string>();
    for (const c of SUCCESS_CASES)
      for (const body of fc.sample(arbitraryOf(c.strict, OVERRIDES), { numRuns: 3, seed: 4 }))
        for (const m of mutationsOf(c.reader, body)) kinds.add(m.kind);
    expect([...kinds].sort()).toEqual(['bad-enum', 'missing', 'over-long-id', 'wrong-type']);
  });
});

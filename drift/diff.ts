// Structural comparison of a pact's expected JSON with an observed answer, as Pact matches it (verify-pact).
import { z } from 'zod';

/** One raw difference between the expected (pinned) and the actual JSON, at a JSONPath-like path (`$.a[0].b`). */
export const RawDifference = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'type', 'value', 'length']),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
});
export type RawDifference = z.infer<typeof RawDifference>;

export const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * How Pact matches the array at a path: by an example (a `type` matcher, optionally bounded by min/max: every actual
 * element against the example's first), or, without a rule, exactly (same length, element by element).
 */
export type ArrayRule = { byExample: boolean; min?: number; max?: number };

/**
 * Walks both values. Objects: keys only in `actual` are `added`, keys only in `expected` are `removed`. Arrays:
 * without `arrayRule` (drift) elements are compared pairwise up to the shorter length (lengths are data, not shape);
 * with it (verifying a pact) as Pact does, a wrong length being a `length` difference. A null on either side is not
 * a retype (the vendors document nullable fields). Leaves that differ in value are `value` differences.
 */
export const diffJson = (
  expected: unknown,
  actual: unknown,
  path = '$',
  arrayRule?: (path: string) => ArrayRule,
): RawDifference[] => {
  if (expected === null || actual === null) {
    return expected === actual ? [] : [{ path, kind: 'value', expected, actual }];
  }
  const te = jsonType(expected);
  const ta = jsonType(actual);
  if (te !== ta) return [{ path, kind: 'type', expected, actual }];
  if (isObject(expected) && isObject(actual)) {
    const out: RawDifference[] = [];
    for (const k of Object.keys(expected)) {
      if (!(k in actual)) out.push({ path: `${path}.${k}`, kind: 'removed', expected: expected[k] });
      else out.push(...diffJson(expected[k], actual[k], `${path}.${k}`, arrayRule));
    }
    for (const k of Object.keys(actual))
      if (!(k in expected)) out.push({ path: `${path}.${k}`, kind: 'added', actual: actual[k] });
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const rule = arrayRule?.(path);
    const out: RawDifference[] = [];
    if (rule?.byExample) {
      if (expected.length > 0)
        actual.forEach((a, i) => {
          out.push(...diffJson(expected[i] ?? expected[0], a, `${path}[${i}]`, arrayRule));
        });
      if (actual.length < (rule.min ?? 0) || actual.length > (rule.max ?? Number.POSITIVE_INFINITY))
        out.push({ path, kind: 'length', expected: { min: rule.min, max: rule.max }, actual: actual.length });
      return out;
    }
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) out.push(...diffJson(expected[i], actual[i], `${path}[${i}]`, arrayRule));
    if (rule && expected.length !== actual.length)
      out.push({ path, kind: 'length', expected: expected.length, actual: actual.length });
    return out;
  }
  return Object.is(expected, actual) ? [] : [{ path, kind: 'value', expected, actual }];
};

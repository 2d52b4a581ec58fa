// Derives a fast-check arbitrary from a zod 4 schema: valid wire values, refinements enforced by filtering.
import fc from 'fast-check';
import type { z } from 'zod';
import { boundsOf, defOf, mayBeAbsent, wireSchema } from './zod-introspect.ts';

/** Arbitraries for schemas whose rule is a refinement the structure cannot show (e.g. a timestamp format). */
export type Overrides = ReadonlyMap<z.ZodType, fc.Arbitrary<unknown>>;

const SMALL_JSON = fc.jsonValue({ maxDepth: 2 });

const stringArb = (s: z.ZodType): fc.Arbitrary<string> => {
  const b = boundsOf(s);
  const minLength = b.minLength ?? 0;
  const maxLength = Math.min(b.maxLength ?? 24, minLength + 24);
  if (b.pattern) {
    const fits = (t: string) =>
      t.length >= minLength && t.length <= (b.maxLength ?? Number.POSITIVE_INFINITY);
    return fc
      .stringMatching(b.pattern)
      .map((t) => (b.maxLength !== undefined && t.length > b.maxLength ? t.slice(0, b.maxLength) : t))
      .filter((t) => fits(t) && b.pattern!.test(t));
  }
  return fc.string({ minLength, maxLength });
};

const numberArb = (s: z.ZodType): fc.Arbitrary<number> => {
  const b = boundsOf(s);
  if (b.integer)
    return fc.integer({
      min: Math.max(b.min ?? -1_000_000, Number.MIN_SAFE_INTEGER),
      max: Math.min(b.max ?? 4_000_000_000_000, Number.MAX_SAFE_INTEGER),
    });
  return fc.double({ min: b.min ?? -1e9, max: b.max ?? 1e9, noNaN: true, noDefaultInfinity: true });
};

/**
 * A valid value of `schema` as it travels on the wire (the input side of transforms). Object-level refinements are
 * not visible in the structure, so the result is filtered through the schema itself.
 */
export const arbitraryOf = (schema: z.ZodType, overrides: Overrides = new Map()): fc.Arbitrary<unknown> =>
  structural(schema, overrides).filter((v) => schema.safeParse(v).success);

const structural = (schema: z.ZodType, overrides: Overrides): fc.Arbitrary<unknown> => {
  const own = overrides.get(schema);
  if (own) return own;
  // z.json() is the one recursive schema the contracts use: any small JSON value.
  if (defOf(schema).type === 'lazy') return SMALL_JSON;
  const s = wireSchema(schema);
  const fromOverride = overrides.get(s);
  if (fromOverride) return fromOverride;
  const d = defOf(s);
  const child = (c: z.ZodType) => structural(c, overrides);
  switch (d.type) {
    case 'string':
      return stringArb(s);
    case 'number':
      return numberArb(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(d.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case 'optional':
      return fc.option(child(d.innerType!), { nil: undefined });
    case 'nullable':
      return fc.option(child(d.innerType!), { nil: null });
    case 'default':
    case 'prefault':
      return child(d.innerType!);
    case 'array': {
      const b = boundsOf(s);
      return fc.array(child(d.element!), {
        minLength: b.minLength ?? 0,
        maxLength: Math.min(b.maxLength ?? 3, (b.minLength ?? 0) + 3),
      });
    }
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), child(d.valueType!), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape ?? {};
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !mayBeAbsent(shape[k]!));
      return fc
        .record(Object.fromEntries(keys.map((k) => [k, child(shape[k]!)])), { requiredKeys: required })
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'union':
      return fc.oneof(...d.options!.map(child));
    case 'unknown':
    case 'any':
      return SMALL_JSON;
    default:
      throw new Error(`zod-arbitrary: no arbitrary for a ${d.type} schema (give an override)`);
  }
};

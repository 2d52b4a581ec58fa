// Ways to break a valid answer, derived from the reader's schema: drop a required field, retype, bad enum, over-long id.
import type { z } from 'zod';
import { boundsOf, defOf, mayBeAbsent, wireSchema } from './zod-introspect.ts';

export type MutationKind = 'missing' | 'wrong-type' | 'bad-enum' | 'over-long-id';

/** One way to break one field: where, how, and with what value (none for a removal). */
export type AnswerMutation = { path: (string | number)[]; kind: MutationKind; value?: unknown };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values of another JSON type than `v` has. */
const retyped = (v: unknown): unknown[] => {
  if (typeof v === 'string') return [42, true, { x: 1 }];
  if (typeof v === 'number') return ['not-a-number', true, [1]];
  if (typeof v === 'boolean') return ['yes', 1];
  if (Array.isArray(v)) return ['not-a-list', 7];
  if (isObject(v)) return ['not-an-object', 7, [1]];
  return [];
};

/** The field's own refusal of a value, with zod's issue codes. */
const refusal = (field: z.ZodType, value: unknown): string[] | undefined => {
  const r = field.safeParse(value);
  return r.success ? undefined : r.error.issues.map((i) => i.code);
};

const leafMutations = (field: z.ZodType, value: unknown, path: (string | number)[]): AnswerMutation[] => {
  const out: AnswerMutation[] = [];
  for (const candidate of retyped(value))
    if (refusal(field, candidate)) out.push({ path, kind: 'wrong-type', value: candidate });
  const s = unwrap(field);
  const d = defOf(s);
  if (
    (d.type === 'enum' || d.type === 'literal') &&
    (typeof value === 'string' || typeof value === 'number')
  ) {
    const bad = typeof value === 'string' ? `${value}_NOT_DOCUMENTED` : 987_654;
    if (refusal(field, bad)) out.push({ path, kind: 'bad-enum', value: bad });
  }
  if (d.type === 'string' && typeof value === 'string') {
    const max = boundsOf(s).maxLength;
    if (max !== undefined && Number.isFinite(max)) {
      const long = value + 'a'.repeat(Math.max(1, max + 1 - value.length));
      if (refusal(field, long)?.includes('too_big')) out.push({ path, kind: 'over-long-id', value: long });
    }
  }
  return out;
};

/** The schema inside optional/nullable/default wrappers and pipes. */
const unwrap = (field: z.ZodType): z.ZodType => {
  let s = wireSchema(field);
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault')
      s = wireSchema(d.innerType!);
    else return s;
  }
};

/**
 * Every mutation of `value` that `reader` (a tolerant schema) refuses at the mutated field itself. Array items are
 * visited up to the second one; records and unknown values (free-form maps) have no field to break.
 */
export const mutationsOf = (
  reader: z.ZodType,
  value: unknown,
  path: (string | number)[] = [],
): AnswerMutation[] => {
  const s = unwrap(reader);
  const d = defOf(s);
  const out: AnswerMutation[] = [];
  if (d.type === 'object' && isObject(value)) {
    for (const [key, field] of Object.entries(d.shape ?? {})) {
      if (!(key in value)) continue;
      const at = [...path, key];
      if (!mayBeAbsent(field) && refusal(field, undefined)) out.push({ path: at, kind: 'missing' });
      if (value[key] === null) continue;
      out.push(...leafMutations(field, value[key], at), ...mutationsOf(field, value[key], at));
    }
  } else if (d.type === 'union') {
    // the reader accepts several shapes: break the one this value has
    const option = d.options!.find((o) => o.safeParse(value).success);
    if (option) out.push(...mutationsOf(option, value, path));
  } else if (d.type === 'array' && Array.isArray(value)) {
    value.slice(0, 2).forEach((item, i) => {
      out.push(
        ...leafMutations(d.element!, item, [...path, i]),
        ...mutationsOf(d.element!, item, [...path, i]),
      );
    });
  }
  return out;
};

/** A copy of `value` with the mutation applied. */
export const applyMutation = (value: unknown, m: AnswerMutation): unknown => {
  const copy = structuredClone(value);
  let here = copy as Record<string | number, unknown>;
  for (const key of m.path.slice(0, -1)) here = here[key] as Record<string | number, unknown>;
  const last = m.path.at(-1)!;
  if (m.kind === 'missing') delete here[last];
  else here[last] = m.value;
  return copy;
};

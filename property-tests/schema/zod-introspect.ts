// Reads the structure of a zod 4 schema (kind, children, length and range checks) without parsing anything.
import type { z } from 'zod';

type Def = {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
};

type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};

export const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema a value on the wire must satisfy, with wrappers that do not change the wire shape removed. */
export const wireSchema = (s: z.ZodType): z.ZodType => {
  const d = defOf(s);
  switch (d.type) {
    case 'pipe':
      return wireSchema(d.in!);
    case 'lazy':
      return wireSchema(d.getter!());
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return wireSchema(d.innerType!);
    default:
      return s;
  }
};

/** Whether an object key with this schema may be absent (optional, nullish, defaulted). */
export const mayBeAbsent = (s: z.ZodType): boolean => {
  const d = defOf(wireSchema(s));
  if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') return true;
  if (d.type === 'nullable') return mayBeAbsent(d.innerType!);
  if (d.type === 'union') return d.options!.some(mayBeAbsent);
  return d.type === 'unknown' || d.type === 'any' || d.type === 'undefined';
};

export type Bounds = {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  min?: number;
  max?: number;
  integer: boolean;
};

/** The length, pattern and range checks of a string, array or number schema. */
export const boundsOf = (s: z.ZodType): Bounds => {
  const b: Bounds = { integer: false };
  for (const c of defOf(s).checks ?? []) {
    const k = c._zod.def;
    switch (k.check) {
      case 'min_length':
        b.minLength = Math.max(b.minLength ?? 0, k.minimum ?? 0);
        break;
      case 'max_length':
        b.maxLength = Math.min(
          b.maxLength ?? Number.POSITIVE_INFINITY,
          k.maximum ?? Number.POSITIVE_INFINITY,
        );
        break;
      case 'length_equals':
        b.minLength = k.length;
        b.maxLength = k.length;
        break;
      case 'string_format':
        if (k.pattern) b.pattern = k.pattern;
        break;
      case 'number_format':
        if (k.format === 'safeint' || k.format === 'int32' || k.format === 'uint32') b.integer = true;
        break;
      case 'greater_than':
        b.min = Number(k.value) + (k.inclusive ? 0 : b.integer ? 1 : Number.EPSILON);
        break;
      case 'less_than':
        b.max = Number(k.value) - (k.inclusive ? 0 : b.integer ? 1 : Number.EPSILON);
        break;
    }
  }
  return b;
};

/** The child schema at one step of a path (object key or array index), or undefined. */
export const childAt = (s: z.ZodType, key: string | number): z.ZodType | undefined => {
  const d = defOf(wireSchema(s));
  switch (d.type) {
    case 'object':
      return typeof key === 'string' ? d.shape![key] : undefined;
    case 'array':
      return typeof key === 'number' ? d.element : undefined;
    case 'record':
      return d.valueType;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return childAt(d.innerType!, key);
    default:
      return undefined;
  }
};

// Compares one observed answer with the pinned one as a vendor's drift facts say: every change classified, with its field, old form and new form.
import { z } from 'zod';
import type { DriftFacts, JsonType } from '../contracts/common/drift.ts';
import { misspellingFixed } from './quirks.ts';

export const DriftKind = z.enum([
  'status-changed',
  'field-removed',
  'field-retyped',
  'value-not-allowed',
  'misspelling-fixed',
  'code-changed',
  'field-added',
  'message-changed',
  'documented-variant',
]);
export type DriftKind = z.infer<typeof DriftKind>;

export const Severity = z.enum(['breaking', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** The one table of severities. */
export const SEVERITY: Readonly<Record<DriftKind, Severity>> = {
  'status-changed': 'breaking',
  'field-removed': 'breaking',
  'field-retyped': 'breaking',
  'value-not-allowed': 'breaking',
  'misspelling-fixed': 'breaking',
  'code-changed': 'breaking',
  'field-added': 'warning',
  'message-changed': 'info',
  'documented-variant': 'info',
};

export const DriftChange = z.object({
  kind: DriftKind,
  severity: Severity,
  /** Where, in this answer: `$.commands[2].status`, or `(status)` for the HTTP status. */
  path: z.string(),
  /** The field, array indices as `[*]`: what changes are grouped by. */
  field: z.string(),
  /** The old and the new form: a type, a format, the allowed values, or the values themselves. */
  was: z.string(),
  now: z.string(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  note: z.string().optional(),
});
export type DriftChange = z.infer<typeof DriftChange>;

export const jsonType = (v: unknown): JsonType =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType);

/** A type as a reader sees it: a string of digits is a "numeric string". */
export const typeName = (v: unknown): string =>
  typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? 'numeric string' : jsonType(v);

/** A string's shape, every digit as 9: `2015-12-12T12:12:12Z` -> `9999-99-99T99:99:99Z`. */
export const shapeOf = (v: unknown): string =>
  typeof v === 'string' ? v.replace(/\d/g, '9') : `${jsonType(v)} ${JSON.stringify(v)}`;

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

type Index = {
  freeForm: Set<string>;
  messages: Set<string>;
  codes: Set<string>;
  nullable: Set<string>;
  enums: Map<string, readonly (string | number)[]>;
  formats: Map<string, DriftFacts['formats'][number]>;
  variants: Map<string, DriftFacts['variants'][number]>;
};

const indexOf = (f: DriftFacts): Index => ({
  freeForm: new Set(f.freeForm.map((x) => x.field)),
  messages: new Set(f.messages),
  codes: new Set(f.codes),
  nullable: new Set(f.nullable),
  enums: new Map(f.enums.map((e) => [e.field, e.values])),
  formats: new Map(f.formats.map((x) => [x.field, x])),
  variants: new Map(f.variants.map((v) => [v.field, v])),
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

type Where = { path: string; field: string; key: string };
const child = (w: Where, key: string): Where => ({
  path: `${w.path}.${key}`,
  field: `${w.field}.${key}`,
  key,
});
const element = (w: Where, i: number): Where => ({ ...w, path: `${w.path}[${i}]`, field: `${w.field}[*]` });

const WEIGHT: Readonly<Record<Severity, number>> = { breaking: 1000, warning: 100, info: 10 };

class Comparer {
  readonly out: DriftChange[] = [];
  /** Enum values that differ from the pinned ones but are allowed: data, not drift; they only steer array pairing. */
  otherValues = 0;
  private readonly ix: Index;
  constructor(ix: Index) {
    this.ix = ix;
  }

  private push(kind: DriftKind, w: Where, was: string, now: string, extra: Partial<DriftChange> = {}): void {
    this.out.push({ kind, severity: SEVERITY[kind], path: w.path, field: w.field, was, now, ...extra });
  }

  /** A value the contract does not allow (outside an enum, or not in a format), or undefined. */
  private disallowed(key: string, v: unknown): { was: string; now: string } | undefined {
    const values = this.ix.enums.get(key);
    if (values && !values.includes(v as string | number))
      return { was: `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, now: show(v) };
    const format = this.ix.formats.get(key);
    if (format && !format.check(v))
      return {
        was: `${format.name} (e.g. ${format.example})`,
        now: `${shapeOf(v)} (e.g. ${JSON.stringify(v)})`,
      };
    return undefined;
  }

  /** Checks every leaf of a value that has no pinned counterpart against the enums and formats. */
  validate(v: unknown, w: Where): void {
    if (this.ix.freeForm.has(w.key) || v === null) return;
    if (Array.isArray(v))
      v.forEach((x, i) => {
        this.validate(x, element(w, i));
      });
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) this.validate(x, child(w, k));
    else {
      const bad = this.disallowed(w.key, v);
      if (bad) this.push('value-not-allowed', w, bad.was, bad.now, { actual: v });
    }
  }

  /**
   * A different JSON type: breaking, unless the vendor documents both types for the field (info; nothing at all in a
   * free-form field, whose type is the device's to choose).
   */
  private retypeOrVariant(e: unknown, a: unknown, w: Where): void {
    const variant = this.ix.variants.get(w.key);
    if (variant?.types.includes(jsonType(e)) && variant.types.includes(jsonType(a))) {
      if (!this.ix.freeForm.has(w.key))
        this.push('documented-variant', w, typeName(e), typeName(a), {
          expected: e,
          actual: a,
          note: variant.source,
        });
    } else this.push('field-retyped', w, typeName(e), typeName(a), { expected: e, actual: a });
  }

  walk(e: unknown, a: unknown, w: Where, codeChanged = false): void {
    const { ix } = this;
    if (a === null && e !== null) {
      if (!ix.nullable.has(w.key))
        this.push('field-retyped', w, typeName(e), 'null', { expected: e, actual: a });
      return;
    }
    if (e === null) {
      if (!ix.freeForm.has(w.key)) this.validate(a, w);
      return;
    }
    if (jsonType(e) !== jsonType(a)) {
      this.retypeOrVariant(e, a, w);
      return;
    }
    if (ix.freeForm.has(w.key)) return;
    if (isObject(e) && isObject(a)) {
      const changed = [...ix.codes].some((c) => c in e && c in a && !Object.is(e[c], a[c]));
      for (const k of Object.keys(e)) {
        if (!(k in a))
          this.push('field-removed', child(w, k), typeName(e[k]), '(absent)', { expected: e[k] });
        else this.walk(e[k], a[k], child(w, k), changed);
      }
      for (const k of Object.keys(a))
        if (!(k in e)) this.push('field-added', child(w, k), '(absent)', typeName(a[k]), { actual: a[k] });
      return;
    }
    if (Array.isArray(e) && Array.isArray(a)) {
      this.walkArray(e, a, w, codeChanged);
      return;
    }
    this.leaf(e, a, w, codeChanged);
  }

  private leaf(e: unknown, a: unknown, w: Where, codeChanged: boolean): void {
    if (Object.is(e, a)) return;
    const values = { expected: e, actual: a };
    if (this.ix.codes.has(w.key)) this.push('code-changed', w, show(e), show(a), values);
    else if (this.ix.messages.has(w.key)) {
      if (!codeChanged) this.push('message-changed', w, show(e), show(a), values);
    } else if (misspellingFixed(e, a)) this.push('misspelling-fixed', w, show(e), show(a), values);
    else {
      const bad = this.disallowed(w.key, a);
      if (bad) this.push('value-not-allowed', w, bad.was, bad.now, values);
      else if (this.ix.enums.has(w.key)) this.otherValues++;
    }
  }

  /**
   * Order is not drift: each observed element is compared with the pinned element it differs least from (each pinned
   * element used once while there are enough); elements beyond the pinned ones reuse the closest pinned element.
   */
  private walkArray(e: unknown[], a: unknown[], w: Where, codeChanged: boolean): void {
    if (e.length === 0) {
      a.forEach((x, i) => {
        this.validate(x, element(w, i));
      });
      return;
    }
    const trials = a.map((x, ai) =>
      e.map((y) => {
        const c = new Comparer(this.ix);
        c.walk(y, x, element(w, ai), codeChanged);
        return {
          changes: c.out,
          other: c.otherValues,
          cost: c.out.reduce((n, ch) => n + WEIGHT[ch.severity], c.otherValues),
        };
      }),
    );
    const pairs = trials
      .flatMap((row, ai) => row.map((t, ei) => ({ ai, ei, cost: t.cost })))
      .sort((p, q) => p.cost - q.cost || p.ai - q.ai || p.ei - q.ei);
    const chosen = new Map<number, number>();
    const used = new Set<number>();
    for (const p of pairs)
      if (!chosen.has(p.ai) && !used.has(p.ei)) {
        chosen.set(p.ai, p.ei);
        used.add(p.ei);
      }
    trials.forEach((row, ai) => {
      const ei =
        chosen.get(ai) ?? row.reduce((best, t, i) => (t.cost < (row[best]?.cost ?? 0) ? i : best), 0);
      this.out.push(...(row[ei]?.changes ?? []));
      this.otherValues += row[ei]?.other ?? 0;
    });
  }
}

/**
 * The changes between a pinned answer and an observed one. A different HTTP status is one change; the bodies are
 * compared too unless one answer is a success and the other is not (then the status says it all).
 */
export const compareAnswer = (
  facts: DriftFacts,
  pinned: { status: number; body: unknown },
  observed: { status: number; body: unknown },
): DriftChange[] => {
  const c = new Comparer(indexOf(facts));
  const ok = (s: number) => s >= 200 && s < 300;
  if (pinned.status !== observed.status)
    c.out.push({
      kind: 'status-changed',
      severity: SEVERITY['status-changed'],
      path: '(status)',
      field: '(status)',
      was: `HTTP ${pinned.status}`,
      now: `HTTP ${observed.status}`,
      expected: pinned.status,
      actual: observed.status,
    });
  if (pinned.body !== undefined && ok(pinned.status) === ok(observed.status))
    c.walk(pinned.body, observed.body, { path: '$', field: '$', key: '$' });
  return c.out;
};

// What every vendor's request check is made of: a JSON body or a query checked against a contract schema, the first issue in words.
import type { z } from 'zod';
import type { AuditEntry } from './rules/types.ts';

/** The first issue of a failed parse, as `field: message`. */
export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
};

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const parseJson = (body: string): Parsed => {
  if (body === '') return { ok: false, message: 'the body is empty' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, message: `the body is not JSON (${(err as Error).message})` };
  }
};

export const queryObject = (q: URLSearchParams): Record<string, string> => Object.fromEntries(q.entries());

/** Checks a body against a schema: bad JSON first, then the schema. */
export const checkBody = (e: AuditEntry, schema: z.ZodType, what: string): string[] => {
  const json = parseJson(e.body);
  if (!json.ok) return [`bad JSON in ${what}: ${json.message}`];
  const r = schema.safeParse(json.value);
  return r.success ? [] : [`${what}: ${firstIssue(r.error)}`];
};

export const checkQuery = (q: URLSearchParams, schema: z.ZodType, what: string): string[] => {
  const r = schema.safeParse(queryObject(q));
  return r.success ? [] : [`${what}: ${firstIssue(r.error)}`];
};

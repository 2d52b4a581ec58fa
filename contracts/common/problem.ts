// Errors as data: every failure the harness reports is one of these shapes, turned into words only by renderProblem.
import type { z } from 'zod';

import type { Vendor } from '../../vendors/index.ts';

export type { Vendor };

export type Problem =
  /** The vendor answered with a documented (or undocumented) error; `httpStatus` may be 200. */
  | {
      kind: 'vendor-error';
      vendor: Vendor;
      httpStatus: number;
      code: string;
      message: string;
      body: unknown;
    }
  /** The caller's input was refused before anything was sent. */
  | { kind: 'invalid-input'; vendor: Vendor; field: string; reason: string; received?: unknown }
  /** The vendor's answer did not match the pinned schema. */
  | {
      kind: 'invalid-response';
      vendor: Vendor;
      httpStatus: number;
      issues: { path: string; message: string; code: string }[];
      body: unknown;
    }
  /** The application was throttled (1010009 or APIG.0308) and retries ran out. */
  | { kind: 'throttled'; vendor: Vendor; attempts: number; last: Problem }
  /** The request never produced an HTTP answer. */
  | { kind: 'transport'; vendor: Vendor; message: string }
  /** A simulator part (WireMock, the platform model) could not be started, reached or configured. */
  | { kind: 'simulator'; component: string; reason: string; message: string; output?: string }
  /** A load run (profile, k6, the run's own checks) could not be set up or did not complete. */
  | { kind: 'load'; stage: string; message: string; output?: string };

export type Result<T> = { ok: true; value: T; httpStatus: number } | { ok: false; problem: Problem };

export const ok = <T>(value: T, httpStatus: number): Result<T> => ({ ok: true, value, httpStatus });
export const fail = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });

type Issue = z.core.$ZodIssue;

/** How far a union option got before failing: the depth of its shallowest issue, then (negated) how many it has. */
const reach = (issues: readonly Issue[]): [number, number] => [
  Math.min(...issues.map((i) => i.path.length)),
  -issues.length,
];

/**
 * A failed union is reported by the option the value clearly got furthest into (shallowest issue deepest, then
 * fewest issues), so a broken field inside one shape of a tolerant reader is named instead of an "invalid input" at
 * the union itself. A tie (a boolean where a string or a number was expected, say) keeps the union's own issue.
 */
const closestOption = (issue: Issue): Issue[] => {
  if (issue.code !== 'invalid_union' || issue.errors.some((e) => e.length === 0)) return [issue];
  const ranked = issue.errors
    .map((e) => ({ e, r: reach(e) }))
    .sort((a, b) => b.r[0] - a.r[0] || b.r[1] - a.r[1]);
  const [best, next] = ranked;
  if (!best || (next && best.r[0] === next.r[0] && best.r[1] === next.r[1])) return [issue];
  return best.e.flatMap((i) => closestOption({ ...i, path: [...issue.path, ...i.path] } as Issue));
};

/** Turns zod issues into data with a dotted path, so a field can be named without parsing messages. */
export const issuesOf = (error: z.ZodError): { path: string; message: string; code: string }[] =>
  error.issues.flatMap(closestOption).map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(root)',
    message: i.message,
    code: i.code,
  }));

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let here: unknown = input;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
};

/**
 * The first issue of a client's refused input as an `invalid-input` Problem: the field by its dotted path (an unknown
 * key named after its parent, e.g. `pagination.sorters`; `(input)` for the value itself), zod's message as the reason,
 * and the value found there. Every reference client refuses its input through this one rule.
 */
export const invalidInput = (vendor: Vendor, error: z.ZodError, input: unknown): Problem => {
  const issue = error.issues[0];
  if (!issue) return { kind: 'invalid-input', vendor, field: '(input)', reason: 'invalid input' };
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join(',')] : issue.path;
  return {
    kind: 'invalid-input',
    vendor,
    field: path.map(String).join('.') || '(input)',
    reason: issue.message,
    received: valueAt(
      input,
      issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path,
    ),
  };
};

/** The one place a Problem becomes words. */
export const renderProblem = (p: Problem): string => {
  switch (p.kind) {
    case 'vendor-error':
      return `${p.vendor}: HTTP ${p.httpStatus} error ${p.code}: ${p.message}`;
    case 'invalid-input':
      return `${p.vendor}: invalid input in field "${p.field}": ${p.reason}`;
    case 'invalid-response':
      return `${p.vendor}: HTTP ${p.httpStatus} answer does not match the contract: ${p.issues
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`;
    case 'throttled':
      return `${p.vendor}: still throttled after ${p.attempts} attempts (${renderProblem(p.last)})`;
    case 'transport':
      return `${p.vendor}: no HTTP answer: ${p.message}`;
    case 'simulator':
      return `${p.component}: ${p.reason}: ${p.message}${p.output ? `\n${p.output}` : ''}`;
    case 'load':
      return `load (${p.stage}): ${p.message}${p.output ? `\n${p.output}` : ''}`;
  }
};

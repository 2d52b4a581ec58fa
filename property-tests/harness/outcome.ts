// A reference client's Result reduced to what the suite compares: ok, throttled, a vendor error code, or a refused answer.
import type { Result } from '../../contracts/common/problem.ts';

export type Outcome<T> =
  | { kind: 'ok'; value: T; status: number }
  | { kind: 'throttled'; code: string; status: number }
  | { kind: 'vendor-error'; code: string; status: number }
  | { kind: 'invalid-response'; status: number; issues: string[] }
  | { kind: 'other'; text: string };

export const outcomeOf = <T>(r: Result<T>): Outcome<T> => {
  if (r.ok) return { kind: 'ok', value: r.value, status: r.httpStatus };
  const p = r.problem;
  switch (p.kind) {
    case 'throttled': {
      const last = p.last;
      return last.kind === 'vendor-error'
        ? { kind: 'throttled', code: last.code, status: last.httpStatus }
        : { kind: 'throttled', code: '?', status: 0 };
    }
    case 'vendor-error':
      return { kind: 'vendor-error', code: p.code, status: p.httpStatus };
    case 'invalid-response':
      return {
        kind: 'invalid-response',
        status: p.httpStatus,
        issues: p.issues.map((i) => `${i.path}: ${i.message}`),
      };
    default:
      return { kind: 'other', text: JSON.stringify(p) };
  }
};

export const describeOutcome = (o: Outcome<unknown>): string => {
  switch (o.kind) {
    case 'ok':
      return `ok (HTTP ${o.status})`;
    case 'throttled':
      return `throttled (${o.code}, HTTP ${o.status})`;
    case 'vendor-error':
      return `vendor error ${o.code} (HTTP ${o.status})`;
    case 'invalid-response':
      return `answer refused by the client (HTTP ${o.status}): ${o.issues.join('; ')}`;
    case 'other':
      return `other problem: ${o.text}`;
  }
};

/** What the model expects of a call: success, a vendor error with this code, or the throttle. */
export type Expected =
  | { kind: 'ok' }
  | { kind: 'vendor-error'; code: string }
  | { kind: 'throttled'; code: string };

export const describeExpected = (e: Expected): string =>
  e.kind === 'ok' ? 'ok' : e.kind === 'throttled' ? `throttled (${e.code})` : `vendor error ${e.code}`;

/** Whether the outcome is what the model expected (kind and code). */
export const matches = (e: Expected, o: Outcome<unknown>): boolean =>
  e.kind === o.kind && (e.kind === 'ok' || (o.kind !== 'ok' && 'code' in o && o.code === e.code));

/** The call's outcome as the record keeps it. */
export const recordOf = (o: Outcome<unknown>): { outcome: Outcome<unknown>['kind']; code?: string } =>
  o.kind === 'throttled' || o.kind === 'vendor-error'
    ? { outcome: o.kind, code: o.code }
    : { outcome: o.kind };

// What a quirk explanation is: one mismatch between what a consumer expects and what the vendor sends, and the words that account for it.
import type { Vendor } from '../contracts/common/problem.ts';

/** What an explanation looks at: one mismatch between what a consumer expects and what the vendor (simulator) sends. */
export type Observation = {
  vendor: Vendor;
  /** `(status)` for the HTTP status, otherwise a JSONPath-like path into the body. */
  path: string;
  expected: unknown;
  actual: unknown;
  /** The whole answer body, for quirks that depend on it (an error code sent with HTTP 200). */
  actualBody: unknown;
  method: string;
  requestPath: string;
};

/** One known vendor quirk, as `harness verify-pact` explains it (each vendor's in drift/<vendor>/explanations.ts). */
export type Explanation = {
  id: string;
  /** The explanation when the quirk accounts for the observation, otherwise undefined. */
  explain: (o: Observation) => string | undefined;
};

/** The last key of a path, without an array index (`$.data[0].createTime` -> `createTime`). */
export const lastKey = (path: string): string =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop() ?? '';

/** A Huawei-style `error_code` of an answer body, as a string. */
export const errorCodeOf = (body: unknown): string | undefined => {
  const code = (body as { error_code?: unknown } | null)?.error_code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
};

export const isStatus = (o: Observation): boolean => o.path === '(status)';

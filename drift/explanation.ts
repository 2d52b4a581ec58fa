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

const isTopLevel = (path: string): boolean => /^\$\.[^.[\]]+$/.test(path);

/**
 * A consumer that reads an error body by other field names than the vendor's (`{code, message}` where IoTDA sends
 * `{error_code, error_msg}`): explained with the vendor's own field names and an example.
 */
export const errorBodyFields = (e: {
  vendorName: string;
  code: string;
  message: string;
  example: string;
}): Explanation => ({
  id: 'error-body-fields',
  explain: (o) => {
    const body = o.actualBody;
    if (!isTopLevel(o.path) || body === null || typeof body !== 'object' || !(e.code in body))
      return undefined;
    const field = lastKey(o.path);
    if (field === e.code || field === e.message || o.actual !== undefined) return undefined;
    return (
      `this consumer reads ${field} from the error body; ${e.vendorName} sends errors as ${e.example}: ` +
      `read ${e.code} (the code) and ${e.message} (the text).`
    );
  },
});

const HUAWEI_TIME = /^\d{8}T\d{6}Z$/;

/** A consumer expecting another time format (ISO 8601) where the vendor sends yyyyMMdd'T'HHmmss'Z'. */
export const huaweiTimes = (vendorName: string, example: string): Explanation => ({
  id: 'huawei-time-format',
  explain: (o) =>
    typeof o.actual === 'string' &&
    HUAWEI_TIME.test(o.actual) &&
    (typeof o.expected !== 'string' || !HUAWEI_TIME.test(o.expected))
      ? `this consumer expects ${lastKey(o.path)} like ${JSON.stringify(o.expected)}; ${vendorName} sends UTC times as ` +
        `yyyyMMdd'T'HHmmss'Z' (e.g. ${example}), not ISO 8601: parse that format.`
      : undefined,
});

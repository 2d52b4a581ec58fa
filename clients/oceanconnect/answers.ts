// Turns an OceanConnect HTTP answer into a Result: vendor errors (HTTP 200 included), schema mismatches, or the parsed body.
import type { z } from 'zod';
import { fail, issuesOf, ok, type Problem, type Result } from '../../contracts/common/problem.ts';
import { ErrorBodyTolerant } from '../../contracts/oceanconnect/errors.ts';
import type { HttpAnswer } from '../common/http.ts';

const VENDOR = 'oceanconnect';

const hasErrorCode = (json: unknown): json is Record<string, unknown> =>
  typeof json === 'object' && json !== null && !Array.isArray(json) && 'error_code' in json;

/**
 * The vendor error an answer carries, whatever its HTTP status: OceanConnect sends some errors (100203, 100217,
 * 100418) with HTTP 200, so a body with `error_code` is an error even when the status says success.
 */
export const vendorErrorOf = (answer: HttpAnswer): Problem | undefined => {
  if (!hasErrorCode(answer.json)) return undefined;
  const parsed = ErrorBodyTolerant.safeParse(answer.json);
  if (!parsed.success)
    return {
      kind: 'invalid-response',
      vendor: VENDOR,
      httpStatus: answer.status,
      issues: issuesOf(parsed.error),
      body: answer.json,
    };
  return {
    kind: 'vendor-error',
    vendor: VENDOR,
    httpStatus: answer.status,
    code: parsed.data.error_code,
    message: parsed.data.error_desc,
    body: answer.json,
  };
};

/** Reads a success body with `schema` (a tolerant reader); anything else becomes a vendor-error or invalid-response. */
export const readAnswer = <S extends z.ZodType>(answer: HttpAnswer, schema: S): Result<z.output<S>> => {
  const vendorError = vendorErrorOf(answer);
  if (vendorError) return fail(vendorError);
  const body = answer.json ?? (answer.text.length > 0 ? answer.text : undefined);
  if (answer.status < 200 || answer.status > 299) {
    return fail({
      kind: 'invalid-response',
      vendor: VENDOR,
      httpStatus: answer.status,
      issues: [
        {
          path: '(root)',
          message: `HTTP ${answer.status} without an error_code body`,
          code: 'unexpected_status',
        },
      ],
      body,
    });
  }
  if (answer.json === undefined) {
    return fail({
      kind: 'invalid-response',
      vendor: VENDOR,
      httpStatus: answer.status,
      issues: [{ path: '(root)', message: 'the body is empty or not JSON', code: 'not_json' }],
      body,
    });
  }
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success)
    return fail({
      kind: 'invalid-response',
      vendor: VENDOR,
      httpStatus: answer.status,
      issues: issuesOf(parsed.error),
      body,
    });
  return ok(parsed.data, answer.status);
};

/** True when the result is the vendor error with this code (at any HTTP status). */
export const isVendorError = (result: Result<unknown>, code: string): boolean =>
  !result.ok && result.problem.kind === 'vendor-error' && result.problem.code === code;

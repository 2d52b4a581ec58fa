// Turns one EnOS HTTP answer into a Result: envelope code != 0 is a vendor error whatever the HTTP status, else the tolerant reader decides.
import type { z } from 'zod';
import { fail, issuesOf, ok, type Result } from '../../contracts/common/problem.ts';
import { ErrorResponseTolerant } from '../../contracts/enos/responses.ts';
import type { HttpAnswer } from '../common/http.ts';

const hasCode = (json: unknown): json is { code: unknown } =>
  typeof json === 'object' && json !== null && !Array.isArray(json) && 'code' in json;

/**
 * EnOS keeps its envelope on errors (`code` != 0, `data: null`) and documents no HTTP status for them, so the code
 * decides, not the status: an error with HTTP 200 is still a vendor error. A body that is neither a success of the
 * expected shape nor an error envelope is an invalid response.
 */
export const decodeAnswer = <S extends z.ZodType>(answer: HttpAnswer, schema: S): Result<z.output<S>> => {
  const { status: httpStatus, json } = answer;
  const body = json ?? answer.text;
  if (hasCode(json) && json.code !== 0) {
    const error = ErrorResponseTolerant.safeParse(json);
    if (error.success) {
      return fail({
        kind: 'vendor-error',
        vendor: 'enos',
        httpStatus,
        code: String(error.data.code),
        message: error.data.msg,
        body,
      });
    }
    return fail({
      kind: 'invalid-response',
      vendor: 'enos',
      httpStatus,
      issues: issuesOf(error.error),
      body,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return fail({
      kind: 'invalid-response',
      vendor: 'enos',
      httpStatus,
      issues: issuesOf(parsed.error),
      body,
    });
  if (httpStatus < 200 || httpStatus > 299) {
    return fail({
      kind: 'invalid-response',
      vendor: 'enos',
      httpStatus,
      issues: [
        { path: '(status)', message: `a success envelope came with HTTP ${httpStatus}`, code: 'http_status' },
      ],
      body,
    });
  }
  return ok(parsed.data, httpStatus);
};

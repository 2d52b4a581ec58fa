// How the OceanConnect client classifies answers: vendor errors (HTTP 200 included), schema mismatches, successes.
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../contracts/common/problem.ts';
import { errorBodyOf, OC_ERRORS } from '../../contracts/oceanconnect/errors.ts';
import { readFixture } from '../../contracts/oceanconnect/fixtures.ts';
import { RevocationTaskTolerant } from '../../contracts/oceanconnect/responses.ts';
import type { HttpAnswer } from '../common/http.ts';
import { isVendorError, readAnswer, vendorErrorOf } from './answers.ts';

const answer = (
  status: number,
  json: unknown,
  text = json === undefined ? '' : JSON.stringify(json),
): HttpAnswer => ({
  status,
  headers: { 'content-type': 'application/json' },
  text,
  json,
});

describe('OceanConnect answers -> Result', () => {
  it.each(OC_ERRORS.map((e) => [e.httpStatus, e.code, e] as const))(
    'HTTP %i error %s becomes a vendor-error with the verbatim text',
    (httpStatus, code, row) => {
      const result = readAnswer(answer(httpStatus, errorBodyOf(row)), RevocationTaskTolerant);
      expect(result).toEqual({
        ok: false,
        problem: {
          kind: 'vendor-error',
          vendor: 'oceanconnect',
          httpStatus,
          code,
          message: row.text,
          body: errorBodyOf(row),
        },
      });
      expect(isVendorError(result, code)).toBe(true);
    },
  );

  it('an error body sent with HTTP 201 is still an error', () => {
    const result = readAnswer(
      answer(201, { error_code: '100418', error_desc: 'The deviceData is not existed.' }),
      RevocationTaskTolerant,
    );
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 201,
      code: '100418',
    });
  });

  it('an undocumented code is reported as it came, and a numeric code is read as text', () => {
    const result = readAnswer(
      answer(403, { error_code: 100999, error_desc: 'Something new.' }),
      RevocationTaskTolerant,
    );
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'vendor-error',
      code: '100999',
      message: 'Something new.',
    });
    if (result.ok) throw new Error('expected a problem');
    expect(renderProblem(result.problem)).toBe('oceanconnect: HTTP 403 error 100999: Something new.');
  });

  it('a malformed error body is an invalid response', () => {
    const problem = vendorErrorOf(answer(200, { error_code: { nested: true } }));
    expect(problem).toMatchObject({ kind: 'invalid-response', httpStatus: 200 });
  });

  it('a success body is read with the tolerant reader', () => {
    const result = readAnswer(answer(201, readFixture('201-revocation-task.json')), RevocationTaskTolerant);
    expect(result.ok && result.value.deviceCommands.length).toBe(2);
    expect(result.ok && result.httpStatus).toBe(201);
  });

  it('a success status with a body that matches nothing is an invalid response naming the paths', () => {
    const body = { taskId: 't', deviceId: 'd', status: 'DONE', deviceCommands: [] };
    const result = readAnswer(answer(201, body), RevocationTaskTolerant);
    expect(result.ok).toBe(false);
    if (result.ok || result.problem.kind !== 'invalid-response') throw new Error('expected invalid-response');
    expect(result.problem.issues.map((i) => i.path)).toEqual(['status']);
    expect(result.problem.body).toEqual(body);
  });

  it('an error status without an error body is an invalid response, not a success', () => {
    const result = readAnswer(answer(502, undefined, '<html>Bad Gateway</html>'), RevocationTaskTolerant);
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'invalid-response',
      httpStatus: 502,
      issues: [{ code: 'unexpected_status' }],
      body: '<html>Bad Gateway</html>',
    });
  });

  it('a success status with an empty body is an invalid response', () => {
    const result = readAnswer(answer(201, undefined), RevocationTaskTolerant);
    expect(result.ok ? undefined : result.problem).toMatchObject({
      kind: 'invalid-response',
      issues: [{ code: 'not_json' }],
    });
  });
});

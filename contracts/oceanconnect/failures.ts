// OceanConnect's documented failures a gate run injects: the throttle, 100418 with HTTP 200, 500 100001 and 503 100501.
import type { DocumentedFailure } from '../common/failure.ts';
import { findDocumentedError, OC_ERROR_CODES } from './errors.ts';

const failure = (httpStatus: number, code: string): DocumentedFailure => {
  const row = findDocumentedError(httpStatus, code);
  if (!row) throw new Error(`oceanconnect: ${httpStatus} ${code} is not in the documented error table`);
  return {
    id: `oceanconnect.${code}`,
    vendor: 'oceanconnect',
    title: `${httpStatus} ${code} ${row.text}`,
    status: httpStatus,
    code,
    endpoints: [...row.documentedOn, ...row.assumedOn],
    expect: 'recover',
    source: `seed 002/003 error table (documented on ${row.documentedOn.join(', ')}; assumed on the other command endpoints)`,
  };
};

export const OC_FAILURES: readonly DocumentedFailure[] = [
  failure(403, OC_ERROR_CODES.throttled),
  failure(200, OC_ERROR_CODES.deviceDataNotExisted),
  failure(500, OC_ERROR_CODES.internalError),
  failure(503, OC_ERROR_CODES.congestion),
];

// IoTDA's documented failures a gate run injects: the API gateway's throttle (429 APIG.0308) and 500 IOTDA.000001.
import type { DocumentedFailure } from '../common/failure.ts';
import { IOTDA_ERRORS, THROTTLE_CODE } from './errors.ts';

const failure = (httpStatus: number, code: string): DocumentedFailure => {
  const row = IOTDA_ERRORS.find((e) => e.httpStatus === httpStatus && e.code === code);
  if (!row) throw new Error(`iotda: ${httpStatus} ${code} is not in the documented error table`);
  return {
    id: `iotda.${code}`,
    vendor: 'iotda',
    title: `${httpStatus} ${code} ${row.message}`,
    status: httpStatus,
    code,
    endpoints: [...row.endpoints],
    expect: 'recover',
    source: `contracts/iotda/errors.ts (${row.verified ? 'verified' : 'unverified'}: ${row.note})`,
  };
};

export const IOTDA_FAILURES: readonly DocumentedFailure[] = [
  failure(429, THROTTLE_CODE),
  failure(500, 'IOTDA.000001'),
];

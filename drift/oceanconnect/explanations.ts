// OceanConnect's quirks as `harness verify-pact` explains them (its misspellings: contracts/oceanconnect/quirks.ts): errors with HTTP 200, 201 for what it creates, its error body, its time format.
import { OC_ERRORS } from '../../contracts/oceanconnect/errors.ts';
import { errorBodyFields, errorCodeOf, type Explanation, huaweiTimes, isStatus } from '../explanation.ts';

/** The error codes the seed's table sends with HTTP 200, and their texts (contracts/oceanconnect/errors.ts). */
const HUAWEI_200_ERRORS: Record<string, string> = Object.fromEntries(
  OC_ERRORS.filter((e) => e.httpStatus === 200).map((e) => [e.code, e.text]),
);
const CODES_WITH_200 = Object.keys(HUAWEI_200_ERRORS)
  .join(', ')
  .replace(/, ([^,]*)$/, ' and $1');

export const EXPLANATIONS: readonly Explanation[] = [
  {
    id: 'oceanconnect-error-with-200',
    explain: (o) => {
      const code = errorCodeOf(o.actualBody);
      if (!isStatus(o) || o.actual !== 200 || typeof o.expected !== 'number' || o.expected < 400)
        return undefined;
      if (!code || !(code in HUAWEI_200_ERRORS)) return undefined;
      return (
        `this consumer expects HTTP ${o.expected}; the vendor answers HTTP 200 with error_code ${code} ` +
        `("${HUAWEI_200_ERRORS[code]}"). OceanConnect sends ${CODES_WITH_200} with HTTP 200: ` +
        'check error_code in every answer, not only the status.'
      );
    },
  },
  {
    id: 'oceanconnect-revocation-201',
    explain: (o) =>
      isStatus(o) &&
      o.expected === 200 &&
      o.actual === 201 &&
      o.method.toUpperCase() === 'POST' &&
      /\/(deviceCommandCancelTasks|deviceCommands)$/.test(o.requestPath)
        ? 'this consumer expects HTTP 200; OceanConnect answers what it creates (a revocation task, seed 002; a command) ' +
          'with HTTP 201: accept any 2xx.'
        : undefined,
  },
  errorBodyFields({
    vendorName: 'OceanConnect',
    code: 'error_code',
    message: 'error_desc',
    example: '{"error_code": "100418", "error_desc": "The deviceData is not existed."}',
  }),
  huaweiTimes('OceanConnect', '20170222T164000Z'),
];

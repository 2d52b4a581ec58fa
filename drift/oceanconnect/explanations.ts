// OceanConnect's quirks as `harness verify-pact` explains them: its misspellings, errors with HTTP 200, 201 for what it creates, its error body, its time format.
import { errorBodyFields, errorCodeOf, type Explanation, huaweiTimes, isStatus } from '../explanation.ts';

/** Vendor misspellings that clients depend on: the vendor's spelling first, the dictionary one second. */
export const MISSPELLINGS: readonly (readonly [string, string])[] = [
  ['PENDDING', 'PENDING'],
  ['WAITTING', 'WAITING'],
];

const misspelling = (vendorWord: string, fixed: string, where: string): Explanation => ({
  id: `spelling-${vendorWord.toLowerCase()}`,
  explain: (o) =>
    o.expected === fixed && o.actual === vendorWord
      ? `this consumer expects status ${fixed}; the vendor sends ${vendorWord} (${where}). ` +
        `OceanConnect misspells it in its real answers and clients in the field depend on that: accept both spellings.`
      : undefined,
});

const HUAWEI_200_ERRORS: Record<string, string> = {
  '100203': 'The application is not existed.',
  '100217': "The application hasn't been authorized.",
  '100418': 'The deviceData is not existed.',
};

export const EXPLANATIONS: readonly Explanation[] = [
  misspelling('PENDDING', 'PENDING', 'a pending command in a revocation-task answer'),
  misspelling('WAITTING', 'WAITING', 'the status of a revocation task that has not started'),
  {
    id: 'oceanconnect-error-with-200',
    explain: (o) => {
      const code = errorCodeOf(o.actualBody);
      if (!isStatus(o) || o.actual !== 200 || typeof o.expected !== 'number' || o.expected < 400)
        return undefined;
      if (!code || !(code in HUAWEI_200_ERRORS)) return undefined;
      return (
        `this consumer expects HTTP ${o.expected}; the vendor answers HTTP 200 with error_code ${code} ` +
        `("${HUAWEI_200_ERRORS[code]}"). OceanConnect sends 100203, 100217 and 100418 with HTTP 200: ` +
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

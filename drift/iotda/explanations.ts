// IoTDA's quirks as `harness verify-pact` explains them: a created command answered 200, errors sent with HTTP 200, its error body, its time format.
import { errorBodyFields, errorCodeOf, type Explanation, huaweiTimes, isStatus } from '../explanation.ts';

export const EXPLANATIONS: readonly Explanation[] = [
  {
    id: 'iotda-create-200',
    explain: (o) =>
      isStatus(o) && o.expected === 201 && o.actual === 200 && o.method === 'POST'
        ? 'this consumer expects HTTP 201; IoTDA answers a created async command with HTTP 200 (not 201): accept any 2xx.'
        : undefined,
  },
  {
    id: 'iotda-error-with-200',
    explain: (o) =>
      isStatus(o) &&
      o.actual === 200 &&
      typeof o.expected === 'number' &&
      o.expected >= 400 &&
      errorCodeOf(o.actualBody)
        ? `this consumer expects HTTP ${o.expected}; IoTDA sends ${errorCodeOf(o.actualBody)} with HTTP 200 ` +
          '(IOTDA.014111, command timed out, is documented so): check error_code in every answer.'
        : undefined,
  },
  errorBodyFields({
    vendorName: 'IoTDA',
    code: 'error_code',
    message: 'error_msg',
    example: '{"error_code": "IOTDA.014000", "error_msg": "The device does not exist."}',
  }),
  huaweiTimes('IoTDA', '20151212T121212Z'),
];

// IoTDA's quirks as `harness verify-pact` explains them: a created command answered 200, errors sent with HTTP 200.
import { errorCodeOf, type Explanation, isStatus } from '../explanation.ts';

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
];

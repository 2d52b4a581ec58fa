// EnOS's quirks as `harness verify-pact` explains them: errors in a 200 envelope, times typed both ways, msg, the cancel snapshot.
import { errorBodyFields, type Explanation, isStatus, lastKey } from '../explanation.ts';

export const EXPLANATIONS: readonly Explanation[] = [
  {
    id: 'enos-error-with-200',
    explain: (o) => {
      const { code, msg } = (o.actualBody ?? {}) as { code?: unknown; msg?: unknown };
      return isStatus(o) && o.actual === 200 && typeof code === 'number' && code !== 0
        ? `this consumer expects HTTP ${String(o.expected)}; EnOS keeps HTTP 200 and reports the error as code ${code}` +
            `${typeof msg === 'string' ? ` ("${msg}")` : ''} in its envelope (the HTTP status of EnOS errors is not ` +
            'documented; its gateway answers 200): check `code`, not the status.'
        : undefined;
    },
  },
  {
    id: 'enos-time-type',
    explain: (o) =>
      /^(createTime|createLocalTime|createLocaltime)$/.test(lastKey(o.path)) &&
      typeof o.expected !== typeof o.actual
        ? `this consumer expects ${lastKey(o.path)} as a ${typeof o.expected}; the vendor sends a ${typeof o.actual}. ` +
          'EnOS documents it both ways (a string in seed 000, a number in seed 001): accept both.'
        : undefined,
  },
  {
    id: 'enos-msg',
    explain: (o) =>
      lastKey(o.path) === 'msg' &&
      ((o.expected === 'OK' && o.actual === 'Success') || (o.expected === 'Success' && o.actual === 'OK'))
        ? `this consumer expects msg "${String(o.expected)}"; the vendor sends "${String(o.actual)}". EnOS documents both ` +
          '(seed 000 "OK", seed 001 "Success"): never match on msg, read code.'
        : undefined,
  },
  {
    id: 'enos-cancel-snapshot-state',
    explain: (o) =>
      lastKey(o.path) === 'state' && o.expected === 2 && o.actual === 1
        ? 'this consumer expects the cancelled command in state 2 (Canceled); EnOS returns the snapshot taken before the ' +
          'cancel, state 1 (Created), as its own sample shows.'
        : undefined,
  },
  errorBodyFields({
    vendorName: 'EnOS',
    code: 'code',
    message: 'msg',
    example:
      '{"code": 11404, "msg": "Command not found", "requestId": "...", "data": null} (its usual envelope)',
  }),
  {
    id: 'enos-local-time-format',
    explain: (o) =>
      /^createLocal[Tt]ime$/.test(lastKey(o.path)) &&
      typeof o.actual === 'string' &&
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(o.actual) &&
      o.expected !== o.actual &&
      typeof o.expected === 'string'
        ? `this consumer expects ${lastKey(o.path)} like ${JSON.stringify(o.expected)}; EnOS sends the org's local time ` +
          'as yyyy-MM-dd HH:mm:ss without a zone (seed 000): parse that format.'
        : undefined,
  },
];

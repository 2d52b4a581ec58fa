// The table of known vendor quirks: misspellings, errors sent with HTTP 200, status codes and field types that surprise a consumer, each with its explanation.
import type { Vendor } from '../contracts/common/problem.ts';

/** What a quirk looks at: one mismatch between what a consumer expects and what the vendor (simulator) sends. */
export type Observation = {
  vendor: Vendor;
  /** `(status)` for the HTTP status, otherwise a JSONPath-like path into the body. */
  path: string;
  expected: unknown;
  actual: unknown;
  /** The whole answer body, for quirks that depend on it (an error code sent with HTTP 200). */
  actualBody: unknown;
  method: string;
  requestPath: string;
};

export type Quirk = {
  id: string;
  vendor: Vendor;
  /** The explanation when the quirk accounts for the observation, otherwise undefined. */
  explain: (o: Observation) => string | undefined;
};

/** Vendor misspellings that clients depend on: the vendor's spelling first, the dictionary one second. */
export const MISSPELLINGS: readonly (readonly [string, string])[] = [
  ['PENDDING', 'PENDING'],
  ['WAITTING', 'WAITING'],
];

/** True when a pinned vendor misspelling now arrives spelled correctly. */
export const misspellingFixed = (expected: unknown, actual: unknown): boolean =>
  MISSPELLINGS.some(([vendor, fixed]) => expected === vendor && actual === fixed);

const lastKey = (path: string): string =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop() ?? '';
const errorCodeOf = (body: unknown): string | undefined => {
  const code = (body as { error_code?: unknown } | null)?.error_code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
};
const isStatus = (o: Observation) => o.path === '(status)';

const misspelling = (vendorWord: string, fixed: string, where: string): Quirk => ({
  id: `spelling-${vendorWord.toLowerCase()}`,
  vendor: 'oceanconnect',
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

export const QUIRKS: readonly Quirk[] = [
  misspelling('PENDDING', 'PENDING', 'a pending command in a revocation-task answer'),
  misspelling('WAITTING', 'WAITING', 'the status of a revocation task that has not started'),
  {
    id: 'oceanconnect-error-with-200',
    vendor: 'oceanconnect',
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
    vendor: 'oceanconnect',
    explain: (o) =>
      isStatus(o) &&
      o.expected === 200 &&
      o.actual === 201 &&
      o.requestPath.endsWith('/deviceCommandCancelTasks')
        ? 'this consumer expects HTTP 200; a revocation task is created with HTTP 201 (seed 002): accept any 2xx.'
        : undefined,
  },
  {
    id: 'iotda-create-200',
    vendor: 'iotda',
    explain: (o) =>
      isStatus(o) && o.expected === 201 && o.actual === 200 && o.method === 'POST'
        ? 'this consumer expects HTTP 201; IoTDA answers a created async command with HTTP 200 (not 201): accept any 2xx.'
        : undefined,
  },
  {
    id: 'iotda-error-with-200',
    vendor: 'iotda',
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
  {
    id: 'enos-error-with-200',
    vendor: 'enos',
    explain: (o) => {
      const code = (o.actualBody as { code?: unknown } | null)?.code;
      return isStatus(o) && o.actual === 200 && typeof code === 'number' && code !== 0
        ? `this consumer expects HTTP ${String(o.expected)}; EnOS keeps HTTP 200 and reports the error as code ${code} ` +
            'in its envelope: check `code`, not the status.'
        : undefined;
    },
  },
  {
    id: 'enos-time-type',
    vendor: 'enos',
    explain: (o) =>
      /^(createTime|createLocalTime|createLocaltime)$/.test(lastKey(o.path)) &&
      typeof o.expected !== typeof o.actual
        ? `this consumer expects ${lastKey(o.path)} as a ${typeof o.expected}; the vendor sends a ${typeof o.actual}. ` +
          'EnOS documents it both ways (a string in seed 000, a number in seed 001): accept both.'
        : undefined,
  },
  {
    id: 'enos-msg',
    vendor: 'enos',
    explain: (o) =>
      lastKey(o.path) === 'msg' &&
      ((o.expected === 'OK' && o.actual === 'Success') || (o.expected === 'Success' && o.actual === 'OK'))
        ? `this consumer expects msg "${String(o.expected)}"; the vendor sends "${String(o.actual)}". EnOS documents both ` +
          '(seed 000 "OK", seed 001 "Success"): never match on msg, read code.'
        : undefined,
  },
  {
    id: 'enos-cancel-snapshot-state',
    vendor: 'enos',
    explain: (o) =>
      lastKey(o.path) === 'state' && o.expected === 2 && o.actual === 1
        ? 'this consumer expects the cancelled command in state 2 (Canceled); EnOS returns the snapshot taken before the ' +
          'cancel, state 1 (Created), as its own sample shows.'
        : undefined,
  },
];

/** The explanations of every quirk of the vendor that accounts for an observation. */
export const explain = (o: Observation): string[] =>
  QUIRKS.filter((q) => q.vendor === o.vendor)
    .map((q) => q.explain(o))
    .filter((s): s is string => s !== undefined);

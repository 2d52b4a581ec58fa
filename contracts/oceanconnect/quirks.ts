// OceanConnect's quirks, as contracts/common/quirk.ts defines them: the two misspellings and the errors sent with HTTP 200.
import { errorWithHttp200Quirk, pathOf, type Quirk, type QuirkAnswer, valueQuirk } from '../common/quirk.ts';
import { OC_PATHS } from './constraints.ts';
import { OC_ERROR_CODES } from './errors.ts';
import { PENDDING } from './states.ts';

const VENDOR = 'oceanconnect';
const isTaskAnswer = (a: QuirkAnswer): boolean => pathOf(a.url) === OC_PATHS.deviceCommandCancelTasks;

/** The REST status of an OceanConnect error a REST API would not send with 200 (the seed table's 200 rows). */
export const ocRestStatusOf = (code: string): number => {
  switch (code) {
    case OC_ERROR_CODES.deviceDataNotExisted:
      return 404;
    case OC_ERROR_CODES.applicationNotExisted:
    case OC_ERROR_CODES.applicationNotAuthorized:
      return 403;
    default:
      return 400;
  }
};

export const OC_QUIRKS: readonly Quirk[] = [
  valueQuirk({
    id: 'oceanconnect.waitting',
    vendor: VENDOR,
    kind: 'spelling',
    title: 'the revocation-task status spelled WAITTING',
    without: 'WAITING',
    source: 'seed 002/003 (status enum); the Python SDK doc spells WAITTING, the PHP SDK doc WAITING',
    verified: true,
    key: 'status',
    from: 'WAITTING',
    to: 'WAITING',
    applies: isTaskAnswer,
    where: 'the status of a revocation task that has not started',
  }),
  valueQuirk({
    id: 'oceanconnect.pendding',
    vendor: VENDOR,
    kind: 'spelling',
    title: 'a pending command in a revocation-task answer spelled PENDDING',
    without: 'PENDING',
    source: 'seed 002/003 sample (deviceCommands[].status)',
    verified: true,
    key: 'status',
    from: PENDDING,
    to: 'PENDING',
    applies: isTaskAnswer,
    where: 'a pending command in a revocation-task answer',
  }),
  errorWithHttp200Quirk({
    id: 'oceanconnect.error-http-200',
    vendor: VENDOR,
    title: 'errors 100203, 100217 and 100418 sent with HTTP 200',
    source: 'seed 002/003 error table (HTTP 200 rows)',
    verified: true,
    codeOf: (body) => {
      const code = (body as { error_code?: unknown } | undefined)?.error_code;
      return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
    },
    restStatusOf: ocRestStatusOf,
  }),
];

// EnOS's quirks, as contracts/common/quirk.ts defines them: the cancel answer's pre-cancel snapshot and errors sent with HTTP 200.
import { errorWithHttp200Quirk, pathOf, type Quirk, queryOf, valueQuirk } from '../common/quirk.ts';
import { ERROR_CODES } from './errors.ts';
import { COMMANDS_PATH } from './requests.ts';

const VENDOR = 'enos';

/** The REST status of an EnOS code (EnOS sends every code with HTTP 200: the status is undocumented). */
export const enosRestStatusOf = (code: string): number => {
  switch (Number(code)) {
    case ERROR_CODES.invalidParameter:
      return 400;
    case ERROR_CODES.noPermission:
      return 403;
    case ERROR_CODES.notFound:
    case ERROR_CODES.commandNotFound:
      return 404;
    case ERROR_CODES.notCreatedState:
    case ERROR_CODES.deviceOffline:
      return 409;
    case ERROR_CODES.cachedLimit:
      return 429;
    case ERROR_CODES.instantTimeout:
    case ERROR_CODES.responseTimeout:
      return 504;
    case ERROR_CODES.encryptionInvalid:
    case ERROR_CODES.tokenExpired:
    case 1204:
      return 401;
    case ERROR_CODES.internal:
    case 1005:
      return 500;
    default:
      return Number(code) === 99429 ? 429 : 400;
  }
};

/** The non-zero code of a command envelope (`code`) or a token-service envelope (`status`). */
const codeOf = (body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { code?: unknown; status?: unknown };
  if (typeof b.code === 'number') return b.code === 0 ? undefined : String(b.code);
  if (typeof b.status === 'number') return b.status === 0 ? undefined : String(b.status);
  return undefined;
};

export const ENOS_QUIRKS: readonly Quirk[] = [
  valueQuirk({
    id: 'enos.cancel-snapshot',
    vendor: VENDOR,
    kind: 'answer-shape',
    title: 'the cancel answer listing each cancelled command with its state before the cancel (state 1)',
    without: 'state 2 (Canceled)',
    source: 'seeds 000 and 001 (cancel samples); contracts/enos/DECISIONS.md',
    verified: true,
    key: 'state',
    from: 1,
    to: 2,
    applies: (a) =>
      pathOf(a.url) === COMMANDS_PATH &&
      queryOf(a.url, 'action') === 'cancel' &&
      (a.body as { code?: unknown } | undefined)?.code === 0,
  }),
  errorWithHttp200Quirk({
    id: 'enos.error-http-200',
    vendor: VENDOR,
    title: 'every error code sent with HTTP 200',
    source:
      'VENDOR-NOTES section 1 (the HTTP status of a non-zero code is undocumented; 200 is the usual gateway behaviour)',
    verified: false,
    codeOf,
    restStatusOf: enosRestStatusOf,
  }),
];

// The IoTDA simulator's error answers as data: HTTP status plus the `{error_code, error_msg}` body, one builder per case.
import { IOTDA_ERRORS, type IotdaErrorBody } from '../../contracts/iotda/errors.ts';

/** What a handler answers: a status, the JSON body to send, and any extra response headers. */
export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const documented = (httpStatus: number, code: string): { status: number; code: string; message: string } => {
  const e = IOTDA_ERRORS.find((x) => x.httpStatus === httpStatus && x.code === code);
  if (!e)
    throw new Error(`iotda sim bug: no documented error ${httpStatus} ${code} in contracts/iotda/errors.ts`);
  return { status: e.httpStatus, code: e.code, message: e.message };
};

const INVALID_INPUT = documented(400, 'IOTDA.000006');
const AUTH_FAILED = documented(401, 'IOTDA.000002');
const APPLICATION_MISSING = documented(403, 'IOTDA.001000');
const DEVICE_OFFLINE = documented(403, 'IOTDA.014016');
const DEVICE_MISSING = documented(404, 'IOTDA.014000');
const INTERNAL = documented(500, 'IOTDA.000001');

/**
 * Codes of the public IoTDA error-code page that contracts/iotda/errors.ts does not list (no fixture, no pact
 * interaction): 403 IOTDA.000004 and 400 IOTDA.000008, with their published English text.
 */
export const INVALID_ACCESS_TOKEN = { status: 403, code: 'IOTDA.000004', message: 'Invalid access token.' };
export const BAD_REQUEST_FORMAT = {
  status: 400,
  code: 'IOTDA.000008',
  message: 'Invalid input. The request format is invalid. For details, see the error message.',
};
/** The API gateway's answer for a path it does not publish (APIG error table; unverified for IoTDA). */
export const API_NOT_FOUND = {
  status: 404,
  code: 'APIG.0101',
  message: 'The API does not exist or has not been published in the environment.',
};

const body = (code: string, message: string): IotdaErrorBody => ({ error_code: code, error_msg: message });

/** A documented text, then (for input errors) what exactly was wrong, so a reader can tell which field. */
const withDetail = (text: string, detail: string | undefined): string =>
  detail ? `${text} ${detail}` : text;

/** 400 IOTDA.000006 naming the field: `Invalid input data. <field>: <reason>` (no repeat when the reason names it). */
export const invalidInput = (field: string, reason: string): Answer => ({
  status: INVALID_INPUT.status,
  body: body(
    INVALID_INPUT.code,
    withDetail(INVALID_INPUT.message, reason.startsWith(`${field} `) ? reason : `${field}: ${reason}`),
  ),
});

export const badRequestFormat = (detail: string): Answer => ({
  status: BAD_REQUEST_FORMAT.status,
  body: body(BAD_REQUEST_FORMAT.code, withDetail(BAD_REQUEST_FORMAT.message, detail)),
});

export const authenticationFailed = (): Answer => ({
  status: AUTH_FAILED.status,
  body: body(AUTH_FAILED.code, AUTH_FAILED.message),
});

export const applicationMissing = (): Answer => ({
  status: APPLICATION_MISSING.status,
  body: body(APPLICATION_MISSING.code, APPLICATION_MISSING.message),
});

/** A project the credentials do not cover (or nobody has): the token/AK is not valid for it. */
export const invalidAccessToken = (): Answer => ({
  status: INVALID_ACCESS_TOKEN.status,
  body: body(INVALID_ACCESS_TOKEN.code, INVALID_ACCESS_TOKEN.message),
});

export const deviceOffline = (): Answer => ({
  status: DEVICE_OFFLINE.status,
  body: body(DEVICE_OFFLINE.code, DEVICE_OFFLINE.message),
});

export const deviceNotFound = (): Answer => ({
  status: DEVICE_MISSING.status,
  body: body(DEVICE_MISSING.code, DEVICE_MISSING.message),
});

/** No code is documented for a missing command id (DECISIONS.md): 404 IOTDA.014000, saying which id was missing. */
export const commandNotFound = (commandId: string): Answer => ({
  status: DEVICE_MISSING.status,
  body: body(
    DEVICE_MISSING.code,
    withDetail(DEVICE_MISSING.message, `No async command with command_id ${commandId} on this device.`),
  ),
});

export const internalError = (detail?: string): Answer => ({
  status: INTERNAL.status,
  body: body(INTERNAL.code, withDetail(INTERNAL.message, detail)),
});

/** The API gateway's answers carry a `request_id` next to the two fields. */
export const apiNotFound = (requestId: string): Answer => ({
  status: API_NOT_FOUND.status,
  body: { ...body(API_NOT_FOUND.code, API_NOT_FOUND.message), request_id: requestId },
});

/** `time:1 second`, `time:1 minute`, `time:1500 ms`: the window as the gateway's throttle text spells it. */
export const windowText = (windowMs: number): string => {
  for (const [unit, ms] of [
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1_000],
  ] as const) {
    if (windowMs % ms === 0) {
      const n = windowMs / ms;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${windowMs} ms`;
};

/** APIG.0308 with 429 (contracts/iotda/DECISIONS.md); with limit 100 per 1 s it is the fixture's text verbatim. */
export const throttled = (limit: number, windowMs: number, requestId: string): Answer => ({
  status: 429,
  body: {
    error_code: 'APIG.0308',
    error_msg: `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:${windowText(windowMs)}`,
    request_id: requestId,
  },
});

/** An answer injected by a provider state: exactly the given status and body (APIG.* answers get a request_id). */
export const injected = (status: number, code: string, message: string, requestId: string): Answer => ({
  status,
  body: code.startsWith('APIG.') ? { ...body(code, message), request_id: requestId } : body(code, message),
});

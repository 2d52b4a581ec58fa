// The IoTDA error body and the documented error table as data (HTTP status, code, verbatim text, endpoints, provenance).
import { z } from 'zod';
import type { EndpointName } from './requests.ts';

/** Strict: exactly the two documented fields. */
export const IotdaErrorBody = z.strictObject({
  error_code: z
    .string()
    .regex(/^[A-Z][A-Za-z]*\.\d+$/, { message: 'error_code must look like IOTDA.000006' }),
  error_msg: z.string(),
});
export type IotdaErrorBody = z.infer<typeof IotdaErrorBody>;

/** Tolerant: extra fields (the API gateway adds `request_id`) kept; a missing message reads as empty. */
export const IotdaErrorBodyTolerant = z.looseObject({
  error_code: z.string().min(1),
  error_msg: z
    .string()
    .nullish()
    .transform((m) => m ?? ''),
});
export type IotdaErrorBodyTolerant = z.infer<typeof IotdaErrorBodyTolerant>;

/** The API gateway's throttle answer: same two fields plus `request_id`. */
export const ApigThrottleBody = z.strictObject({
  error_code: z.literal('APIG.0308'),
  error_msg: z.string(),
  request_id: z.string().min(1),
});
export type ApigThrottleBody = z.infer<typeof ApigThrottleBody>;

export const THROTTLE_CODE = 'APIG.0308';
/** Throttled when the gateway says APIG.0308, whatever the status, or when the status is 429. */
export const isThrottle = (httpStatus: number, code: string | undefined): boolean =>
  code === THROTTLE_CODE || httpStatus === 429;

const ALL: readonly EndpointName[] = [
  'showAsyncCommand',
  'createAsyncCommand',
  'listAsyncCommands',
  'listAsyncHistoryCommands',
];

export type IotdaErrorEntry = {
  httpStatus: number;
  code: string;
  /** Verbatim text where verified; otherwise our best reading, and `verified` is false. */
  message: string;
  endpoints: readonly EndpointName[];
  /** false: the code, text or status could not be confirmed from a primary source (see DECISIONS.md). */
  verified: boolean;
  note: string;
  /** The fixture holding this answer. */
  fixture: string;
};

/**
 * The error answers the contract knows. The seed lists only the HTTP statuses (400/401/403/404/500) and points to the
 * shared error-code page; the codes below come from that page and neighbouring IoTDA pages, or are marked unverified.
 */
export const IOTDA_ERRORS: readonly IotdaErrorEntry[] = [
  {
    httpStatus: 400,
    code: 'IOTDA.000006',
    message: 'Invalid input data.',
    endpoints: ALL,
    verified: true,
    note: 'the error-code page sample and every IoTDA API page',
    fixture: '400-iotda-000006-invalid-input.json',
  },
  {
    httpStatus: 401,
    code: 'IOTDA.000002',
    message: 'Authentication failed.',
    endpoints: ALL,
    verified: true,
    note: 'IoTDA API pages (401 Unauthorized); also what a wrong AK/SK signature gets',
    fixture: '401-iotda-000002-authentication-failed.json',
  },
  {
    httpStatus: 403,
    code: 'IOTDA.001000',
    message: 'The application does not exist.',
    endpoints: ALL,
    verified: true,
    note: 'application-side API pages list it under 403',
    fixture: '403-iotda-001000-application-missing.json',
  },
  {
    httpStatus: 403,
    code: 'IOTDA.014016',
    message: 'Operation not allowed. The device is not online.',
    endpoints: ['createAsyncCommand'],
    verified: true,
    note: 'send_strategy immediately to an offline device; text and 403 seen in public clients of the command API',
    fixture: '403-iotda-014016-device-offline.json',
  },
  {
    httpStatus: 404,
    code: 'IOTDA.014000',
    message: 'The device does not exist.',
    endpoints: ALL,
    verified: false,
    note: 'code seen in public clients as "device does not exist"; the status 404 and the text are unverified',
    fixture: '404-iotda-014000-device-not-found.json',
  },
  {
    httpStatus: 500,
    code: 'IOTDA.000001',
    message: 'Internal server error.',
    endpoints: ALL,
    verified: true,
    note: 'IoTDA API pages (500)',
    fixture: '500-iotda-000001-internal-error.json',
  },
  {
    httpStatus: 200,
    code: 'IOTDA.014111',
    message:
      'Command request timed out. Check whether the device returns a response within the specified time after receiving the request.',
    endpoints: ['showAsyncCommand', 'createAsyncCommand'],
    verified: false,
    note: 'documented with HTTP 200 (VENDOR-NOTES); text from public clients of the synchronous command API',
    fixture: '200-iotda-014111-command-timed-out.json',
  },
  {
    httpStatus: 429,
    code: 'APIG.0308',
    message: 'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 second',
    endpoints: ALL,
    verified: false,
    note: 'API gateway throttle; code and 429 documented for other Huawei Cloud services behind the same gateway',
    fixture: '429-apig-0308-throttled.json',
  },
];

/** Finds the documented entry for an answer, if any. */
export const lookupError = (httpStatus: number, code: string): IotdaErrorEntry | undefined =>
  IOTDA_ERRORS.find((e) => e.httpStatus === httpStatus && e.code === code);

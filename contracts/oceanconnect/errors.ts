// The documented OceanConnect error table as data (HTTP status, code, verbatim text, endpoints) and the error-body schemas.
import { z } from 'zod';

/** The endpoints of this contract, by the name the reference client gives its method. */
export const OC_ENDPOINTS = [
  'login',
  'createCommand',
  'queryCommands',
  'modifyCommand',
  'createRevocationTask',
  'queryRevocationTasks',
] as const;
export const OcEndpoint = z.enum(OC_ENDPOINTS);
export type OcEndpoint = z.infer<typeof OcEndpoint>;

/** The error body as sent today: `{"error_code":"1010009","error_desc":"app throttle exceed."}` (unverified, public clients). */
export const ErrorBody = z.strictObject({
  error_code: z.string().regex(/^\d+$/, 'error_code is a string of digits'),
  error_desc: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Tolerant reader: a numeric `error_code`, a missing or null `error_desc`, and extra fields are accepted. */
export const ErrorBodyTolerant = z.object({
  error_code: z.union([z.string().min(1), z.number().int()]).transform(String),
  error_desc: z
    .string()
    .nullish()
    .transform((d) => d ?? ''),
});
export type ErrorBodyRead = z.infer<typeof ErrorBodyTolerant>;

const COMMAND_ENDPOINTS: OcEndpoint[] = [
  'createCommand',
  'queryCommands',
  'modifyCommand',
  'createRevocationTask',
  'queryRevocationTasks',
];

export const DocumentedError = z.strictObject({
  /** File-name part of the fixture: `<httpStatus>-<slug>.json`. */
  slug: z.string().regex(/^[0-9]+-[a-z0-9-]+$/),
  httpStatus: z.number().int().min(200).max(599),
  code: z.string().regex(/^\d+$/),
  /** Verbatim from the seed (error_desc). */
  text: z.string().min(1),
  meaning: z.string().min(1),
  /** Endpoints whose own page documents this row. */
  documentedOn: z.array(OcEndpoint).min(1),
  /** Endpoints where we expect it without a page saying so (unverified). */
  assumedOn: z.array(OcEndpoint),
});
export type DocumentedError = z.infer<typeof DocumentedError>;

const seedRow = (
  httpStatus: number,
  code: string,
  slug: string,
  text: string,
  meaning: string,
): DocumentedError => ({
  slug: `${code}-${slug}`,
  httpStatus,
  code,
  text,
  meaning,
  documentedOn: ['createRevocationTask'],
  assumedOn: COMMAND_ENDPOINTS.filter((e) => e !== 'createRevocationTask'),
});

/** Seed 002/003's error table, row by row (the two editions carry the same English texts), plus 100223 of create command. */
export const OC_ERRORS: readonly DocumentedError[] = [
  seedRow(
    200,
    '100203',
    'application-not-existed',
    'The application is not existed.',
    'The application does not exist.',
  ),
  seedRow(
    200,
    '100217',
    'application-not-authorized',
    "The application hasn't been authorized.",
    'The application has not been authorized.',
  ),
  seedRow(
    200,
    '100418',
    'device-data-not-existed',
    'The deviceData is not existed.',
    'The device data does not exist.',
  ),
  seedRow(400, '100022', 'input-invalid', 'The input is invalid.', 'An input parameter is invalid.'),
  seedRow(
    403,
    '100203',
    'application-not-existed',
    'The application is not existed.',
    'The application does not exist.',
  ),
  seedRow(
    403,
    '100217',
    'application-not-authorized',
    "The application hasn't been authorized.",
    'The application has not been authorized.',
  ),
  seedRow(
    403,
    '1010009',
    'throttled',
    'app throttle exceed.',
    'Calls exceed the flow-control threshold (100 per minute by default).',
  ),
  seedRow(
    403,
    '1010005',
    'token-invalid',
    'App_key or access_token is invalid.',
    'The access token is invalid.',
  ),
  seedRow(500, '100001', 'internal-error', 'Internal server error.', 'An internal server error occurs.'),
  seedRow(
    500,
    '100220',
    'app-key-missing',
    'Get AppKey from header failed.',
    'The app_key header is missing.',
  ),
  seedRow(
    503,
    '100501',
    'congestion',
    'Congestion occurs, and the current network has been flow-controlled',
    'The network is under flow control.',
  ),
  {
    slug: '100223-command-limit-reached',
    httpStatus: 400,
    code: '100223',
    text: 'Command counts has reached the upLimit.',
    meaning: 'The device already holds the maximum of PENDING commands (20).',
    documentedOn: ['createCommand'],
    assumedOn: [],
  },
];

/** Codes whose meaning the reference client acts on. */
export const OC_ERROR_CODES = {
  applicationNotExisted: '100203',
  applicationNotAuthorized: '100217',
  deviceDataNotExisted: '100418',
  inputInvalid: '100022',
  commandLimitReached: '100223',
  throttled: '1010009',
  tokenInvalid: '1010005',
  internalError: '100001',
  appKeyMissing: '100220',
  congestion: '100501',
} as const;

/** The fixture file name of a documented error. */
export const errorFixtureName = (e: DocumentedError): string => `${e.httpStatus}-${e.slug}.json`;

/** The documented row for an HTTP status and code, if any. */
export const findDocumentedError = (httpStatus: number, code: string): DocumentedError | undefined =>
  OC_ERRORS.find((e) => e.httpStatus === httpStatus && e.code === code);

/** The body the vendor sends for a documented row. */
export const errorBodyOf = (e: DocumentedError): ErrorBody => ({ error_code: e.code, error_desc: e.text });

// The documented EnOS error codes as data: code, verbatim message or description, endpoints, HTTP status (unverified).
import { z } from 'zod';

/** Where an error code is documented: a command action, every action (public codes), or the token service. */
export const ErrorScope = z.enum(['cancel', 'invokeService', 'setMeasurepoint', 'get', 'search', 'token']);
export type ErrorScope = z.infer<typeof ErrorScope>;

export const EnosErrorRow = z.object({
  code: z.number().int(),
  /** The `msg` text exactly as the vendor documents it, or null when only a description is documented. */
  message: z.string().nullable(),
  /** Further `msg` texts seen in the vendor's samples (verbatim, spaces included). */
  sampleMessages: z.array(z.string()),
  /** The description column of the vendor's table, verbatim (reStructuredText backquotes kept). */
  description: z.string(),
  scopes: z.array(ErrorScope),
  /** EnOS does not document the HTTP status that goes with a non-zero code; 200 is the usual gateway behaviour. */
  httpStatus: z.number().int(),
  httpStatusVerified: z.boolean(),
  /** Where the row comes from. */
  source: z.string(),
});
export type EnosErrorRow = z.infer<typeof EnosErrorRow>;

const COMMANDS: ErrorScope[] = ['cancel', 'invokeService', 'setMeasurepoint', 'get', 'search'];
const CREATE: ErrorScope[] = ['invokeService', 'setMeasurepoint'];
const row = (
  code: number,
  message: string | null,
  description: string,
  scopes: ErrorScope[],
  source: string,
  sampleMessages: string[] = [],
): EnosErrorRow => ({
  code,
  message,
  sampleMessages,
  description,
  scopes,
  httpStatus: 200,
  httpStatusVerified: false,
  source,
});

const PUBLIC = 'EnOS API overview, Public Response Codes (Connection Service, etc.)';
const CANCEL = 'seed 000 (Cancel Command v2.1.0), Error Codes';
const INVOKE = 'Invoke Service / Set Measurement Point v2.1.0, Error Codes';
const TOKEN = 'Invoking API with Access Token, Error Codes';

export const ENOS_ERRORS: readonly EnosErrorRow[] = [
  row(99400, null, 'The request parameter is invalid. Check the request parameters.', COMMANDS, PUBLIC, [
    'Invalid Argument orgId:  orgId does not exist',
    'Invalid Argument action:action is missing',
  ]),
  row(
    99403,
    null,
    'Missing permissions. Make sure you have the permission to access the API and requested resources.',
    COMMANDS,
    PUBLIC,
    ['Denied resource:  orgId o1558xxxxxxxxxx'],
  ),
  row(
    99404,
    null,
    'The specified object does not exist. For example, when getting, updating, or deleting a device, the specified ``deviceKey`` of the device does not exist.',
    COMMANDS,
    PUBLIC,
  ),
  row(99500, null, 'Internal server error. Contact EnOS support.', COMMANDS, PUBLIC, [
    ' Internal Server Error',
  ]),
  row(11404, 'Command not found', 'The commandId cannot be found or does not exist.', ['cancel'], CANCEL),
  row(
    11905,
    'Cache message cancel error, not created state',
    'The command is already revoked.',
    ['cancel'],
    CANCEL,
  ),
  row(11900, null, 'The device is offline and the instant command cannot be sent.', CREATE, INVOKE),
  row(11902, null, 'The number of cached commands reached the upper limit.', CREATE, INVOKE),
  row(11904, null, 'The command is not sent, and the instant command timed out.', CREATE, INVOKE),
  row(11915, null, 'The command is sent, but the response timed out.', CREATE, INVOKE),
  row(
    11810,
    null,
    "The command is not able to encode/convert to the product's custom data format.",
    CREATE,
    INVOKE,
  ),
  row(11888, null, 'The device is not activated and the instant command cannot be sent.', CREATE, INVOKE),
  row(1001, null, 'Repeated requests with duplicated ``encryption``.', ['token'], TOKEN),
  row(1002, null, 'The ``appKey`` does not exist.', ['token'], TOKEN),
  row(1003, null, 'The ``encryption`` is not valid.', ['token'], TOKEN),
  row(1004, null, 'Invalid parameter.', ['token'], TOKEN),
  row(1005, null, 'Internal service exception.', ['token'], TOKEN),
  row(1202, null, 'The parameter is empty.', ['token'], TOKEN),
  row(1203, null, 'The access token has expired.', ['token'], TOKEN),
  row(1204, null, 'Failed to refresh access token.', ['token'], TOKEN),
];

/**
 * EnOS documents no throttle and no throttle code. When the (off by default) throttle is enabled, the simulator
 * answers this code, chosen to read as "99xxx public code + HTTP 429" **(not a vendor code)**.
 */
export const THROTTLE_CODE = 99429;

export const ERROR_CODES = {
  invalidParameter: 99400,
  noPermission: 99403,
  notFound: 99404,
  internal: 99500,
  commandNotFound: 11404,
  notCreatedState: 11905,
  deviceOffline: 11900,
  cachedLimit: 11902,
  instantTimeout: 11904,
  responseTimeout: 11915,
  tokenExpired: 1203,
  /** Token service: a bad `encryption`; command calls: an apim-signature that does not match the request. */
  encryptionInvalid: 1003,
} as const;

export const errorRow = (code: number): EnosErrorRow | undefined => ENOS_ERRORS.find((r) => r.code === code);

/**
 * The `msg` a simulator sends for a code: the documented message, else the first sample message, else the
 * description with its markup removed **(unverified: the vendor documents no message for those codes)**.
 */
export const messageFor = (code: number): string => {
  const r = errorRow(code);
  if (!r) throw new Error(`EnOS error ${code} is not documented`);
  return r.message ?? r.sampleMessages[0] ?? r.description.replaceAll('``', '');
};

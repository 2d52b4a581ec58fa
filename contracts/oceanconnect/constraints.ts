// Field-level constraints and fixed facts of the OceanConnect iocm v1.4.0 command API: paths, ids, lengths, ranges, defaults.
import { z } from 'zod';
import { OC_ERROR_CODES } from './errors.ts';

const CMD_BASE = '/iocm/app/cmd/v1.4.0';

/** Request paths, relative to the platform's base URL (`https://server:port`). */
export const OC_PATHS = {
  login: '/iocm/app/sec/v1.1.0/login',
  deviceCommands: `${CMD_BASE}/deviceCommands`,
  deviceCommand: (deviceCommandId: string): string =>
    `${CMD_BASE}/deviceCommands/${encodeURIComponent(deviceCommandId)}`,
  deviceCommandCancelTasks: `${CMD_BASE}/deviceCommandCancelTasks`,
} as const;

/** Default command validity when `expireTime` is omitted: 48 hours ("86400s*2" in both seed editions). */
export const DEFAULT_EXPIRE_TIME_S = 172_800;
/** Default and maximum page size of the two query APIs (neighbour pages: "1-1000, default 1000"). */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 1000;
/** Pact provider name: names the committed pact file and the provider verification. */
export const PACT_PROVIDER = 'oceanconnect-iocm';
/** How a third party's pact for this API is recognised: words in its provider name, or the paths of its requests. */
export const RECOGNISED_BY = { names: ['oceanconnect', 'iocm'], pathPrefixes: ['/iocm/'] } as const;
/** PENDING commands a device may hold before create answers 400 100223 (VENDOR-NOTES section 2). */
export const PENDING_CAP = 20;
/**
 * Default per-application throttle: 100 calls per 60 s, refused with 403 1010009 (seed error table); on by default.
 * Fixed or sliding window is undocumented: the simulator makes it a setting and defaults to a fixed window.
 */
export const THROTTLE = {
  limit: 100,
  windowMs: 60_000,
  enabled: true,
  refusalCode: OC_ERROR_CODES.throttled,
} as const;

// No character set is documented for ids (only String(1-64)). We refuse whitespace and control characters,
// which no platform-allocated id contains and which would corrupt a path segment or header (decision, DECISIONS.md).
const NO_SPACE_OR_CONTROL = /^[^\s\p{Cc}]*$/u;

const id = (name: string) =>
  z
    .string()
    .min(1, `${name} must have 1 to 64 characters`)
    .max(64, `${name} must have 1 to 64 characters`)
    .regex(NO_SPACE_OR_CONTROL, `${name} must not contain whitespace or control characters`);

/** String(1-64), allocated by the platform at device registration. */
export const DeviceId = id('deviceId');
/** String(1-64), allocated by the platform when the application is created. */
export const AppId = id('appId');
/** String(1-64), allocated by the platform when the command is created. */
export const CommandId = id('commandId');
/** String(1-64), the revocation task's id. */
export const TaskId = id('taskId');

/** String(1-64). */
export const ServiceId = z
  .string()
  .min(1, 'serviceId must have 1 to 64 characters')
  .max(64, 'serviceId must have 1 to 64 characters');
/** String(1-128): the command name defined in the device profile. */
export const Method = z
  .string()
  .min(1, 'method must have 1 to 128 characters')
  .max(128, 'method must have 1 to 128 characters');
/** ObjectNode: key-value pairs named after the profile's paraName entries. */
export const Paras = z.record(z.string(), z.unknown());

const isHttpUrl = (text: string): boolean => {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** String(1024): where command status changes are pushed. */
export const CallbackUrl = z
  .string()
  .max(1024, 'callbackUrl must have at most 1024 characters')
  .refine(isHttpUrl, 'callbackUrl must be an http or https URL');

/** Integer(>=0), seconds; 0 means "send now, do not cache". */
export const ExpireTime = z.number().int('expireTime must be an integer').min(0, 'expireTime must be >= 0');
/** Integer(0-3) ("0~3" in the Chinese edition): retransmissions of the command. */
export const MaxRetransmit = z
  .number()
  .int('maxRetransmit must be an integer')
  .min(0, 'maxRetransmit must be between 0 and 3')
  .max(3, 'maxRetransmit must be between 0 and 3');
/** Integer(>=0), default 0. */
export const PageNo = z.number().int('pageNo must be an integer').min(0, 'pageNo must be >= 0');
/** Integer[1,1000], default 1000. */
export const PageSize = z
  .number()
  .int('pageSize must be an integer')
  .min(1, 'pageSize must be between 1 and 1000')
  .max(MAX_PAGE_SIZE, 'pageSize must be between 1 and 1000');
/** Integer(>=0). */
export const Count = z.number().int().min(0);

// The documented limits of the IoTDA v5 async-command APIs (lengths, ranges, character sets) and the id schemas built on them.
import { z } from 'zod';
import { THROTTLE_CODE } from './errors.ts';

/** Letters, digits, underscores and hyphens: the documented character set of device_id and command_id (length checked apart). */
export const ID_CHARSET = /^[A-Za-z0-9_-]*$/;
export const DEVICE_ID_MAX = 128;
export const COMMAND_ID_MAX = 100;
/** project_id is not constrained by the docs beyond "string"; it is a path segment, so we refuse what would break the path. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const SERVICE_ID_MAX = 64;
export const COMMAND_NAME_MAX = 128;
/** paras: "at most 32K" (SDK model text); measured here as UTF-8 bytes of its JSON. */
export const PARAS_MAX_BYTES = 32 * 1024;
/** expire_time in seconds: default 24 h, at most 2 days. */
export const EXPIRE_TIME_DEFAULT = 86_400;
export const EXPIRE_TIME_MAX = 172_800;
/** Pact provider name: names the committed pact file and the provider verification. */
export const PACT_PROVIDER = 'huawei-iotda';
/** How a third party's pact for this API is recognised: words in its provider name, or the paths of its requests. */
export const RECOGNISED_BY = { names: ['iotda'], pathPrefixes: ['/v5/iot/'] } as const;
/** At most 20 PENDING commands per device. */
export const PENDING_CAP = 20;
/**
 * The simulator's per-credential throttle by default: the API gateway's limit (APIG.0308, HTTP 429) is unverified,
 * so it is off and configurable.
 */
export const THROTTLE = { limit: 100, windowMs: 60_000, enabled: false, refusalCode: THROTTLE_CODE } as const;
/** List paging: limit 1..50 (default 10), offset 0..500 (default 0). */
export const LIMIT_MIN = 1;
export const LIMIT_MAX = 50;
export const LIMIT_DEFAULT = 10;
export const OFFSET_MAX = 500;

/** Regex sources for Pact matchers, the same rules as the schemas. */
export const DEVICE_ID_REGEX = `^[A-Za-z0-9_-]{1,${DEVICE_ID_MAX}}$`;
export const COMMAND_ID_REGEX = `^[A-Za-z0-9_-]{1,${COMMAND_ID_MAX}}$`;

const idOf = (what: string, max: number) =>
  z
    .string()
    .min(1, { message: `${what} must not be empty` })
    .max(max, { message: `${what} must be at most ${max} characters` })
    .regex(ID_CHARSET, { message: `${what} may contain only letters, digits, "_" and "-"` });

export const DeviceId = idOf('device_id', DEVICE_ID_MAX);
export type DeviceId = z.infer<typeof DeviceId>;
export const CommandId = idOf('command_id', COMMAND_ID_MAX);
export type CommandId = z.infer<typeof CommandId>;
export const ProjectId = z.string().regex(PROJECT_ID_PATTERN, {
  message: 'project_id must be 1..64 letters, digits, "_" or "-"',
});
export type ProjectId = z.infer<typeof ProjectId>;

export const SendStrategy = z.enum(['immediately', 'delay']);
export type SendStrategy = z.infer<typeof SendStrategy>;

export const ExpireTime = z
  .number()
  .int({ message: 'expire_time must be a whole number of seconds' })
  .min(0, { message: 'expire_time must be at least 0' })
  .max(EXPIRE_TIME_MAX, { message: `expire_time must be at most ${EXPIRE_TIME_MAX} seconds (2 days)` });

/** A JSON object (key-value pairs), as `paras` and `result` are documented. Arrays and scalars are refused. */
export const JsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObject>;

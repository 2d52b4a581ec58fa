// Field-level constraints of the EnOS Connection Service v2.1 command API: ids, ranges, wire integers, JSON values.
import { z } from 'zod';
import { THROTTLE_CODE } from './errors.ts';

/**
 * EnOS documents its ids (orgId, assetId, productKey, deviceKey, commandId) only as "String". Every id seen in the
 * vendor's samples (o15541858646501, oxWwM9i5, bXuuAiku, mqtt_01, 2278935391225618432, yourOrgId) fits this set, so
 * the contract pins it **(unverified: a conservative choice, not a documented rule)**: 1..128 characters of
 * letters, digits and `_ - . : @`. Anything else (spaces, `&`, `=`, `/`, non-ASCII) is refused before sending.
 */
export const ID_PATTERN = /^[A-Za-z0-9_\-.:@]+$/;
export const ID_MAX_LENGTH = 128;
/** The same set as a Pact regex (anchored). */
export const ID_REGEX = '^[A-Za-z0-9_\\-.:@]{1,128}$';

/** ThingModel identifiers (serviceId, measurepointId, tslIdentifier): letters, digits, `_` **(unverified)**. */
export const TSL_ID_PATTERN = /^[A-Za-z0-9_]+$/;
export const TSL_ID_MAX_LENGTH = 64;

const id = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .min(1, `${what} must not be empty`)
    .max(ID_MAX_LENGTH, `${what} is longer than ${ID_MAX_LENGTH} characters`)
    .regex(ID_PATTERN, `${what} may hold only letters, digits and _ - . : @`);

export const OrgId = id('orgId');
export const AssetId = id('assetId');
export const ProductKey = id('productKey');
export const DeviceKey = id('deviceKey');
export const CommandId = id('commandId');

export const TslIdentifier = z
  .string()
  .min(1, 'the identifier must not be empty')
  .max(TSL_ID_MAX_LENGTH, `the identifier is longer than ${TSL_ID_MAX_LENGTH} characters`)
  .regex(TSL_ID_PATTERN, 'the identifier may hold only letters, digits and _');

/**
 * An integer as it arrives in a query string ("1000") or as a caller passes it (1000), checked against a range.
 * Providers parse the wire text; the client passes numbers; both go through the same rule.
 */
export const queryInt = (min: number, max: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+$/, 'expected an integer')
        .transform(Number),
    ])
    .pipe(z.number().int('expected an integer').min(min).max(max));

/** Cache time in seconds: 0..172800 (48 h); 0 = send now (an instant command). Documented. */
export const PENDING_TTL_MAX = 172_800;
export const PendingTtl = queryInt(0, PENDING_TTL_MAX);
/** Instant-command timeout in seconds: 1..60, default 30. Documented. */
export const TIMEOUT_MIN = 1;
export const TIMEOUT_MAX = 60;
export const TIMEOUT_DEFAULT = 30;
export const CommandTimeout = queryInt(TIMEOUT_MIN, TIMEOUT_MAX);

/** A device holds at most 50 cached commands (VENDOR-NOTES section 1); the 51st gives 11902. */
export const CACHED_COMMANDS_MAX = 50;

/** Pact provider name: names the committed pact file and the provider verification. */
export const PACT_PROVIDER = 'enos-connection-service';
/** How a third party's pact for this API is recognised: words in its provider name, or the paths of its requests. */
export const RECOGNISED_BY = {
  names: ['enos'],
  pathPrefixes: ['/connect-service/', '/apim-token-service/'],
} as const;
/** PENDING (cached) commands one device may hold. */
export const PENDING_CAP = CACHED_COMMANDS_MAX;
/**
 * The simulator's per-application throttle by default. EnOS documents none: off, configurable; when on, a refused
 * call is answered THROTTLE_CODE (errors.ts, not a vendor code).
 */
export const THROTTLE = {
  limit: 100,
  windowMs: 60_000,
  enabled: false,
  refusalCode: String(THROTTLE_CODE),
} as const;

/** Any JSON value (the ThingModel decides the type of inputs and outputs). */
export const JsonValue = z.json();
export type JsonValue = z.infer<typeof JsonValue>;

/** A map from ThingModel identifier to any JSON value (`inputData` / `outputData` as documented). */
export const JsonMap = z.record(z.string(), JsonValue);
export type JsonMap = z.infer<typeof JsonMap>;

/** `yyyy-MM-dd HH:mm:ss`, the text form of `createLocalTime` in seed 000 and the get/search samples. */
export const LOCAL_TIME_REGEX = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$';
export const LocalTimeText = z.string().regex(new RegExp(LOCAL_TIME_REGEX), 'expected yyyy-MM-dd HH:mm:ss');

/** Epoch milliseconds as an integer (strict) ... */
export const EpochMs = z.number().int().nonnegative();
/** ... or as a digit string, as seed 000 and the get sample send it (tolerant; normalised to a number). */
export const EpochMsTolerant = z.union([
  EpochMs,
  z.string().regex(/^\d+$/, 'expected epoch milliseconds').transform(Number),
]);

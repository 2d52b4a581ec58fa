// Request schemas of the EnOS command API and its token service: query per action, bodies, apim-* headers, the endpoint table.
import { z } from 'zod';
import {
  AssetId,
  CommandId,
  CommandTimeout,
  DeviceKey,
  JsonMap,
  JsonValue,
  OrgId,
  PendingTtl,
  ProductKey,
  TslIdentifier,
} from './constraints.ts';
import type { CommandStrict } from './responses.ts';

export const COMMANDS_PATH = '/connect-service/v2.1/commands';
export const TOKEN_PATH = '/apim-token-service/v2.0/token/get';

export const ENOS_ACTIONS = ['cancel', 'invokeService', 'setMeasurepoint', 'get', 'search'] as const;
export const EnosAction = z.enum(ENOS_ACTIONS);
export type EnosAction = z.infer<typeof EnosAction>;

/** orgId plus the device as EITHER assetId OR productKey+deviceKey (query parameters of every action). */
const deviceShape = {
  orgId: OrgId,
  assetId: AssetId.optional(),
  productKey: ProductKey.optional(),
  deviceKey: DeviceKey.optional(),
};

type DeviceFields = {
  assetId?: string | undefined;
  productKey?: string | undefined;
  deviceKey?: string | undefined;
};

/**
 * Exactly one way of naming the device. Both at once is refused: the docs say "use one of the following methods" and
 * do not say which wins, so the contract does not guess (a provider answers 99400).
 */
const checkDevice = (v: DeviceFields, ctx: z.RefinementCtx): void => {
  const byAsset = v.assetId !== undefined;
  const byKeys = v.productKey !== undefined || v.deviceKey !== undefined;
  if (byAsset && byKeys) {
    ctx.addIssue({
      code: 'custom',
      path: ['assetId'],
      message: 'give either assetId or productKey+deviceKey, not both',
    });
  } else if (!byAsset && !byKeys) {
    ctx.addIssue({
      code: 'custom',
      path: ['assetId'],
      message: 'the device is missing: give assetId or productKey+deviceKey',
    });
  } else if (byKeys && v.productKey === undefined) {
    ctx.addIssue({ code: 'custom', path: ['productKey'], message: 'deviceKey needs productKey' });
  } else if (byKeys && v.deviceKey === undefined) {
    ctx.addIssue({ code: 'custom', path: ['deviceKey'], message: 'productKey needs deviceKey' });
  }
};

const cachedShape = { pendingTtl: PendingTtl.optional(), timeout: CommandTimeout.optional() };

/**
 * Cancel: commandId optional, absent = cancel every cached command of the device (seed 000's text and seed 001).
 * Seed 000's table says Mandatory; the contract follows the text (see DECISIONS.md); `CancelQueryStrictV23` pins
 * the later (2.3+) rule for whoever needs it.
 */
export const CancelQuery = z
  .object({ ...deviceShape, commandId: CommandId.optional() })
  .superRefine(checkDevice);
export type CancelQuery = z.infer<typeof CancelQuery>;
export const CancelQueryStrictV23 = z
  .object({ ...deviceShape, commandId: CommandId })
  .superRefine(checkDevice);

export const InvokeServiceQuery = z
  .object({ ...deviceShape, serviceId: TslIdentifier, ...cachedShape })
  .superRefine(checkDevice);
export type InvokeServiceQuery = z.infer<typeof InvokeServiceQuery>;
/** `inputData` is Mandatory and documented as a map from input identifier to value. */
export const InvokeServiceBody = z.object({ inputData: JsonMap });
export type InvokeServiceBody = z.infer<typeof InvokeServiceBody>;

export const SetMeasurepointQuery = z
  .object({ ...deviceShape, measurepointId: TslIdentifier, ...cachedShape })
  .superRefine(checkDevice);
export type SetMeasurepointQuery = z.infer<typeof SetMeasurepointQuery>;
/** `value`: "String, Number, Array or Object" (Mandatory): null and booleans are refused. */
export const SetMeasurepointBody = z.object({
  value: JsonValue.refine(
    (v) => v !== null && typeof v !== 'boolean',
    'value must be a string, number, array or object',
  ),
});
export type SetMeasurepointBody = z.infer<typeof SetMeasurepointBody>;

export const GetQuery = z.object({ ...deviceShape, commandId: CommandId }).superRefine(checkDevice);
export type GetQuery = z.infer<typeof GetQuery>;

export const SearchQuery = z.object(deviceShape).superRefine(checkDevice);
export type SearchQuery = z.infer<typeof SearchQuery>;

/** Pagination Request Struct; search documents that `sorters` is not supported, so it is refused. */
export const PaginationRequest = z.strictObject(
  {
    pageNo: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? `not supported by search: ${iss.keys.join(', ')}` : undefined,
  },
);
/**
 * Projection names the vendor's own documents use for a Command struct field besides the samples' spelling: the
 * parameter table and the Python sample searchCommand.py (EnvisionIot/sample-code-python) write `createLocaltime`.
 * A projection may name either; the answer keeps the name asked for.
 */
export const PROJECTION_SPELLINGS: Readonly<Record<string, keyof CommandStrict>> = {
  createLocaltime: 'createLocalTime',
};

export const SearchBody = z.object({
  /** sql-like: `state = 1`, `commandName.en_US like "x"`, `createTime >= "2019-08-13 09:00:00"`. */
  expression: z.string().min(1).optional(),
  pagination: PaginationRequest.optional(),
  projection: z.array(z.string().min(1)).optional(),
});
export type SearchBody = z.infer<typeof SearchBody>;

/** Token service request body: encryption = lower-case hex sha256(appKey + timestamp + appSecret). */
export const TokenRequestBody = z.object({
  appKey: z.string().min(1, 'appKey must not be empty'),
  encryption: z.string().regex(/^[0-9a-f]{64}$/, 'encryption must be 64 lower-case hex characters'),
  timestamp: z.number().int().positive(),
});
export type TokenRequestBody = z.infer<typeof TokenRequestBody>;

/** The apim-* headers exactly as this harness's client sends them (vendor rule, see DECISIONS.md). */
export const ApimHeadersStrict = z.object({
  'apim-accesstoken': z.string().regex(/^\S+$/, 'the access token must be non-empty, without spaces'),
  'apim-signature': z.string().regex(/^[0-9a-f]{64}$/, 'the signature must be 64 lower-case hex characters'),
  'apim-timestamp': z.string().regex(/^\d{13}$/, 'the timestamp must be epoch milliseconds'),
});
export type ApimHeadersStrict = z.infer<typeof ApimHeadersStrict>;

/** What a provider accepts: the vendor's Python library sends an opaque encrypted token and its own signature. */
export const ApimHeadersTolerant = z.object({
  'apim-accesstoken': z.string().min(1),
  'apim-signature': z.string().min(1),
  'apim-timestamp': z.string().min(1),
});

export const APIM_HEADER_REGEX = {
  'apim-accesstoken': '^\\S+$',
  'apim-signature': '^[0-9a-f]{64}$',
  'apim-timestamp': '^\\d{13}$',
} as const;

type Endpoint = {
  action: EnosAction;
  /** The method this harness's client sends. */
  clientMethod: 'GET' | 'POST';
  /** Methods a provider must accept. Cancel: the vendor's own cancelCommand.py sends GET with no body. */
  acceptedMethods: readonly ('GET' | 'POST')[];
  query: z.ZodType;
  body: z.ZodType | null;
};

/** The endpoints as data, for providers (simulator routing) and the drift report. */
export const ENDPOINTS: Readonly<Record<EnosAction, Endpoint>> = {
  cancel: {
    action: 'cancel',
    clientMethod: 'POST',
    acceptedMethods: ['POST', 'GET'],
    query: CancelQuery,
    body: null,
  },
  invokeService: {
    action: 'invokeService',
    clientMethod: 'POST',
    acceptedMethods: ['POST'],
    query: InvokeServiceQuery,
    body: InvokeServiceBody,
  },
  setMeasurepoint: {
    action: 'setMeasurepoint',
    clientMethod: 'POST',
    acceptedMethods: ['POST'],
    query: SetMeasurepointQuery,
    body: SetMeasurepointBody,
  },
  get: { action: 'get', clientMethod: 'GET', acceptedMethods: ['GET'], query: GetQuery, body: null },
  search: {
    action: 'search',
    clientMethod: 'POST',
    acceptedMethods: ['POST'],
    query: SearchQuery,
    body: SearchBody,
  },
};

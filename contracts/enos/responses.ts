// Response schemas of the EnOS command API and token service: strict (what we pin) and tolerant (documented variants, normalised).
import { z } from 'zod';
import type { CanonicalState } from '../common/lifecycle.ts';
import {
  CommandId,
  EpochMs,
  EpochMsTolerant,
  JsonMap,
  JsonValue,
  LocalTimeText,
  PENDING_TTL_MAX,
  TIMEOUT_MAX,
  TIMEOUT_MIN,
} from './constraints.ts';
import { CommandType, EnosState, toCanonical } from './states.ts';

/** StringI18n: `{defaultValue, i18nValue: {en_US: ...}}`; defaultValue may be "" (get sample). */
export const StringI18n = z.object({ defaultValue: z.string(), i18nValue: z.record(z.string(), z.string()) });
export type StringI18n = z.infer<typeof StringI18n>;

const Timeout = z.number().int().min(TIMEOUT_MIN).max(TIMEOUT_MAX);
const Ttl = z.number().int().min(0).max(PENDING_TTL_MAX);

/** Service invocations (type 2) carry a map; measurement point settings (type 1) carry the bare value (seeds). */
const inputMatchesType = (c: { commandType: number; inputData?: unknown }, ctx: z.RefinementCtx): void => {
  const isMap = typeof c.inputData === 'object' && c.inputData !== null && !Array.isArray(c.inputData);
  if (c.commandType === 2 && !isMap)
    ctx.addIssue({ code: 'custom', path: ['inputData'], message: 'a service invocation carries a map' });
};

/**
 * The Command Struct as this contract pins it: `createTime` epoch ms as a number (seed 001, search samples),
 * `createLocalTime` (the samples' spelling) as `yyyy-MM-dd HH:mm:ss` (seed 000, get/search samples), `outputData`
 * present (null when there is none, seed 000), no other keys.
 */
export const CommandStrict = z
  .strictObject({
    commandId: CommandId,
    orgId: z.string().min(1),
    productKey: z.string().min(1),
    deviceKey: z.string().min(1),
    assetId: z.string().min(1),
    createTime: EpochMs,
    createLocalTime: LocalTimeText,
    commandType: CommandType,
    commandName: StringI18n,
    timeout: Timeout,
    pendingTtl: Ttl,
    state: EnosState,
    tslIdentifier: z.string().min(1),
    inputData: JsonValue,
    outputData: JsonMap.nullable(),
  })
  .superRefine(inputMatchesType);
export type CommandStrict = z.infer<typeof CommandStrict>;

const LocalTimeAny = z.union([z.string(), z.number()]);

/**
 * The tolerant reader: accepts every documented variant and normalises it. `createTime` number or digit string ->
 * number; `createLocalTime` or `createLocaltime`, text or number -> `createLocalTime`; `outputData` absent -> null;
 * `i18nValue` absent -> {}. Adds `canonicalState`.
 */
export const CommandTolerant = z
  .object({
    commandId: z.string().min(1),
    orgId: z.string(),
    productKey: z.string(),
    deviceKey: z.string(),
    assetId: z.string(),
    createTime: EpochMsTolerant,
    createLocalTime: LocalTimeAny.optional(),
    createLocaltime: LocalTimeAny.optional(),
    commandType: CommandType,
    commandName: z.object({
      defaultValue: z.string(),
      i18nValue: z.record(z.string(), z.string()).optional(),
    }),
    timeout: Timeout,
    pendingTtl: Ttl,
    state: EnosState,
    tslIdentifier: z.string(),
    inputData: JsonValue,
    outputData: JsonMap.nullable().optional(),
  })
  .superRefine(inputMatchesType)
  .superRefine((c, ctx) => {
    if (c.createLocalTime === undefined && c.createLocaltime === undefined)
      ctx.addIssue({ code: 'custom', path: ['createLocalTime'], message: 'createLocalTime is missing' });
  })
  .transform(({ createLocaltime, createLocalTime, commandName, outputData, ...rest }) => ({
    ...rest,
    createLocalTime: (createLocalTime ?? createLocaltime) as string | number,
    commandName: { defaultValue: commandName.defaultValue, i18nValue: commandName.i18nValue ?? {} },
    outputData: outputData ?? null,
    canonicalState: toCanonical(rest.state) as CanonicalState,
  }));
/** A command as the client hands it out: normalised, with its canonical state next to the vendor state. */
export type EnosCommand = z.infer<typeof CommandTolerant>;

/**
 * A command in a cancel answer. The seeds return the state from before the cancel (1 Created); a fixed vendor would
 * return 2. Both mean "this command was cancelled", so the canonical state is CANCELED; any other state contradicts
 * the answer and is refused.
 */
export const CancelledCommandTolerant = CommandTolerant.refine((c) => c.state === 1 || c.state === 2, {
  path: ['state'],
  message: 'a cancelled command must be reported in state 1 (snapshot) or 2',
}).transform((c) => ({ ...c, canonicalState: 'CANCELED' as CanonicalState }));
/** Strict: the seeds' snapshot behaviour, state 1. */
export const CancelledCommandStrict = CommandStrict.refine((c) => c.state === 1, {
  path: ['state'],
  message: 'the vendor reports a cancelled command with its state before the cancel (1)',
});

const RequestId = z.string().min(1);

/** The success envelope we pin: msg "OK" (seed 000, API overview), no submsg. */
const okStrict = <D extends z.ZodType>(data: D) =>
  z.strictObject({ code: z.literal(0), msg: z.literal('OK'), requestId: RequestId, data });
/** Tolerated: msg "Success" and `submsg: null` (seed 001, invokeService sample). */
const okTolerant = <D extends z.ZodType>(data: D) =>
  z.object({
    code: z.literal(0),
    msg: z.string(),
    submsg: z.string().nullish(),
    requestId: z.string(),
    data,
  });

export const CancelResponseStrict = okStrict(z.array(CancelledCommandStrict));
export const CancelResponseTolerant = okTolerant(z.array(CancelledCommandTolerant));
export type CancelResponse = z.infer<typeof CancelResponseTolerant>;

/** outputData is returned for instant commands only (pendingTtl 0); cached commands answer with commandId alone. */
export const InvokeServiceDataStrict = z.strictObject({
  commandId: CommandId,
  outputData: JsonMap.optional(),
});
export const InvokeServiceResponseStrict = okStrict(InvokeServiceDataStrict);
export const InvokeServiceResponseTolerant = okTolerant(
  z.object({ commandId: z.string().min(1), outputData: JsonMap.nullish() }),
);
export type InvokeServiceResponse = z.infer<typeof InvokeServiceResponseTolerant>;

export const SetMeasurepointResponseStrict = okStrict(z.strictObject({ commandId: CommandId }));
export const SetMeasurepointResponseTolerant = okTolerant(z.object({ commandId: z.string().min(1) }));
export type SetMeasurepointResponse = z.infer<typeof SetMeasurepointResponseTolerant>;

export const GetResponseStrict = okStrict(CommandStrict);
export const GetResponseTolerant = okTolerant(CommandTolerant);
export type GetResponse = z.infer<typeof GetResponseTolerant>;

const Sorter = z.object({ field: z.string(), order: z.enum(['ASC', 'DESC']) });
export const PaginationResponseStrict = z.strictObject({
  sortedBy: z.array(Sorter),
  pageNo: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  totalSize: z.number().int().min(0),
});
const PaginationResponseTolerant = z.object({
  sortedBy: z.array(Sorter).optional(),
  pageNo: z.number().int(),
  pageSize: z.number().int(),
  totalSize: z.number().int(),
});
export const SearchResponseStrict = z.strictObject({
  code: z.literal(0),
  msg: z.literal('OK'),
  requestId: RequestId,
  data: z.array(CommandStrict),
  pagination: PaginationResponseStrict,
});
export const SearchResponseTolerant = okTolerant(z.array(CommandTolerant)).extend({
  pagination: PaginationResponseTolerant,
});
export type SearchResponse = z.infer<typeof SearchResponseTolerant>;

const NonZero = z
  .number()
  .int()
  .refine((n) => n !== 0, 'an error carries a non-zero code');
/** Any command-API error: the envelope stays, `code` != 0, `data: null`. */
export const ErrorResponseStrict = z.strictObject({
  code: NonZero,
  msg: z.string(),
  requestId: RequestId,
  data: z.null(),
});
export const ErrorResponseTolerant = z.object({
  code: NonZero,
  msg: z.string(),
  submsg: z.string().nullish(),
  requestId: z.string().optional(),
  data: z.null().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseTolerant>;

/** Strict error envelope for one code, so a fixture named after a code is checked against it. */
export const errorResponseFor = (code: number) => ErrorResponseStrict.extend({ code: z.literal(code) });

/** Token service answer as documented in its table: `status` 0, business "apim-token-service". */
export const TokenResponseStrict = z.strictObject({
  status: z.literal(0),
  msg: z.string(),
  business: z.literal('apim-token-service'),
  data: z.strictObject({ accessToken: z.string().min(1), expire: z.number().int().positive() }),
});
/** Tolerated: the documented return sample spells the field `stauts`. Normalised to `status`. */
export const TokenResponseTolerant = z
  .object({
    status: z.literal(0).optional(),
    stauts: z.literal(0).optional(),
    msg: z.string(),
    business: z.string().optional(),
    data: z.object({ accessToken: z.string().min(1), expire: z.number().int().positive() }),
  })
  .refine((t) => t.status === 0 || t.stauts === 0, { path: ['status'], message: 'status 0 is missing' })
  .transform(({ stauts: _stauts, ...t }) => ({ ...t, status: 0 as const }));
export type TokenResponse = z.infer<typeof TokenResponseTolerant>;

/** Token service error **(shape unverified: only the codes are documented)**. */
export const TokenErrorResponseStrict = z.strictObject({
  status: NonZero,
  msg: z.string(),
  business: z.literal('apim-token-service'),
  data: z.null(),
});
export const TokenErrorResponseTolerant = z
  .object({
    status: NonZero.optional(),
    stauts: NonZero.optional(),
    msg: z.string(),
    data: z.null().optional(),
  })
  .refine((t) => t.status !== undefined || t.stauts !== undefined, {
    path: ['status'],
    message: 'status is missing',
  })
  .transform((t) => ({ status: (t.status ?? t.stauts) as number, msg: t.msg }));
export const tokenErrorResponseFor = (code: number) =>
  TokenErrorResponseStrict.extend({ status: z.literal(code) });

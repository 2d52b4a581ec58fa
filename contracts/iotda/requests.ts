// Request schemas of the four IoTDA async-command endpoints: path parameters, headers, query strings and the create body.
import { z } from 'zod';
import { HuaweiTime, parseHuaweiTime } from '../common/huawei-time.ts';
import {
  COMMAND_NAME_MAX,
  CommandId,
  DeviceId,
  ExpireTime,
  JsonObject,
  LIMIT_MAX,
  LIMIT_MIN,
  OFFSET_MAX,
  PARAS_MAX_BYTES,
  ProjectId,
  SERVICE_ID_MAX,
  SendStrategy,
} from './constraints.ts';
import { DERIVED_AUTHORIZATION_REGEX } from './derived-signing.ts';
import { HistoryStatus, QueuedStatus } from './states.ts';

/** The endpoints, named once; paths are relative to `/v5/iot/{project_id}/devices/{device_id}/`. */
export const ENDPOINTS = {
  showAsyncCommand: { method: 'GET', path: 'async-commands/{command_id}' },
  createAsyncCommand: { method: 'POST', path: 'async-commands' },
  listAsyncCommands: { method: 'GET', path: 'async-commands' },
  listAsyncHistoryCommands: { method: 'GET', path: 'async-commands-history' },
} as const;
export type EndpointName = keyof typeof ENDPOINTS;

export const devicePath = (projectId: string, deviceId: string): string =>
  `/v5/iot/${encodeURIComponent(projectId)}/devices/${encodeURIComponent(deviceId)}`;

// ---- path parameters -------------------------------------------------------------------------------------------

export const DevicePathParams = z.strictObject({ project_id: ProjectId, device_id: DeviceId });
export type DevicePathParams = z.infer<typeof DevicePathParams>;

export const ShowAsyncCommandPathParams = DevicePathParams.extend({ command_id: CommandId });
export type ShowAsyncCommandPathParams = z.infer<typeof ShowAsyncCommandPathParams>;

// ---- credentials -----------------------------------------------------------------------------------------------

/** The two auth modes: an IAM token sent as `X-Auth-Token`, or an AK/SK pair that signs each request. */
export const IotdaCredentials = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('token'), token: z.string().min(1) }),
  z.strictObject({ kind: z.literal('aksk'), ak: z.string().min(1), sk: z.string().min(1) }),
]);
export type IotdaCredentials = z.infer<typeof IotdaCredentials>;

// ---- headers (names lower-cased, as an HTTP server hands them over) ---------------------------------------------

export const SDK_HMAC_AUTHORIZATION_REGEX =
  '^SDK-HMAC-SHA256 Access=[^,\\s]+, SignedHeaders=[a-z0-9_.;-]+, Signature=[0-9a-f]{64}$';

/**
 * `Instance-Id` is optional; an empty value counts as not sent (clients that fill headers from settings send it empty
 * when the setting is unset, and the platform does not refuse them).
 */
const InstanceIdHeader = { 'instance-id': z.string().optional() };

/** Token auth: `X-Auth-Token` carries an IAM token (the X-Subject-Token of IAM's token API). */
export const TokenAuthHeaders = z.looseObject({ 'x-auth-token': z.string().min(1), ...InstanceIdHeader });
/**
 * AK/SK auth: an SDK-HMAC-SHA256 `Authorization`, or a derived V11-HMAC-SHA256 one (standard and enterprise
 * instances, `derived-signing.ts`), plus the `X-Sdk-Date` it signed.
 */
export const AkskAuthHeaders = z.looseObject({
  authorization: z
    .string()
    .regex(new RegExp(`${SDK_HMAC_AUTHORIZATION_REGEX}|${DERIVED_AUTHORIZATION_REGEX}`), {
      message:
        'authorization must be "SDK-HMAC-SHA256 Access=<ak>, SignedHeaders=<list>, Signature=<hex>" or ' +
        '"V11-HMAC-SHA256 Credential=<ak>/<yyyyMMdd>/<region>/<service>, SignedHeaders=<list>, Signature=<hex>"',
    }),
  'x-sdk-date': HuaweiTime,
  ...InstanceIdHeader,
});
/** Either auth mode; the token wins when both are present (what a tolerant server does). */
export const RequestAuthHeaders = z.union([TokenAuthHeaders, AkskAuthHeaders]);
export type RequestAuthHeaders = z.infer<typeof RequestAuthHeaders>;

// ---- create body -----------------------------------------------------------------------------------------------

const utf8Bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

export const Paras = JsonObject.refine((p) => utf8Bytes(p) <= PARAS_MAX_BYTES, {
  message: `paras must be at most ${PARAS_MAX_BYTES} bytes of JSON`,
});

const createBodyShape = {
  service_id: z
    .string()
    .min(1)
    .max(SERVICE_ID_MAX, { message: `service_id must be at most ${SERVICE_ID_MAX} characters` })
    .optional(),
  command_name: z
    .string()
    .min(1)
    .max(COMMAND_NAME_MAX, { message: `command_name must be at most ${COMMAND_NAME_MAX} characters` })
    .optional(),
  paras: Paras,
  expire_time: ExpireTime.optional(),
};

/** What we send: send_strategy always explicit (the SDK model marks it mandatory). */
export const CreateAsyncCommandBody = z.strictObject({ ...createBodyShape, send_strategy: SendStrategy });
export type CreateAsyncCommandBody = z.infer<typeof CreateAsyncCommandBody>;

/**
 * What a tolerant server accepts: send_strategy may be left out ("default: delay" in the parameter text), and unknown
 * fields are ignored.
 */
export const CreateAsyncCommandBodyTolerant = z.looseObject({
  ...createBodyShape,
  send_strategy: SendStrategy.default('delay'),
});
export type CreateAsyncCommandBodyTolerant = z.infer<typeof CreateAsyncCommandBodyTolerant>;

// ---- list queries ----------------------------------------------------------------------------------------------

const Limit = z
  .number()
  .int({ message: 'limit must be a whole number' })
  .min(LIMIT_MIN, { message: `limit must be at least ${LIMIT_MIN}` })
  .max(LIMIT_MAX, { message: `limit must be at most ${LIMIT_MAX}` });
const Offset = z
  .number()
  .int({ message: 'offset must be a whole number' })
  .min(0, { message: 'offset must be at least 0' })
  .max(OFFSET_MAX, { message: `offset must be at most ${OFFSET_MAX}` });

const startBeforeEnd = (q: { start_time?: string | undefined; end_time?: string | undefined }): boolean =>
  q.start_time === undefined ||
  q.end_time === undefined ||
  (parseHuaweiTime(q.start_time) ?? 0) <= (parseHuaweiTime(q.end_time) ?? 0);
const startBeforeEndIssue = { message: 'start_time must not be after end_time', path: ['start_time'] };

const listQueryShape = <S extends z.ZodType, L extends z.ZodType, O extends z.ZodType>(
  status: S,
  limit: L,
  offset: O,
) => ({
  limit: limit.optional(),
  marker: z.string().min(1).optional(),
  offset: offset.optional(),
  start_time: HuaweiTime.optional(),
  end_time: HuaweiTime.optional(),
  status: status.optional(),
  command_name: z.string().min(1).max(COMMAND_NAME_MAX).optional(),
});

/** Typed query of `GET async-commands` (the device queue). */
export const ListAsyncCommandsQuery = z
  .strictObject(listQueryShape(QueuedStatus, Limit, Offset))
  .refine(startBeforeEnd, startBeforeEndIssue);
export type ListAsyncCommandsQuery = z.infer<typeof ListAsyncCommandsQuery>;

/** Typed query of `GET async-commands-history`. */
export const ListAsyncHistoryCommandsQuery = z
  .strictObject(listQueryShape(HistoryStatus, Limit, Offset))
  .refine(startBeforeEnd, startBeforeEndIssue);
export type ListAsyncHistoryCommandsQuery = z.infer<typeof ListAsyncHistoryCommandsQuery>;

const wireInt = (schema: z.ZodNumber) =>
  z.string().regex(/^\d+$/, { message: 'expected a decimal integer' }).transform(Number).pipe(schema);

/** The same queries as a server reads them off the wire (every value a string). */
export const ListAsyncCommandsWireQuery = z
  .looseObject(listQueryShape(QueuedStatus, wireInt(Limit), wireInt(Offset)))
  .refine(startBeforeEnd, startBeforeEndIssue);
export const ListAsyncHistoryCommandsWireQuery = z
  .looseObject(listQueryShape(HistoryStatus, wireInt(Limit), wireInt(Offset)))
  .refine(startBeforeEnd, startBeforeEndIssue);

// ---- client inputs (path ids plus query/body, in the vendor's own field names) ---------------------------------

export const ShowAsyncCommandInput = z.strictObject({ device_id: DeviceId, command_id: CommandId });
export type ShowAsyncCommandInput = z.infer<typeof ShowAsyncCommandInput>;

export const CreateAsyncCommandInput = z.strictObject({
  device_id: DeviceId,
  ...CreateAsyncCommandBody.shape,
});
export type CreateAsyncCommandInput = z.infer<typeof CreateAsyncCommandInput>;

export const ListAsyncCommandsInput = z
  .strictObject({ device_id: DeviceId, ...listQueryShape(QueuedStatus, Limit, Offset) })
  .refine(startBeforeEnd, startBeforeEndIssue);
export type ListAsyncCommandsInput = z.infer<typeof ListAsyncCommandsInput>;

export const ListAsyncHistoryCommandsInput = z
  .strictObject({ device_id: DeviceId, ...listQueryShape(HistoryStatus, Limit, Offset) })
  .refine(startBeforeEnd, startBeforeEndIssue);
export type ListAsyncHistoryCommandsInput = z.infer<typeof ListAsyncHistoryCommandsInput>;

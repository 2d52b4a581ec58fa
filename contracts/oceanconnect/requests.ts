// Request schemas of the OceanConnect command API: headers, login form, query strings, path params, bodies, and the client's inputs.
import { z } from 'zod';
import { HuaweiTime } from '../common/huawei-time.ts';
import {
  AppId,
  CallbackUrl,
  CommandId,
  DeviceId,
  ExpireTime,
  MaxRetransmit,
  Method,
  PageNo,
  PageSize,
  Paras,
  ServiceId,
  TaskId,
} from './constraints.ts';
import { TaskStatus } from './states.ts';

// ---- headers and login ------------------------------------------------------------------------------------------

/** Headers of every call but login. */
export const AuthHeaders = z.object({
  app_key: AppId,
  Authorization: z.string().regex(/^Bearer \S+$/, 'Authorization must be "Bearer {accessToken}"'),
});
export type AuthHeaders = z.infer<typeof AuthHeaders>;

/** Login form (application/x-www-form-urlencoded). */
export const LoginForm = z.strictObject({
  appId: AppId,
  secret: z.string().min(1, 'secret must not be empty'),
});
export type LoginForm = z.infer<typeof LoginForm>;

// ---- wire pieces: query strings arrive as text ------------------------------------------------------------------

const intParam = (inner: z.ZodNumber) =>
  z
    .string()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number)
    .pipe(inner);

/** `?appId=` of every command call: set only when acting for an application that authorised ours. */
export const AppIdQuery = z.strictObject({ appId: AppId.optional() });
export type AppIdQuery = z.infer<typeof AppIdQuery>;

export const QueryCommandsQuery = z.strictObject({
  pageNo: intParam(PageNo).optional(),
  pageSize: intParam(PageSize).optional(),
  deviceId: DeviceId.optional(),
  startTime: HuaweiTime.optional(),
  endTime: HuaweiTime.optional(),
  appId: AppId.optional(),
});
export type QueryCommandsQuery = z.infer<typeof QueryCommandsQuery>;

export const QueryRevocationTasksQuery = z.strictObject({
  pageNo: intParam(PageNo).optional(),
  pageSize: intParam(PageSize).optional(),
  taskId: TaskId.optional(),
  deviceId: DeviceId.optional(),
  status: TaskStatus.optional(),
  startTime: HuaweiTime.optional(),
  endTime: HuaweiTime.optional(),
  appId: AppId.optional(),
});
export type QueryRevocationTasksQuery = z.infer<typeof QueryRevocationTasksQuery>;

export const ModifyCommandPath = z.strictObject({ deviceCommandId: CommandId });
export type ModifyCommandPath = z.infer<typeof ModifyCommandPath>;

// ---- bodies -----------------------------------------------------------------------------------------------------

/** Body of `POST deviceCommandCancelTasks` (the seed). */
export const CreateRevocationTaskBody = z.strictObject({ deviceId: DeviceId });
export type CreateRevocationTaskBody = z.infer<typeof CreateRevocationTaskBody>;

/** CommandDTOV4 as sent. */
export const CommandSpec = z.strictObject({ serviceId: ServiceId, method: Method, paras: Paras.optional() });
export type CommandSpec = z.infer<typeof CommandSpec>;

/** Body of `POST deviceCommands`; omitted `expireTime` means 172800 s, 0 means send now. */
export const CreateCommandBody = z.strictObject({
  deviceId: DeviceId,
  command: CommandSpec,
  callbackUrl: CallbackUrl.optional(),
  expireTime: ExpireTime.optional(),
  maxRetransmit: MaxRetransmit.optional(),
});
export type CreateCommandBody = z.infer<typeof CreateCommandBody>;

/** Body of `PUT deviceCommands/{deviceCommandId}`: the only documented change is to CANCELED. */
export const ModifyCommandBody = z.strictObject({ status: z.literal('CANCELED') });
export type ModifyCommandBody = z.infer<typeof ModifyCommandBody>;

// ---- the reference client's inputs: query, path and body fields of one call, flat, numbers as numbers ----------

const optionalAppId = { appId: AppId.optional() };

export const CreateRevocationTaskInput = CreateRevocationTaskBody.extend(optionalAppId);
export type CreateRevocationTaskInput = z.infer<typeof CreateRevocationTaskInput>;

export const CreateCommandInput = CreateCommandBody.extend(optionalAppId);
export type CreateCommandInput = z.infer<typeof CreateCommandInput>;

export const QueryCommandsInput = z.strictObject({
  pageNo: PageNo.optional(),
  pageSize: PageSize.optional(),
  deviceId: DeviceId.optional(),
  startTime: HuaweiTime.optional(),
  endTime: HuaweiTime.optional(),
  ...optionalAppId,
});
export type QueryCommandsInput = z.infer<typeof QueryCommandsInput>;

export const ModifyCommandInput = ModifyCommandPath.extend({
  status: z.literal('CANCELED'),
  ...optionalAppId,
});
export type ModifyCommandInput = z.infer<typeof ModifyCommandInput>;

export const QueryRevocationTasksInput = z.strictObject({
  pageNo: PageNo.optional(),
  pageSize: PageSize.optional(),
  taskId: TaskId.optional(),
  deviceId: DeviceId.optional(),
  status: TaskStatus.optional(),
  startTime: HuaweiTime.optional(),
  endTime: HuaweiTime.optional(),
  ...optionalAppId,
});
export type QueryRevocationTasksInput = z.infer<typeof QueryRevocationTasksInput>;

// Response schemas of the OceanConnect command API: strict (what the vendor sends today) and tolerant readers (what a client accepts).
import { z } from 'zod';
import { HuaweiTime } from '../common/huawei-time.ts';
import {
  AppId,
  CallbackUrl,
  CommandId,
  Count,
  DeviceId,
  ExpireTime,
  MaxRetransmit,
  Method,
  Paras,
  ServiceId,
  TaskId,
} from './constraints.ts';
import type { OcEndpoint } from './errors.ts';
import {
  AnyCommandStatus,
  CommandStatus,
  RevocationCommandStatus,
  TaskStatus,
  TaskStatusTolerant,
} from './states.ts';

// ---- login ------------------------------------------------------------------------------------------------------

export const LoginResponse = z.strictObject({
  accessToken: z.string().min(1),
  tokenType: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Seconds until the token expires. */
  expiresIn: Count,
  scope: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const LoginResponseTolerant = z.object({
  accessToken: z.string().min(1),
  tokenType: z.string().nullish(),
  refreshToken: z.string().nullish(),
  expiresIn: Count,
  scope: z.string().nullish(),
});
export type LoginResponseRead = z.infer<typeof LoginResponseTolerant>;

// ---- DeviceCommandResp ------------------------------------------------------------------------------------------

const NullableTime = HuaweiTime.nullable();

/** Strict DeviceCommandResp: every key present (the vendor serialises nulls, as the seed sample shows). */
const strictCommand = <S extends z.ZodType>(status: S) =>
  z.strictObject({
    commandId: CommandId,
    appId: AppId,
    deviceId: DeviceId,
    command: z.strictObject({ serviceId: ServiceId, method: Method, paras: Paras }),
    callbackUrl: CallbackUrl.nullable(),
    /** Integer(>=0), but null in the seed sample. */
    expireTime: ExpireTime.nullable(),
    status,
    result: z.record(z.string(), z.unknown()).nullable(),
    creationTime: HuaweiTime,
    executeTime: NullableTime,
    platformIssuedTime: NullableTime,
    deliveredTime: NullableTime,
    /** Integer(>=0), but null in the seed sample. */
    issuedTimes: Count.nullable(),
    maxRetransmit: MaxRetransmit,
  });

/** A command in create, query and modify answers: PENDING spelled correctly. */
export const DeviceCommandResp = strictCommand(CommandStatus);
export type DeviceCommandResp = z.infer<typeof DeviceCommandResp>;

/** A command inside a revocation-task answer: pending is spelled `PENDDING`. */
export const RevokedDeviceCommandResp = strictCommand(RevocationCommandStatus);
export type RevokedDeviceCommandResp = z.infer<typeof RevokedDeviceCommandResp>;

/** Tolerant DeviceCommandResp: either pending spelling, optional or null wherever a value is not needed to act. */
const tolerantCommand = <M extends z.ZodType>(maxRetransmit: M) =>
  z.object({
    commandId: CommandId,
    appId: z.string().nullish(),
    deviceId: DeviceId,
    command: z
      .object({
        serviceId: z.string(),
        method: z.string(),
        paras: z.record(z.string(), z.unknown()).nullish(),
      })
      .nullish(),
    callbackUrl: z.string().nullish(),
    expireTime: z.number().int().nullish(),
    status: AnyCommandStatus,
    result: z.unknown().optional(),
    creationTime: HuaweiTime.nullish(),
    executeTime: HuaweiTime.nullish(),
    platformIssuedTime: HuaweiTime.nullish(),
    deliveredTime: HuaweiTime.nullish(),
    issuedTimes: z.number().int().nullish(),
    maxRetransmit,
  });

export const DeviceCommandRespTolerant = tolerantCommand(MaxRetransmit.nullish());
export type DeviceCommandRespRead = z.infer<typeof DeviceCommandRespTolerant>;

// ---- revocation task --------------------------------------------------------------------------------------------

/** Strict answer of `POST deviceCommandCancelTasks` (201), and one item of the task query. */
export const RevocationTask = z.strictObject({
  taskId: TaskId,
  appId: AppId,
  deviceId: DeviceId,
  status: TaskStatus,
  totalCount: Count,
  deviceCommands: z.array(RevokedDeviceCommandResp),
});
export type RevocationTask = z.infer<typeof RevocationTask>;

const tolerantTask = <C extends z.ZodType>(command: C) =>
  z.object({
    taskId: TaskId,
    appId: z.string().nullish(),
    deviceId: DeviceId,
    status: TaskStatusTolerant,
    totalCount: Count.nullish(),
    deviceCommands: z
      .array(command)
      .nullish()
      .transform((list): z.output<C>[] => list ?? []),
  });

export const RevocationTaskTolerant = tolerantTask(DeviceCommandRespTolerant);
export type RevocationTaskRead = z.infer<typeof RevocationTaskTolerant>;

/**
 * Reader for the seed's own sample (fixture `201-revocation-task-seed-sample.json`): the tolerant reader, except
 * that `maxRetransmit` may hold the documentation's redaction placeholder (`******`, quoted to make it JSON).
 */
export const RevocationTaskSeedSample = tolerantTask(
  tolerantCommand(z.union([MaxRetransmit, z.string().regex(/^\*+$/, 'a documentation placeholder')])),
);

// ---- pages ------------------------------------------------------------------------------------------------------

export const Pagination = z.strictObject({ pageNo: Count, pageSize: Count, totalSize: Count });
export type Pagination = z.infer<typeof Pagination>;

/** Strict page: `{pagination:{pageNo,pageSize,totalSize}, data:[...]}` (decision: see DECISIONS.md). */
const strictPage = <I extends z.ZodType>(item: I) =>
  z.strictObject({ pagination: Pagination, data: z.array(item) });

/** Tolerant page: the nested form, or the flat `{totalCount,pageNo,pageSize,data}` form; read as the nested one. */
const tolerantPage = <I extends z.ZodType>(item: I) =>
  z.union([
    z.object({
      pagination: z.object({ pageNo: Count, pageSize: Count, totalSize: Count }),
      data: z.array(item),
    }),
    z
      .object({ totalCount: Count, pageNo: Count, pageSize: Count, data: z.array(item) })
      .transform(({ totalCount, pageNo, pageSize, data }) => ({
        pagination: { pageNo, pageSize, totalSize: totalCount },
        data,
      })),
  ]);

export const QueryCommandsResponse = strictPage(DeviceCommandResp);
export type QueryCommandsResponse = z.infer<typeof QueryCommandsResponse>;
export const QueryCommandsResponseTolerant = tolerantPage(DeviceCommandRespTolerant);
export type QueryCommandsResponseRead = z.infer<typeof QueryCommandsResponseTolerant>;

export const QueryRevocationTasksResponse = strictPage(RevocationTask);
export type QueryRevocationTasksResponse = z.infer<typeof QueryRevocationTasksResponse>;
export const QueryRevocationTasksResponseTolerant = tolerantPage(RevocationTaskTolerant);
export type QueryRevocationTasksResponseRead = z.infer<typeof QueryRevocationTasksResponseTolerant>;

// ---- per endpoint -----------------------------------------------------------------------------------------------

/** Success answer of each endpoint: the documented HTTP status, the strict schema and the tolerant reader. */
export const OC_SUCCESS: Readonly<
  Record<OcEndpoint, { httpStatus: number; strict: z.ZodType; tolerant: z.ZodType }>
> = {
  login: { httpStatus: 200, strict: LoginResponse, tolerant: LoginResponseTolerant },
  createCommand: { httpStatus: 201, strict: DeviceCommandResp, tolerant: DeviceCommandRespTolerant },
  queryCommands: { httpStatus: 200, strict: QueryCommandsResponse, tolerant: QueryCommandsResponseTolerant },
  modifyCommand: { httpStatus: 200, strict: DeviceCommandResp, tolerant: DeviceCommandRespTolerant },
  createRevocationTask: { httpStatus: 201, strict: RevocationTask, tolerant: RevocationTaskTolerant },
  queryRevocationTasks: {
    httpStatus: 200,
    strict: QueryRevocationTasksResponse,
    tolerant: QueryRevocationTasksResponseTolerant,
  },
};

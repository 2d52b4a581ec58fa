// Provider-state names of the IoTDA pact and the params each carries, so a simulator can seed exactly what an interaction needs.
import { z } from 'zod';
import { HuaweiTime } from '../common/huawei-time.ts';
import { CommandId, DeviceId, ExpireTime, JsonObject, ProjectId, SendStrategy } from './constraints.ts';
import { IotdaCredentials } from './requests.ts';
import { IotdaStatus } from './states.ts';

/**
 * Credentials the provider must accept (or, for CREDENTIALS_REJECTED, refuse). With `aksk`, a provider verifier must
 * re-sign each replayed request with this AK/SK (contracts/iotda/signing.ts), since the pact holds only an example
 * signature; with `token`, the provider accepts this token.
 */
export const SeededAuth = IotdaCredentials;
export type SeededAuth = IotdaCredentials;

/** One command as the provider must hold it: every field the show endpoint returns. */
export const SeededCommand = z.strictObject({
  commandId: CommandId,
  status: IotdaStatus,
  serviceId: z.string().min(1).optional(),
  commandName: z.string().min(1).optional(),
  paras: JsonObject,
  expireTime: ExpireTime,
  sendStrategy: SendStrategy,
  result: JsonObject.optional(),
  createdTime: HuaweiTime,
  sentTime: HuaweiTime.optional(),
  deliveredTime: HuaweiTime.optional(),
  responseTime: HuaweiTime.optional(),
});
export type SeededCommand = z.infer<typeof SeededCommand>;

const target = {
  projectId: ProjectId,
  deviceId: DeviceId,
  /** When set, requests carry this Instance-Id and the provider expects it. */
  instanceId: z.string().min(1).optional(),
  auth: SeededAuth,
};

/** "an IoTDA device with async commands": the device exists and holds exactly these commands. */
export const DEVICE_WITH_COMMANDS = 'an IoTDA device with async commands';
export const DeviceWithCommandsParams = z.strictObject({
  ...target,
  /** Whether the device is online: an `immediately` command to an offline device fails (403 IOTDA.014016). */
  online: z.boolean(),
  commands: z.array(SeededCommand),
  /** The command id the platform allocates to the next created command, and the creation time it stamps. */
  nextCommandId: CommandId.optional(),
  now: HuaweiTime.optional(),
  /** The list marker the provider returns for a non-empty page (the id of the page's last record). */
  pageMarker: z.string().min(1).optional(),
});
export type DeviceWithCommandsParams = z.infer<typeof DeviceWithCommandsParams>;

/** "no IoTDA device with this id": the project exists, the device does not (404). */
export const DEVICE_ABSENT = 'no IoTDA device with this id';
export const DeviceAbsentParams = z.strictObject(target);
export type DeviceAbsentParams = z.infer<typeof DeviceAbsentParams>;

/** "IoTDA rejects the credentials": `authentication-failed` (401 IOTDA.000002) or `application-missing` (403 IOTDA.001000). */
export const CREDENTIALS_REJECTED = 'IoTDA rejects the credentials';
export const CredentialsRejectedParams = z.strictObject({
  ...target,
  rejection: z.enum(['authentication-failed', 'application-missing']),
});
export type CredentialsRejectedParams = z.infer<typeof CredentialsRejectedParams>;

/**
 * "IoTDA answers with an injected error": the provider answers requests for this device with exactly this status and
 * body (400 IOTDA.000006, 500 IOTDA.000001, 200 IOTDA.014111, 429 APIG.0308, ...).
 */
export const ERROR_INJECTED = 'IoTDA answers with an injected error';
export const ErrorInjectedParams = z.strictObject({
  ...target,
  httpStatus: z.number().int().min(200).max(599),
  errorCode: z.string().min(1),
  errorMsg: z.string(),
});
export type ErrorInjectedParams = z.infer<typeof ErrorInjectedParams>;

/** Every state name with its params schema: what a simulator's control API implements. */
export const PROVIDER_STATES = {
  [DEVICE_WITH_COMMANDS]: DeviceWithCommandsParams,
  [DEVICE_ABSENT]: DeviceAbsentParams,
  [CREDENTIALS_REJECTED]: CredentialsRejectedParams,
  [ERROR_INJECTED]: ErrorInjectedParams,
} as const;
export type ProviderStateName = keyof typeof PROVIDER_STATES;

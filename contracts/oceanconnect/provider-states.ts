// Provider-state names of the OceanConnect pact and the params each carries, so a simulator can reproduce every interaction.
import { z } from 'zod';
import { AppId, Count, DeviceId, TaskId } from './constraints.ts';
import { DeviceCommandResp, RevokedDeviceCommandResp } from './responses.ts';
import { TaskStatus } from './states.ts';

/** The application and the access token the consumer presents; the provider must accept that token (unless told not to). */
const AppSession = z.strictObject({ appId: AppId, accessToken: z.string().min(1) });

/** A command the provider must hold for the device: everything its answers show, minus the app and device ids. */
export const SeededCommand = DeviceCommandResp.omit({ appId: true, deviceId: true });
export type SeededCommand = z.infer<typeof SeededCommand>;

/** A command already attached to a revocation task, written as that task's answers show it (pending = PENDDING). */
export const SeededRevokedCommand = RevokedDeviceCommandResp.omit({ appId: true, deviceId: true });
export type SeededRevokedCommand = z.infer<typeof SeededRevokedCommand>;

export const APP_REGISTERED = 'an application is registered';
export const AppRegisteredParams = z.strictObject({ appId: AppId, secret: z.string().min(1) });

export const APP_AUTHENTICATED = 'an application holds a valid access token';
export const AppAuthenticatedParams = AppSession;

export const DEVICE_HAS_COMMANDS = 'a device of the application has commands';
export const DeviceHasCommandsParams = AppSession.extend({
  deviceId: DeviceId,
  /** In creation order; may be empty (the device exists and holds nothing). */
  commands: z.array(SeededCommand),
});

export const DEVICE_HAS_REVOCATION_TASKS = 'a device of the application has revocation tasks';
export const DeviceHasRevocationTasksParams = AppSession.extend({
  deviceId: DeviceId,
  tasks: z.array(
    z.strictObject({ taskId: TaskId, status: TaskStatus, commands: z.array(SeededRevokedCommand) }),
  ),
});

export const DEVICE_QUEUE_FULL = 'a device has reached its pending-command limit';
export const DeviceQueueFullParams = AppSession.extend({
  deviceId: DeviceId,
  /** The provider holds this many PENDING commands for the device, and this is its limit (documented: 20). */
  pendingLimit: Count,
});

export const DEVICE_UNKNOWN = 'no device has the requested id';
export const DeviceUnknownParams = AppSession.extend({ deviceId: DeviceId });

export const TARGET_APP_REFUSED = 'the application named by the appId query parameter is refused';
export const TargetAppRefusedParams = AppSession.extend({
  /** The `appId` query value of the request. */
  targetAppId: AppId,
  /** not-existing: no such application (100203); not-authorized: it has not authorised ours (100217). */
  condition: z.enum(['not-existing', 'not-authorized']),
  /** The vendor documents both 200 and 403 for these codes without saying when; the provider answers with this one. */
  answerStatus: z.union([z.literal(200), z.literal(403)]),
});

export const TOKEN_INVALID = 'the access token is no longer valid';
/** `accessToken` is the token the consumer presents, which the provider must refuse (e.g. superseded by a newer login). */
export const TokenInvalidParams = AppSession;

export const THROTTLE_EXHAUSTED = 'the application throttle window is exhausted';
export const ThrottleExhaustedParams = AppSession.extend({
  /** Calls per window; the provider has already counted this many in the current window. */
  limit: Count,
  windowSeconds: Count,
});

export const PLATFORM_FAULT = 'the platform is failing';
export const PlatformFaultParams = AppSession.extend({
  /** internal-error: 500 100001; congestion: 503 100501. */
  fault: z.enum(['internal-error', 'congestion']),
});

/** Every state name with its params schema: what a simulator's control API must implement. */
export const OC_PROVIDER_STATES = {
  [APP_REGISTERED]: AppRegisteredParams,
  [APP_AUTHENTICATED]: AppAuthenticatedParams,
  [DEVICE_HAS_COMMANDS]: DeviceHasCommandsParams,
  [DEVICE_HAS_REVOCATION_TASKS]: DeviceHasRevocationTasksParams,
  [DEVICE_QUEUE_FULL]: DeviceQueueFullParams,
  [DEVICE_UNKNOWN]: DeviceUnknownParams,
  [TARGET_APP_REFUSED]: TargetAppRefusedParams,
  [TOKEN_INVALID]: TokenInvalidParams,
  [THROTTLE_EXHAUSTED]: ThrottleExhaustedParams,
  [PLATFORM_FAULT]: PlatformFaultParams,
} as const;

export type OcProviderState = keyof typeof OC_PROVIDER_STATES;
export type OcProviderStateParams<S extends OcProviderState> = z.infer<(typeof OC_PROVIDER_STATES)[S]>;

/** Validates a state's params (throws with the zod issues when they do not match the documented shape). */
export const stateParams = <S extends OcProviderState>(state: S, params: OcProviderStateParams<S>) =>
  OC_PROVIDER_STATES[state].parse(params) as OcProviderStateParams<S>;

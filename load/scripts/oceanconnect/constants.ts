// OceanConnect wire facts the k6 scripts need (paths, the verbatim throttle body), kept free of k6 and zod so a Node test checks them against the contracts.

/** Prefix of the k6 metrics of OceanConnect calls (`oc_calls`, `oc_latency`, ...). */
export const METRICS_PREFIX = 'oc';

export const OC_LOGIN_PATH = '/iocm/app/sec/v1.1.0/login';
export const OC_CANCEL_TASKS_PATH = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
export const OC_COMMAND_PATH = '/iocm/app/cmd/v1.4.0/deviceCommands/';
/** The documented answer to a throttled OceanConnect call, byte for byte (HTTP 403). */
export const OC_THROTTLED_BODY = '{"error_code":"1010009","error_desc":"app throttle exceed."}';
export const OC_THROTTLED_CODE = '1010009';
/** The revocation task's status in the create answer, as the vendor spells it. */
export const OC_TASK_WAITING = 'WAITTING';

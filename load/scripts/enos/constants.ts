// EnOS wire facts the k6 scripts need (paths, the simulator's throttle code), kept free of k6 and zod so a Node test checks them against the contracts.

/** Prefix of the k6 metrics of EnOS calls (`enos_calls`, `enos_latency`, ...). */
export const METRICS_PREFIX = 'enos';

export const ENOS_COMMANDS_PATH = '/connect-service/v2.1/commands';
export const ENOS_TOKEN_PATH = '/apim-token-service/v2.0/token/get';
/** The simulator's EnOS throttle code (EnOS documents none; see simulators/enos/DECISIONS.md). */
export const ENOS_THROTTLED_CODE = 99429;

// The environment variables `harness gate` exports to the client's command: their names, and the values from a ready line.
import type { ReadyInfo } from '../simulators/platform/ready-info.ts';

/** Every name, once; gate/README.md documents each in a table. */
export const ENV = {
  wiremockUrl: 'HARNESS_WIREMOCK_URL',
  controlUrl: 'HARNESS_CONTROL_URL',
  readyFile: 'HARNESS_READY_FILE',
  timeScale: 'HARNESS_TIME_SCALE',
  maxPollRate: 'HARNESS_MAX_POLL_RATE',
  ocBaseUrl: 'HARNESS_OC_BASE_URL',
  ocAppId: 'HARNESS_OC_APP_ID',
  ocSecret: 'HARNESS_OC_SECRET',
  ocDeviceIds: 'HARNESS_OC_DEVICE_IDS',
  ocThrottleLimit: 'HARNESS_OC_THROTTLE_LIMIT',
  ocThrottleWindowMs: 'HARNESS_OC_THROTTLE_WINDOW_MS',
  enosBaseUrl: 'HARNESS_ENOS_BASE_URL',
  enosOrgId: 'HARNESS_ENOS_ORG_ID',
  enosAppKey: 'HARNESS_ENOS_APP_KEY',
  enosAppSecret: 'HARNESS_ENOS_APP_SECRET',
  enosAssetIds: 'HARNESS_ENOS_ASSET_IDS',
  iotdaBaseUrl: 'HARNESS_IOTDA_BASE_URL',
  iotdaProjectId: 'HARNESS_IOTDA_PROJECT_ID',
  iotdaAk: 'HARNESS_IOTDA_AK',
  iotdaSk: 'HARNESS_IOTDA_SK',
  iotdaAuthToken: 'HARNESS_IOTDA_AUTH_TOKEN',
  iotdaDeviceIds: 'HARNESS_IOTDA_DEVICE_IDS',
} as const;

export type GateEnvInput = {
  info: ReadyInfo;
  readyFile: string;
  timeScale: number;
  maxPollRate: number;
  ocThrottle: { limit: number; windowMs: number };
};

/** The variables to add to the command's environment (lists are comma-separated). */
export const gateEnv = (input: GateEnvInput): Record<string, string> => {
  const { info } = input;
  return {
    [ENV.wiremockUrl]: info.wiremockUrl,
    [ENV.controlUrl]: info.controlUrl,
    [ENV.readyFile]: input.readyFile,
    [ENV.timeScale]: String(input.timeScale),
    [ENV.maxPollRate]: String(input.maxPollRate),
    [ENV.ocBaseUrl]: info.oceanconnect.baseUrl,
    [ENV.ocAppId]: info.oceanconnect.appId,
    [ENV.ocSecret]: info.oceanconnect.secret,
    [ENV.ocDeviceIds]: info.oceanconnect.devices.join(','),
    [ENV.ocThrottleLimit]: String(input.ocThrottle.limit),
    [ENV.ocThrottleWindowMs]: String(input.ocThrottle.windowMs),
    [ENV.enosBaseUrl]: info.enos.baseUrl,
    [ENV.enosOrgId]: info.enos.orgId,
    [ENV.enosAppKey]: info.enos.appKey,
    [ENV.enosAppSecret]: info.enos.appSecret,
    [ENV.enosAssetIds]: info.enos.devices.map((d) => d.assetId).join(','),
    [ENV.iotdaBaseUrl]: info.iotda.baseUrl,
    [ENV.iotdaProjectId]: info.iotda.projectId,
    [ENV.iotdaAk]: info.iotda.ak,
    [ENV.iotdaSk]: info.iotda.sk,
    [ENV.iotdaAuthToken]: info.iotda.authToken,
    [ENV.iotdaDeviceIds]: info.iotda.devices.join(','),
  };
};

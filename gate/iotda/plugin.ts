// IoTDA's part of the gate: its variables and its request check.
import type { Fleet } from '../../simulators/iotda/fleet.ts';
import type { GateVendor } from '../vendor.ts';
import { checkRequest } from './request-check.ts';

export const gate: GateVendor<Fleet & { baseUrl: string }> = {
  env: {
    HARNESS_IOTDA_BASE_URL: (s) => s.baseUrl,
    HARNESS_IOTDA_PROJECT_ID: (s) => s.projectId,
    HARNESS_IOTDA_AK: (s) => s.ak,
    HARNESS_IOTDA_SK: (s) => s.sk,
    HARNESS_IOTDA_AUTH_TOKEN: (s) => s.authToken,
    HARNESS_IOTDA_DEVICE_IDS: (s) => s.devices.join(','),
  },
  secrets: { headers: ['x-auth-token', 'authorization'], fields: [] },
  checkRequest,
};

// OceanConnect's part of the gate: its variables (throttle included), its request check, its throttle window by app_key.
import { OC_ERROR_CODES } from '../../contracts/oceanconnect/errors.ts';
import type { Fleet } from '../../simulators/oceanconnect/fleet.ts';
import { headerOf } from '../rules/types.ts';
import type { GateVendor } from '../vendor.ts';
import { checkRequest } from './request-check.ts';

export const gate: GateVendor<Fleet & { baseUrl: string }> = {
  env: {
    HARNESS_OC_BASE_URL: (s) => s.baseUrl,
    HARNESS_OC_APP_ID: (s) => s.appId,
    HARNESS_OC_SECRET: (s) => s.secret,
    HARNESS_OC_DEVICE_IDS: (s) => s.devices.join(','),
    HARNESS_OC_THROTTLE_LIMIT: (_s, t) => String(t.limit),
    HARNESS_OC_THROTTLE_WINDOW_MS: (_s, t) => String(t.windowMs),
  },
  secrets: { headers: ['authorization'], fields: ['secret', 'accessToken', 'refreshToken'] },
  checkRequest,
  /** 403 1010009 refuses a call of an application (its app_key) over its window. */
  throttleWindow: { refusalCode: OC_ERROR_CODES.throttled, appOf: (e) => headerOf(e, 'app_key') ?? '' },
};

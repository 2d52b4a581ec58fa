// EnOS's part of the gate: its variables, its request check, and 11905 for a cancel of a command no longer cached.
import { ERROR_CODES } from '../../contracts/enos/errors.ts';
import type { Fleet } from '../../simulators/enos/fleet.ts';
import { splitUrl } from '../rules/types.ts';
import type { GateVendor } from '../vendor.ts';
import { checkRequest } from './request-check.ts';

export const gate: GateVendor<Fleet & { baseUrl: string }> = {
  env: {
    HARNESS_ENOS_BASE_URL: (s) => s.baseUrl,
    HARNESS_ENOS_ORG_ID: (s) => s.orgId,
    HARNESS_ENOS_APP_KEY: (s) => s.appKey,
    HARNESS_ENOS_APP_SECRET: (s) => s.appSecret,
    HARNESS_ENOS_ASSET_IDS: (s) => s.devices.map((d) => d.assetId).join(','),
  },
  secrets: {
    headers: ['apim-accesstoken', 'apim-signature'],
    fields: ['encryption', 'appSecret', 'accessToken'],
  },
  checkRequest,
  recancel: {
    refusalCode: String(ERROR_CODES.notCreatedState),
    why: 'not in state Created',
    /** The command a cancel of one command names, with its device (`orgId/device/commandId`). */
    commandOf: (e) => {
      const { query } = splitUrl(e.url);
      if (query.get('action') !== 'cancel') return undefined;
      const commandId = query.get('commandId');
      if (!commandId) return undefined;
      const device = query.get('assetId') ?? `${query.get('productKey')}/${query.get('deviceKey')}`;
      return `${query.get('orgId')}/${device}/${commandId}`;
    },
  },
};

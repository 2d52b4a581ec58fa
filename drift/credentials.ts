// Credentials for `harness drift` against a real endpoint, read from an environment record passed in by the CLI entry point.
import type { Vendor } from '../contracts/common/problem.ts';
import type { ReplayTarget } from './replay.ts';

/**
 * The variables (all optional):
 * - HARNESS_DRIFT_ENOS_ACCESS_TOKEN: sent as `apim-accesstoken`.
 * - HARNESS_DRIFT_OCEANCONNECT_APP_ID, HARNESS_DRIFT_OCEANCONNECT_TOKEN: sent as `app_key` and `Authorization: Bearer …`.
 * - HARNESS_DRIFT_IOTDA_TOKEN: sent as `X-Auth-Token`; HARNESS_DRIFT_IOTDA_AK + HARNESS_DRIFT_IOTDA_SK: AK/SK requests
 *   are re-signed with them.
 * - HARNESS_DRIFT_<VENDOR>_HEADERS: a JSON object of further headers, applied last (ENOS, OCEANCONNECT, IOTDA).
 */
export const DRIFT_ENV = [
  'HARNESS_DRIFT_ENOS_ACCESS_TOKEN',
  'HARNESS_DRIFT_OCEANCONNECT_APP_ID',
  'HARNESS_DRIFT_OCEANCONNECT_TOKEN',
  'HARNESS_DRIFT_IOTDA_TOKEN',
  'HARNESS_DRIFT_IOTDA_AK',
  'HARNESS_DRIFT_IOTDA_SK',
  'HARNESS_DRIFT_ENOS_HEADERS',
  'HARNESS_DRIFT_OCEANCONNECT_HEADERS',
  'HARNESS_DRIFT_IOTDA_HEADERS',
] as const;

export type VendorCredentials = Partial<Record<Vendor, Pick<ReplayTarget, 'headers' | 'aksk'>>>;

const extraHeaders = (env: Record<string, string | undefined>, name: string): Record<string, string> => {
  const text = env[name];
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${name} must be a JSON object of header names to values`);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
};

/** Headers and AK/SK per vendor from the environment; throws with the variable's name when one is malformed. */
export const credentialsFromEnv = (env: Record<string, string | undefined>): VendorCredentials => {
  const out: VendorCredentials = {};
  const enos: Record<string, string> = {};
  if (env.HARNESS_DRIFT_ENOS_ACCESS_TOKEN) enos['apim-accesstoken'] = env.HARNESS_DRIFT_ENOS_ACCESS_TOKEN;
  const oc: Record<string, string> = {};
  if (env.HARNESS_DRIFT_OCEANCONNECT_APP_ID) oc.app_key = env.HARNESS_DRIFT_OCEANCONNECT_APP_ID;
  if (env.HARNESS_DRIFT_OCEANCONNECT_TOKEN)
    oc.authorization = `Bearer ${env.HARNESS_DRIFT_OCEANCONNECT_TOKEN}`;
  const iotda: Record<string, string> = {};
  if (env.HARNESS_DRIFT_IOTDA_TOKEN) iotda['x-auth-token'] = env.HARNESS_DRIFT_IOTDA_TOKEN;
  const headers = {
    enos: { ...enos, ...extraHeaders(env, 'HARNESS_DRIFT_ENOS_HEADERS') },
    oceanconnect: { ...oc, ...extraHeaders(env, 'HARNESS_DRIFT_OCEANCONNECT_HEADERS') },
    iotda: { ...iotda, ...extraHeaders(env, 'HARNESS_DRIFT_IOTDA_HEADERS') },
  };
  for (const v of ['enos', 'oceanconnect', 'iotda'] as const)
    if (Object.keys(headers[v]).length > 0) out[v] = { headers: headers[v] };
  if (env.HARNESS_DRIFT_IOTDA_AK && env.HARNESS_DRIFT_IOTDA_SK)
    out.iotda = { ...out.iotda, aksk: { ak: env.HARNESS_DRIFT_IOTDA_AK, sk: env.HARNESS_DRIFT_IOTDA_SK } };
  return out;
};

// Credentials for `harness drift` against a real endpoint, read from an environment record passed in by the CLI entry point.
import type { Vendor } from '../contracts/common/problem.ts';
import { VENDORS } from '../vendors/index.ts';
import type { ReplayTarget } from './replay.ts';

/** The generic variable of a vendor: a JSON object of further headers, applied last. */
const headersVariable = (vendor: Vendor): string => `HARNESS_DRIFT_${vendor.toUpperCase()}_HEADERS`;

/**
 * Every variable `harness drift` reads (all optional): each vendor's own (drift/<vendor>/plugin.ts: tokens, app ids,
 * AK/SK), then HARNESS_DRIFT_<VENDOR>_HEADERS of each vendor.
 */
export const driftEnv = (): string[] => [
  ...VENDORS.flatMap((v) => v.drift.env),
  ...VENDORS.map((v) => headersVariable(v.id)),
];

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
  for (const v of VENDORS) {
    const own = v.drift.credentials(env);
    const headers = { ...own.headers, ...extraHeaders(env, headersVariable(v.id)) };
    const entry: Pick<ReplayTarget, 'headers' | 'aksk'> = {};
    if (Object.keys(headers).length > 0) entry.headers = headers;
    if (own.aksk) entry.aksk = own.aksk;
    if (entry.headers || entry.aksk) out[v.id] = entry;
  }
  return out;
};

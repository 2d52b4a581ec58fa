// A team's credentials and ids for `harness drift` against a real endpoint, read from an environment record passed in by the CLI entry point.
import type { Vendor } from '../contracts/common/problem.ts';
import { VENDORS } from '../vendors/index.ts';
import type { EndpointCredentials } from './vendor.ts';

/** The generic variable of a vendor: a JSON object of further headers, applied last. */
const headersVariable = (vendor: Vendor): string => `HARNESS_DRIFT_${vendor.toUpperCase()}_HEADERS`;

/** From the pacts' example ids (project, device, org, asset ids, ThingModel identifiers) to the team's. */
export const IDS_VARIABLE = 'HARNESS_DRIFT_IDS';

/**
 * Every variable `harness drift` reads (all optional): each vendor's own (drift/<vendor>/plugin.ts: tokens, app ids,
 * secrets, AK/SK), HARNESS_DRIFT_<VENDOR>_HEADERS of each vendor, and HARNESS_DRIFT_IDS.
 */
export const driftEnv = (): string[] => [
  ...VENDORS.flatMap((v) => v.drift.env),
  ...VENDORS.map((v) => headersVariable(v.id)),
  IDS_VARIABLE,
];

export type DriftCredentials = {
  perVendor: Partial<Record<Vendor, EndpointCredentials>>;
  /** The pacts' example ids and the team's values for them. */
  ids: Record<string, string>;
};

const jsonObject = (env: Record<string, string | undefined>, name: string): Record<string, string> => {
  const text = env[name];
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${name} must be a JSON object`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${name} must be a JSON object`);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
};

/** Credentials per vendor and the id map from the environment; throws with the variable's name when one is malformed. */
export const credentialsFromEnv = (env: Record<string, string | undefined>): DriftCredentials => {
  const perVendor: DriftCredentials['perVendor'] = {};
  for (const v of VENDORS) {
    const own = v.drift.credentials(env);
    const entry: EndpointCredentials = {
      ...own,
      headers: { ...own.headers, ...jsonObject(env, headersVariable(v.id)) },
    };
    if (Object.keys(entry.headers).length > 0 || entry.aksk || entry.appSecret || entry.bodyFields)
      perVendor[v.id] = entry;
  }
  return { perVendor, ids: jsonObject(env, IDS_VARIABLE) };
};

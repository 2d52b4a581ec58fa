// OceanConnect's part of drift and pact verification: its app and token variables, its default state, its quirk explanations.
import type { DriftVendor } from '../vendor.ts';
import { defaultState } from './default-state.ts';
import { EXPLANATIONS, MISSPELLINGS } from './explanations.ts';

export const drift: DriftVendor = {
  env: ['HARNESS_DRIFT_OCEANCONNECT_APP_ID', 'HARNESS_DRIFT_OCEANCONNECT_TOKEN'],
  /** Sent as `app_key` and `Authorization: Bearer …`. */
  credentials: (env) => ({
    headers: {
      ...(env.HARNESS_DRIFT_OCEANCONNECT_APP_ID ? { app_key: env.HARNESS_DRIFT_OCEANCONNECT_APP_ID } : {}),
      ...(env.HARNESS_DRIFT_OCEANCONNECT_TOKEN
        ? { authorization: `Bearer ${env.HARNESS_DRIFT_OCEANCONNECT_TOKEN}` }
        : {}),
    },
  }),
  defaultState,
  /** Bearer tokens survive a replay as they are. */
  resign: () => {},
  explanations: EXPLANATIONS,
  misspellings: MISSPELLINGS,
};

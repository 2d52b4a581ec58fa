// OceanConnect's part of drift and pact verification: its app and token variables, its default state, its quirk explanations.
import { DRIFT_FACTS, DRIFT_NEEDS } from '../../contracts/oceanconnect/drift.ts';
import type { DriftVendor } from '../vendor.ts';
import { defaultState } from './default-state.ts';
import { thirdParty } from './third-party.ts';
import { EXPLANATIONS } from './explanations.ts';

export const drift: DriftVendor = {
  env: [
    'HARNESS_DRIFT_OCEANCONNECT_APP_ID',
    'HARNESS_DRIFT_OCEANCONNECT_TOKEN',
    'HARNESS_DRIFT_OCEANCONNECT_SECRET',
  ],
  /**
   * App id and token: sent as `app_key` and `Authorization: Bearer …`. With the secret, the login form carries the app
   * id and the secret (and the token it returns replaces the given one: only the latest token is valid).
   */
  credentials: (env) => ({
    headers: {
      ...(env.HARNESS_DRIFT_OCEANCONNECT_APP_ID ? { app_key: env.HARNESS_DRIFT_OCEANCONNECT_APP_ID } : {}),
      ...(env.HARNESS_DRIFT_OCEANCONNECT_TOKEN
        ? { authorization: `Bearer ${env.HARNESS_DRIFT_OCEANCONNECT_TOKEN}` }
        : {}),
    },
    ...(env.HARNESS_DRIFT_OCEANCONNECT_SECRET
      ? {
          bodyFields: {
            ...(env.HARNESS_DRIFT_OCEANCONNECT_APP_ID
              ? { appId: env.HARNESS_DRIFT_OCEANCONNECT_APP_ID }
              : {}),
            secret: env.HARNESS_DRIFT_OCEANCONNECT_SECRET,
          },
        }
      : {}),
  }),
  facts: DRIFT_FACTS,
  needs: DRIFT_NEEDS,
  defaultState,
  thirdParty,
  /** Bearer tokens survive a replay as they are. */
  resign: () => {},
  explanations: EXPLANATIONS,
};

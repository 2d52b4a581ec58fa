// IoTDA's part of drift and pact verification: its token and AK/SK variables, its default state, AK/SK signed again, its quirk explanations.
import { firstValue } from '../pact-file.ts';
import { resignAkskRequest } from '../../simulators/iotda/pact-resign.ts';
import { DRIFT_FACTS, DRIFT_NEEDS } from '../../contracts/iotda/drift.ts';
import type { DriftVendor } from '../vendor.ts';
import { defaultState } from './default-state.ts';
import { thirdParty } from './third-party.ts';
import { EXPLANATIONS } from './explanations.ts';

export const drift: DriftVendor = {
  env: ['HARNESS_DRIFT_IOTDA_TOKEN', 'HARNESS_DRIFT_IOTDA_AK', 'HARNESS_DRIFT_IOTDA_SK'],
  /** The token is sent as `X-Auth-Token`; with AK and SK, AK/SK requests are signed again with them. */
  credentials: (env) => ({
    headers: { ...(env.HARNESS_DRIFT_IOTDA_TOKEN ? { 'x-auth-token': env.HARNESS_DRIFT_IOTDA_TOKEN } : {}) },
    ...(env.HARNESS_DRIFT_IOTDA_AK && env.HARNESS_DRIFT_IOTDA_SK
      ? { aksk: { ak: env.HARNESS_DRIFT_IOTDA_AK, sk: env.HARNESS_DRIFT_IOTDA_SK } }
      : {}),
  }),
  facts: DRIFT_FACTS,
  needs: DRIFT_NEEDS,
  defaultState,
  thirdParty,
  /** AK/SK requests are signed again for the target's host, with the state's AK/SK (or the target's). */
  resign: ({ method, url, headers, body, state, aksk }) => {
    if (!firstValue(headers.authorization)?.startsWith('SDK-HMAC-SHA256')) return;
    headers.host = url.host;
    resignAkskRequest(
      {
        method,
        url: `${url.pathname}${url.search}`,
        headers,
        body: body !== undefined && !(body instanceof URLSearchParams) ? body : undefined,
      },
      state,
      aksk,
    );
  },
  explanations: EXPLANATIONS,
};

// EnOS's part of drift and pact verification: its token variable, its default state, apim-* signed again, its quirk explanations.
import { apimHeaders } from '../../contracts/enos/signing.ts';
import { DRIFT_FACTS, DRIFT_NEEDS } from '../../contracts/enos/drift.ts';
import type { DriftVendor } from '../vendor.ts';
import { defaultState } from './default-state.ts';
import { thirdParty } from './third-party.ts';
import { EXPLANATIONS } from './explanations.ts';

/** The app secret an EnOS provider state gives (ours, or the documented default's), if any. */
const secretOf = (state: { params?: unknown } | undefined): string | undefined => {
  const app = (state?.params as { app?: { appSecret?: unknown } } | undefined)?.app;
  return typeof app?.appSecret === 'string' ? app.appSecret : undefined;
};

export const drift: DriftVendor = {
  env: ['HARNESS_DRIFT_ENOS_ACCESS_TOKEN', 'HARNESS_DRIFT_ENOS_APP_SECRET'],
  /** HARNESS_DRIFT_ENOS_ACCESS_TOKEN: sent as `apim-accesstoken`; HARNESS_DRIFT_ENOS_APP_SECRET: apim-signature made with it. */
  credentials: (env) => ({
    headers: {
      ...(env.HARNESS_DRIFT_ENOS_ACCESS_TOKEN
        ? { 'apim-accesstoken': env.HARNESS_DRIFT_ENOS_ACCESS_TOKEN }
        : {}),
    },
    ...(env.HARNESS_DRIFT_ENOS_APP_SECRET ? { appSecret: env.HARNESS_DRIFT_ENOS_APP_SECRET } : {}),
  }),
  facts: DRIFT_FACTS,
  needs: DRIFT_NEEDS,
  defaultState,
  thirdParty,
  /** apim-* requests are signed again over exactly what goes out, with the app secret of the provider state (or the target's). */
  resign: ({ url, headers, body, state, appSecret }) => {
    const secret = secretOf(state) ?? appSecret;
    const token = headers['apim-accesstoken'];
    if (!secret || !token || !headers['apim-signature']) return;
    Object.assign(
      headers,
      apimHeaders({
        accessToken: token,
        query: Object.fromEntries(url.searchParams),
        bodyText: body === undefined || body instanceof URLSearchParams ? undefined : JSON.stringify(body),
        timestamp: Date.now(),
        appSecret: secret,
      }),
    );
  },
  explanations: EXPLANATIONS,
};

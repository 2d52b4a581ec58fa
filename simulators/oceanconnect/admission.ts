// The checks every command call passes before its handler runs: faults, app_key, throttle, token, target application.
import type { FastifyRequest } from 'fastify';
import { AuthHeaders } from '../../contracts/oceanconnect/requests.ts';
import { OC, type OcAnswer } from './answers.ts';
import type { Core } from './core.ts';

export type Admission = { ok: true; appId: string } | { ok: false; answer: OcAnswer };

const headerOf = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const BEARER = AuthHeaders.shape.Authorization;

/**
 * In this order: an injected fault; `app_key` missing (500 100220); `app_key` naming no application (403 100203);
 * the application's throttle (403 1010009: every call of a known application counts, before its token is looked
 * at, so a client that keeps hammering with a bad token is throttled too); `Authorization` missing, malformed, not
 * the application's latest token, or expired (403 1010005); the `appId` query naming another application (100203 when
 * it does not exist, 100217 when it exists: applications cannot authorise each other here), with the configured
 * status. Returns the application the call acts for.
 */
export const admit = (w: Core, req: FastifyRequest): Admission => {
  const appKey = headerOf(req, 'app_key');
  const fault = w.faults.take(appKey);
  if (fault) return { ok: false, answer: fault };
  if (appKey === undefined) return { ok: false, answer: OC.appKeyMissing() };
  if (!w.apps.has(appKey))
    return { ok: false, answer: OC.appNotExisted(403, `app_key names no application: ${appKey}`) };
  // The call's one platform time: the throttle decides on it and the journal records it.
  const now = req.callTime();
  const decision = w.throttle.check(appKey, now);
  if (!decision.allowed) return { ok: false, answer: OC.throttled(decision.retryAfterMs) };
  const auth = BEARER.safeParse(headerOf(req, 'authorization'));
  if (!auth.success)
    return { ok: false, answer: OC.tokenInvalid('Authorization must be "Bearer {accessToken}"') };
  const check = w.apps.checkToken(appKey, auth.data.slice('Bearer '.length), now);
  if (check !== 'valid')
    return {
      ok: false,
      answer: OC.tokenInvalid(`the access token is ${check === 'unknown' ? 'not known' : check}`),
    };
  const target = (req.query as Record<string, unknown> | undefined)?.appId;
  if (typeof target === 'string' && target !== appKey) {
    const status = w.settings.refusalStatus;
    return {
      ok: false,
      answer: w.apps.has(target)
        ? OC.appNotAuthorized(status, `application ${target} has not authorised ${appKey}`)
        : OC.appNotExisted(status, `the appId query names no application: ${target}`),
    };
  }
  return { ok: true, appId: appKey };
};

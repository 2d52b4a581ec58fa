// The login route (POST /iocm/app/sec/v1.1.0/login): form fields appId and secret in, a new access token out.
import type { FastifyInstance } from 'fastify';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { LoginForm } from '../../contracts/oceanconnect/requests.ts';
import { OC, send, success } from './answers.ts';
import { parse } from './request.ts';
import type { Core } from './core.ts';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Not counted by the throttle (it carries no app_key), unless the application was registered with `loginsCount` (a
 * planning what-if: then a login over the limit is 403 1010009 like any call). A body that is not a form, or a form without appId or secret,
 * is 400 100022; an unknown appId is 403 100203; a wrong secret is 403 1010005 (the vendor documents no login errors
 * in our sources: these are the nearest rows of the table).
 */
export const registerLogin = (app: FastifyInstance, w: Core): void => {
  app.post(OC_PATHS.login, async (req, reply) => {
    const formAppId = (req.body as Record<string, unknown> | undefined)?.appId;
    const fault = w.faults.take(typeof formAppId === 'string' ? formAppId : undefined);
    if (fault) return send(reply, fault);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== FORM)
      return send(reply, OC.inputInvalid(`login takes a ${FORM} body, not ${type || 'none'}`));
    const form = parse(LoginForm, req.body, 'form');
    if (!form.ok) return send(reply, form.answer);
    const { appId, secret } = form.value;
    if (!w.apps.has(appId)) return send(reply, OC.appNotExisted(403, `no application ${appId}`));
    if (!w.apps.secretMatches(appId, secret))
      return send(reply, OC.tokenInvalid(`wrong secret for application ${appId}`));
    if (w.apps.loginsCount(appId)) {
      const decision = w.throttle.check(appId, req.callTime());
      if (!decision.allowed) return send(reply, OC.throttled(decision.retryAfterMs));
    }
    return send(reply, success(200, w.apps.login(appId, w.now())));
  });
};

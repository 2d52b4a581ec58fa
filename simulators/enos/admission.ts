// The checks every EnOS command call passes before its action runs: one value per query name, apim auth, the application's throttle.
import type { EnosFailure } from './answers.ts';
import { authenticateCall } from './auth.ts';
import type { CommandCall } from './call.ts';
import type { Core } from './core.ts';

export type Admission =
  | { ok: true; query: Record<string, string>; appKey: string | undefined }
  | { ok: false; failure: EnosFailure };

/**
 * In the gateway's order: a repeated query name (99400, the signature would be ambiguous), the apim-* headers (token
 * codes), the application's throttle. Returns the query, one value per name, and the calling application's key (absent: a poseidon-signed call).
 */
export const admit = (core: Core, call: CommandCall): Admission => {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.query)) {
    if (Array.isArray(value))
      return {
        ok: false,
        failure: { kind: 'invalid-argument', field: name, reason: `${name} is given more than once` },
      };
    if (value !== undefined) query[name] = value;
  }
  const now = call.callTime();
  const auth = authenticateCall(
    core.world,
    { headers: call.headers, query, rawBody: call.rawBody },
    now,
    core.options,
  );
  if (!auth.ok) return { ok: false, failure: { kind: 'documented', code: auth.code } };
  const allowed = core.throttle.check(auth.app, now);
  if (!allowed.allowed) {
    const { limit, windowMs } = core.throttle.config;
    return { ok: false, failure: { kind: 'throttled', app: auth.app, limit, windowMs } };
  }
  return { ok: true, query, appKey: auth.appKey };
};

// Who is calling: an `X-Auth-Token` the simulator issued, or an AK/SK signature (SDK-HMAC-SHA256 or derived V11-HMAC-SHA256) verified over the raw request.
import type { IncomingHttpHeaders } from 'node:http';
import { SDK_HMAC_SCHEME, verifySignature } from '../../contracts/iotda/signing.ts';
import { derivedScheme } from '../../contracts/iotda/derived-signing.ts';
import { spellingsBeforeFrontDoor } from '../wiremock/forwarding.ts';
import { AkskAuthHeaders, TokenAuthHeaders } from '../../contracts/iotda/requests.ts';
import { type Answer, authenticationFailed } from './answers.ts';
import type { World, Principal } from './world.ts';

/** A request as the platform server received it; `rawBody` is the exact body text the client sent. */
export type RawRequest = { method: string; url: string; headers: IncomingHttpHeaders; rawBody: string };

/** Why authentication failed, for the `x-harness-auth-failure` header (the body stays the vendor's verbatim text). */
export type AuthFailure =
  | 'no-credentials'
  | 'malformed-token-header'
  | 'unknown-token'
  | 'malformed-signature-headers'
  | 'missing-header'
  | 'malformed-authorization'
  | 'unsupported-algorithm'
  | 'bad-date'
  | 'credential-scope'
  | 'date-skew'
  | 'unknown-access-key'
  | 'signed-header-missing'
  | 'signature-mismatch';

export type AuthOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; failure: AuthFailure; answer: Answer };

const refuse = (failure: AuthFailure): AuthOutcome => ({
  ok: false,
  failure,
  answer: authenticationFailed(),
});

/**
 * The token wins when both headers are present (contracts/iotda/requests.ts). A signature is checked with the SK of
 * its access key (SDK-HMAC-SHA256) or the key derived from it for the fleet's region and `iotdm` (V11-HMAC-SHA256)
 * over method, path, query, the signed headers and the body bytes as received; the X-Sdk-Date is not compared with
 * the platform clock (a simulated clock may run anywhere in time).
 */
export const authenticate = (req: RawRequest, world: World): AuthOutcome => {
  if (req.headers['x-auth-token'] !== undefined) {
    const parsed = TokenAuthHeaders.safeParse(req.headers);
    if (!parsed.success) return refuse('malformed-token-header');
    const token = parsed.data['x-auth-token'];
    return world.hasToken(token)
      ? { ok: true, principal: { kind: 'token', token } }
      : refuse('unknown-token');
  }
  if (req.headers.authorization !== undefined) {
    if (!AkskAuthHeaders.safeParse(req.headers).success) return refuse('malformed-signature-headers');
    const verdict = verifySignature(
      { method: req.method, url: req.url, headers: req.headers, body: req.rawBody },
      (ak) => world.skOf(ak),
      {
        schemes: [SDK_HMAC_SCHEME, derivedScheme({ region: world.region })],
        // The front door's Jetty re-spells the case of some values (charset=utf-8 -> UTF-8) that clients may sign.
        spellings: spellingsBeforeFrontDoor,
      },
    );
    return verdict.ok
      ? { ok: true, principal: { kind: 'aksk', ak: verdict.ak } }
      : refuse(verdict.failure.reason);
  }
  return refuse('no-credentials');
};

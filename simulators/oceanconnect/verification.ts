// What Pact verification of the OceanConnect pact needs from the simulator: replay fixtures, and the login form sent as a form again.
import type { ProviderVerification } from '../../contracts/common/provider-verify.ts';
import type { Fleet } from './fleet.ts';
import { fixtureFor } from './replay-cases.ts';

type Filter = NonNullable<ProviderVerification['requestFilter']>;
type VerifierRequest = Parameters<Filter>[0];

const FORM = 'application/x-www-form-urlencoded';

/**
 * Pact's verifier proxy parses a form body into an object and then forwards it as JSON text, under the form's
 * content type and length. The platform would read garbage; this sends the form again as a form.
 */
export const restoreFormBody = (req: VerifierRequest): void => {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const body: unknown = req.body;
  if (type !== FORM || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return;
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) form.append(k, String(v));
  req.body = Buffer.from(form.toString());
};

/** The request filter of both OceanConnect verifications (stateful and replay). */
export const ocRequestFilter: Filter = (req) => restoreFormBody(req);

/** The vendor's part of a provider verification (contracts/verify-all.ts): replay fixtures, form bodies restored. */
export const providerVerification = (
  _fleet: Fleet,
): Pick<ProviderVerification, 'fixtureFor' | 'requestFilter'> => ({
  fixtureFor,
  requestFilter: ocRequestFilter,
});

// Re-signs an AK/SK request the Pact verifier replays (the pact holds only an example signature) with real credentials.
import type { IncomingHttpHeaders } from 'node:http';
import {
  parseAuthorization,
  type QueryParams,
  SDK_SIGNING_ALGORITHM,
  sign,
} from '../../contracts/iotda/signing.ts';
import { SeededAuth } from '../../contracts/iotda/provider-states.ts';

/** The parts of the verifier proxy's (express) request that are read and rewritten. */
export type ReplayedRequest = {
  method: string;
  url: string;
  originalUrl?: string;
  headers: IncomingHttpHeaders;
  /** As the proxy's body parsers left it: parsed JSON, a Buffer, or undefined. */
  body?: unknown;
};

export type ResignOutcome =
  | { resigned: true; ak: string; signedHeaders: string }
  | { resigned: false; reason: 'not-aksk' | 'no-credentials' | 'malformed-authorization' };

const headerText = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v.join(', ') : v;

/** The body bytes the Pact proxy will send: what its parseBody() makes of `req.body`. */
const bodyAsSent = (body: unknown): string | Buffer | undefined => {
  if (!body) return undefined;
  if (Buffer.isBuffer(body)) return body;
  return typeof body === 'object' ? JSON.stringify(body) : undefined;
};

const queryOf = (search: string): QueryParams => {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
};

/**
 * For a request carrying `Authorization: SDK-HMAC-SHA256 ...`: signs it again with the AK/SK of the provider state's
 * `auth` param (or `fallback`), over the request as it will be sent: its method, path and query, the headers its
 * example signature names (with `host` as the proxy will forward it) and the body the proxy will send. Its X-Sdk-Date
 * is kept. Replaces the Authorization header (and Content-Length, which must match the re-serialised body).
 */
export const resignAkskRequest = (
  req: ReplayedRequest,
  state: { params?: unknown } | undefined,
  fallback?: { ak: string; sk: string },
): ResignOutcome => {
  const authorization = headerText(req.headers.authorization);
  if (!authorization?.startsWith(`${SDK_SIGNING_ALGORITHM} `)) return { resigned: false, reason: 'not-aksk' };
  const parsed = parseAuthorization(authorization);
  if (!parsed) return { resigned: false, reason: 'malformed-authorization' };
  const seeded = SeededAuth.safeParse((state?.params as { auth?: unknown } | undefined)?.auth);
  const creds = seeded.success && seeded.data.kind === 'aksk' ? seeded.data : fallback;
  if (!creds) return { resigned: false, reason: 'no-credentials' };

  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = headerText(req.headers[name]);
    if (value !== undefined) headers[name] = value;
  }
  const target = req.originalUrl ?? req.url;
  const cut = target.indexOf('?');
  const body = bodyAsSent(req.body);
  const signed = sign(
    {
      method: req.method,
      path: cut < 0 ? target : target.slice(0, cut),
      query: cut < 0 ? {} : queryOf(target.slice(cut + 1)),
      headers,
      ...(body !== undefined ? { body } : {}),
    },
    { ak: creds.ak, sk: creds.sk },
  );
  req.headers.authorization = signed.authorization;
  if (body !== undefined) req.headers['content-length'] = String(Buffer.byteLength(body));
  return { resigned: true, ak: creds.ak, signedHeaders: signed.signedHeaders };
};

// AK/SK request signing (SDK-HMAC-SHA256) exactly as Huawei's SDKs compute it, and its verification for a server.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { formatHuaweiTime, parseHuaweiTime } from '../common/huawei-time.ts';

export const SDK_SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const HEADER_SDK_DATE = 'X-Sdk-Date';
/** When a request carries this header, its value stands in for the body hash (e.g. `UNSIGNED-PAYLOAD`). */
export const HEADER_CONTENT_SHA256 = 'X-Sdk-Content-Sha256';

export type QueryValue = string | number | boolean;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[] | undefined>;

/** A request as it goes on the wire, in the pieces the algorithm reads. */
export type SignableRequest = {
  method: string;
  /** The path as sent (percent-encoded form), without the query, e.g. `/v5/iot/p/devices/d/async-commands`. */
  path: string;
  /** Decoded query parameters; undefined values are left out. */
  query?: QueryParams;
  /** Every header to sign, names in any case; must include `host` (and `X-Sdk-Date`, added by `sign` if absent). */
  headers: Record<string, string>;
  /** The exact body bytes sent; absent or empty for none. */
  body?: string | Uint8Array;
};

export type Credentials = { ak: string; sk: string };

/** The six lines of a canonical request, kept apart so a mismatch can be explained part by part. */
export type CanonicalParts = {
  method: string;
  canonicalUri: string;
  canonicalQueryString: string;
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
};

const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmacHex = (key: string, data: string): string => createHmac('sha256', key).update(data).digest('hex');

/** RFC 3986 percent-encoding as the SDK's urlEncode: unreserved `A-Za-z0-9-._~` kept, UTF-8 bytes as upper-case %XX. */
export const uriEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Each path segment encoded, and always a trailing `/` (the request itself is sent without it). */
export const canonicalUri = (path: string): string => {
  if (!path) return path;
  const encoded = path.split('/').map(uriEncode).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
};

/** Keys sorted (UTF-16 order, before encoding, as the SDK does), `key=value` encoded; array values sorted, one pair each. */
export const canonicalQueryString = (query: QueryParams | undefined): string => {
  const pairs: string[] = [];
  for (const key of Object.keys(query ?? {}).sort()) {
    const value = query?.[key];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? [...value].map(String).sort() : [String(value)];
    for (const v of values) pairs.push(`${uriEncode(key)}=${uriEncode(v)}`);
  }
  return pairs.join('&');
};

type HeaderOrder = 'codepoint' | 'locale';

const lowerCaseHeaders = (headers: Record<string, string>): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) out.set(name.toLowerCase(), value);
  return out;
};

const sortNames = (names: string[], order: HeaderOrder): string[] =>
  order === 'codepoint'
    ? [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    : [...names].sort((a, b) => a.localeCompare(b));

/** `name;name;...`: lower-cased header names in code-point order. */
export const signedHeaderNames = (headers: Record<string, string>): string =>
  sortNames([...lowerCaseHeaders(headers).keys()], 'codepoint').join(';');

/** One `name:value\n` line per header: lower-cased names, trimmed values, sorted. */
export const canonicalHeaders = (
  headers: Record<string, string>,
  order: HeaderOrder = 'codepoint',
): string => {
  const lower = lowerCaseHeaders(headers);
  return sortNames([...lower.keys()], order)
    .map((name) => `${name}:${(lower.get(name) ?? '').trim()}\n`)
    .join('');
};

/** Hex SHA-256 of the body, or the X-Sdk-Content-Sha256 header's value when the request carries one. */
export const payloadHash = (req: Pick<SignableRequest, 'headers' | 'body'>): string => {
  const declared = lowerCaseHeaders(req.headers).get(HEADER_CONTENT_SHA256.toLowerCase());
  if (declared) return declared;
  return req.body === undefined || req.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(req.body);
};

export const canonicalParts = (req: SignableRequest, order: HeaderOrder = 'codepoint'): CanonicalParts => ({
  method: req.method,
  canonicalUri: canonicalUri(req.path),
  canonicalQueryString: canonicalQueryString(req.query),
  canonicalHeaders: canonicalHeaders(req.headers, order),
  signedHeaders: signedHeaderNames(req.headers),
  payloadHash: payloadHash(req),
});

/** method \n URI \n query \n headers (each ending in \n, hence a blank line) \n signed headers \n payload hash. */
export const joinCanonicalRequest = (p: CanonicalParts): string =>
  [p.method, p.canonicalUri, p.canonicalQueryString, p.canonicalHeaders, p.signedHeaders, p.payloadHash].join(
    '\n',
  );

export const canonicalRequest = (req: SignableRequest): string => joinCanonicalRequest(canonicalParts(req));

export const stringToSign = (sdkDate: string, canonical: string): string =>
  [SDK_SIGNING_ALGORITHM, sdkDate, sha256Hex(canonical)].join('\n');

export const signature = (sk: string, toSign: string): string => hmacHex(sk, toSign);

export const authorizationHeader = (ak: string, signedHeaders: string, sig: string): string =>
  `${SDK_SIGNING_ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${sig}`;

export type SignResult = {
  /** The request's headers plus `X-Sdk-Date` (when it was added) and `Authorization`: send all of them. */
  headers: Record<string, string>;
  authorization: string;
  sdkDate: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
};

/**
 * Signs a request: adds `X-Sdk-Date` (from `now`, unless the request has one), signs every header given (the caller
 * includes `host`), and returns the headers to send with `Authorization`.
 */
export const sign = (req: SignableRequest, creds: Credentials, now: () => number = Date.now): SignResult => {
  const given = lowerCaseHeaders(req.headers).get(HEADER_SDK_DATE.toLowerCase());
  const sdkDate = given ?? formatHuaweiTime(now());
  const headers = given === undefined ? { ...req.headers, [HEADER_SDK_DATE]: sdkDate } : { ...req.headers };
  const parts = canonicalParts({ ...req, headers });
  const canonical = joinCanonicalRequest(parts);
  const toSign = stringToSign(sdkDate, canonical);
  const sig = signature(creds.sk, toSign);
  const authorization = authorizationHeader(creds.ak, parts.signedHeaders, sig);
  return {
    headers: { ...headers, Authorization: authorization },
    authorization,
    sdkDate,
    signedHeaders: parts.signedHeaders,
    canonicalRequest: canonical,
    stringToSign: toSign,
    signature: sig,
  };
};

// ---- verification ----------------------------------------------------------------------------------------------

export type ParsedAuthorization = {
  algorithm: string;
  ak: string;
  signedHeaders: string[];
  signature: string;
};

/** Reads `SDK-HMAC-SHA256 Access=<ak>, SignedHeaders=<a;b>, Signature=<hex>`; undefined when it is not that shape. */
export const parseAuthorization = (value: string): ParsedAuthorization | undefined => {
  const m = /^(\S+)\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9A-Fa-f]+)\s*$/.exec(
    value,
  );
  if (!m) return undefined;
  const [, algorithm, ak, signed, sig] = m as unknown as [string, string, string, string, string];
  return { algorithm, ak, signedHeaders: signed.split(';').filter(Boolean), signature: sig.toLowerCase() };
};

/** A request as a server received it. */
export type ReceivedRequest = {
  method: string;
  /** The request target as received: path plus `?query`, e.g. `/v5/iot/p/devices/d/async-commands?limit=10`. */
  url: string;
  /** Header names lower-cased (as node:http and fastify give them); repeated headers as arrays. */
  headers: Record<string, string | string[] | undefined>;
  body?: string | Uint8Array;
};

export type VerifyOptions = {
  /** Server clock for the skew check. */
  now?: () => number;
  /** Largest accepted |now - X-Sdk-Date|; the skew check is off when undefined. */
  maxSkewMs?: number;
};

export type SignatureFailure =
  | { reason: 'missing-header'; header: 'authorization' | 'x-sdk-date' }
  | { reason: 'malformed-authorization'; value: string }
  | { reason: 'unsupported-algorithm'; algorithm: string }
  | { reason: 'bad-date'; value: string }
  | { reason: 'date-skew'; sdkDate: string; skewMs: number; maxSkewMs: number }
  | { reason: 'unknown-access-key'; ak: string }
  | { reason: 'signed-header-missing'; header: string }
  | {
      reason: 'signature-mismatch';
      ak: string;
      received: string;
      expected: string;
      /** What this server signed: compare with the client's parts through `explainMismatch`. */
      server: CanonicalParts;
      canonicalRequest: string;
      stringToSign: string;
    };

export type VerifyResult =
  | { ok: true; ak: string; signedHeaders: string[] }
  | { ok: false; failure: SignatureFailure };

const headerValue = (headers: ReceivedRequest['headers'], name: string): string | undefined => {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
};

const queryOf = (search: string): QueryParams => {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
};

const sameHex = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const decodedPath = (path: string): string | undefined => {
  if (!path.includes('%')) return undefined;
  try {
    return path
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return undefined;
  }
};

/**
 * Verifies an SDK-HMAC-SHA256 signature. Failures are data: which header is missing, a malformed or unknown key, the
 * date skew, or, for a wrong signature, everything this server signed (to compare with the client's pieces).
 * Besides the SDKs' common form it accepts the Node SDK's two quirks (header lines in locale order; the path encoded
 * after decoding, as the Python and Go SDKs do), so every official SDK's request verifies.
 */
export const verifySignature = (
  req: ReceivedRequest,
  lookupSk: (ak: string) => string | undefined,
  options: VerifyOptions = {},
): VerifyResult => {
  const authorization = headerValue(req.headers, 'authorization');
  if (authorization === undefined)
    return { ok: false, failure: { reason: 'missing-header', header: 'authorization' } };
  const parsed = parseAuthorization(authorization);
  if (!parsed) return { ok: false, failure: { reason: 'malformed-authorization', value: authorization } };
  if (parsed.algorithm !== SDK_SIGNING_ALGORITHM)
    return { ok: false, failure: { reason: 'unsupported-algorithm', algorithm: parsed.algorithm } };
  const sdkDate = headerValue(req.headers, 'x-sdk-date');
  if (sdkDate === undefined)
    return { ok: false, failure: { reason: 'missing-header', header: 'x-sdk-date' } };
  const dateMs = parseHuaweiTime(sdkDate);
  if (dateMs === undefined) return { ok: false, failure: { reason: 'bad-date', value: sdkDate } };
  if (options.maxSkewMs !== undefined) {
    const skewMs = Math.abs((options.now ?? Date.now)() - dateMs);
    if (skewMs > options.maxSkewMs)
      return { ok: false, failure: { reason: 'date-skew', sdkDate, skewMs, maxSkewMs: options.maxSkewMs } };
  }
  const sk = lookupSk(parsed.ak);
  if (sk === undefined) return { ok: false, failure: { reason: 'unknown-access-key', ak: parsed.ak } };

  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = headerValue(req.headers, name);
    if (value === undefined) return { ok: false, failure: { reason: 'signed-header-missing', header: name } };
    headers[name] = value;
  }
  const cut = req.url.indexOf('?');
  const path = cut < 0 ? req.url : req.url.slice(0, cut);
  const query = cut < 0 ? {} : queryOf(req.url.slice(cut + 1));
  const base: SignableRequest = {
    method: req.method,
    path,
    query,
    headers,
    ...(req.body ? { body: req.body } : {}),
  };

  const candidates: CanonicalParts[] = [];
  const paths = [path, decodedPath(path)].filter((p): p is string => p !== undefined);
  for (const p of paths) {
    for (const order of ['codepoint', 'locale'] as const) {
      const parts = canonicalParts({ ...base, path: p }, order);
      if (!candidates.some((c) => joinCanonicalRequest(c) === joinCanonicalRequest(parts)))
        candidates.push(parts);
    }
  }
  // The client's own SignedHeaders line is what it signed, whatever order it listed the names in.
  for (const parts of candidates) parts.signedHeaders = parsed.signedHeaders.join(';');

  let first: { expected: string; parts: CanonicalParts; canonical: string; toSign: string } | undefined;
  for (const parts of candidates) {
    const canonical = joinCanonicalRequest(parts);
    const toSign = stringToSign(sdkDate, canonical);
    const expected = signature(sk, toSign);
    if (sameHex(expected, parsed.signature))
      return { ok: true, ak: parsed.ak, signedHeaders: parsed.signedHeaders };
    first ??= { expected, parts, canonical, toSign };
  }
  const f = first!;
  return {
    ok: false,
    failure: {
      reason: 'signature-mismatch',
      ak: parsed.ak,
      received: parsed.signature,
      expected: f.expected,
      server: f.parts,
      canonicalRequest: f.canonical,
      stringToSign: f.toSign,
    },
  };
};

export type MismatchPart = keyof CanonicalParts | 'secret-key-or-date';

/**
 * Names the parts of a canonical request that differ between what the server signed and what the client signed;
 * when none differ, the secret key (or the signed date) was different.
 */
export const explainMismatch = (
  server: CanonicalParts,
  client: CanonicalParts,
): { part: MismatchPart; server?: string; client?: string }[] => {
  const keys: (keyof CanonicalParts)[] = [
    'method',
    'canonicalUri',
    'canonicalQueryString',
    'canonicalHeaders',
    'signedHeaders',
    'payloadHash',
  ];
  const diffs = keys
    .filter((k) => server[k] !== client[k])
    .map((k) => ({ part: k as MismatchPart, server: server[k], client: client[k] }));
  return diffs.length > 0 ? diffs : [{ part: 'secret-key-or-date' }];
};

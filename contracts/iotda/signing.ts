// AK/SK request signing (SDK-HMAC-SHA256) exactly as Huawei's SDKs compute it, and its verification (of any signing scheme given) for a server.
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

/** What a signing scheme brings to `signWith`: its key, its string to sign and its Authorization value. */
export type SignerSteps = {
  signingKey(creds: Credentials, sdkDate: string): string;
  stringToSign(sdkDate: string, canonical: string): string;
  authorization(creds: Credentials, signedHeaders: string, sig: string, sdkDate: string): string;
};

const SDK_HMAC_STEPS: SignerSteps = {
  signingKey: (creds) => creds.sk,
  stringToSign: (sdkDate, canonical) => stringToSign(sdkDate, canonical),
  authorization: (creds, signedHeaders, sig) => authorizationHeader(creds.ak, signedHeaders, sig),
};

/**
 * Signs a request with a scheme's steps: adds `X-Sdk-Date` (from `now`, unless the request has one), signs every
 * header given (the caller includes `host`), and returns the headers to send with `Authorization`.
 */
export const signWith = (
  req: SignableRequest,
  creds: Credentials,
  steps: SignerSteps,
  now: () => number = Date.now,
): SignResult => {
  const given = lowerCaseHeaders(req.headers).get(HEADER_SDK_DATE.toLowerCase());
  const sdkDate = given ?? formatHuaweiTime(now());
  const headers = given === undefined ? { ...req.headers, [HEADER_SDK_DATE]: sdkDate } : { ...req.headers };
  const parts = canonicalParts({ ...req, headers });
  const canonical = joinCanonicalRequest(parts);
  const toSign = steps.stringToSign(sdkDate, canonical);
  const sig = signature(steps.signingKey(creds, sdkDate), toSign);
  const authorization = steps.authorization(creds, parts.signedHeaders, sig, sdkDate);
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

/** Signs a request with SDK-HMAC-SHA256 (see `signWith`). */
export const sign = (req: SignableRequest, creds: Credentials, now: () => number = Date.now): SignResult =>
  signWith(req, creds, SDK_HMAC_STEPS, now);

// ---- verification ----------------------------------------------------------------------------------------------

/** The `<date>/<region>/<service>` a derived signature names after its AK (`yyyyMMdd`, e.g. `cn-north-4`, `iotdm`). */
export type CredentialScope = { date: string; region: string; service: string };

export type ParsedAuthorization = {
  algorithm: string;
  ak: string;
  /** Derived signing only. */
  scope?: CredentialScope;
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
  /** The signing schemes accepted, matched by the Authorization header's first word; SDK-HMAC-SHA256 by default. */
  schemes?: readonly SigningScheme[];
  /**
   * Spellings the client may have signed for a header value a proxy handed on as `received` (itself first); each is
   * tried. For a server behind a proxy that re-spells some values (WireMock's Jetty: simulators/wiremock/forwarding.ts).
   */
  spellings?: (name: string, received: string) => readonly string[];
};

export type SignatureFailure =
  | { reason: 'missing-header'; header: 'authorization' | 'x-sdk-date' }
  | { reason: 'malformed-authorization'; value: string }
  | { reason: 'unsupported-algorithm'; algorithm: string }
  | { reason: 'bad-date'; value: string }
  | { reason: 'credential-scope'; field: 'date' | 'region' | 'service'; expected: string; received: string }
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
  | { ok: true; ak: string; algorithm: string; signedHeaders: string[] }
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
 * One way of signing that the verifier understands: how its Authorization header reads, what it checks beyond the
 * signature (a credential scope), and which key and string-to-sign the signature is computed with. The canonical
 * request is the same for every scheme.
 */
export type SigningScheme = {
  algorithm: string;
  /** The header's pieces; undefined when it is not this scheme's shape. */
  parse(value: string): ParsedAuthorization | undefined;
  /** A refusal before any signature is computed (e.g. a credential scope that does not match the request). */
  check?(parsed: ParsedAuthorization, sdkDate: string): SignatureFailure | undefined;
  signingKey(parsed: ParsedAuthorization, sk: string): string;
  stringToSign(parsed: ParsedAuthorization, sdkDate: string, canonical: string): string;
};

/** SDK-HMAC-SHA256: the SK itself signs `SDK-HMAC-SHA256 \n X-Sdk-Date \n hash(canonical request)`. */
export const SDK_HMAC_SCHEME: SigningScheme = {
  algorithm: SDK_SIGNING_ALGORITHM,
  parse: (value) => {
    const parsed = parseAuthorization(value);
    return parsed?.algorithm === SDK_SIGNING_ALGORITHM ? parsed : undefined;
  },
  signingKey: (_parsed, sk) => sk,
  stringToSign: (_parsed, sdkDate, canonical) => stringToSign(sdkDate, canonical),
};

/** The algorithm word at the start of an Authorization value. */
const algorithmOf = (value: string): string => /^(\S+)/.exec(value)?.[1] ?? '';

/**
 * Verifies an AK/SK signature of one of `schemes` (SDK-HMAC-SHA256 alone by default). Failures are data: which header
 * is missing, a malformed or unknown key, the date skew, a credential scope the scheme refuses, or, for a wrong
 * signature, everything this server signed (to compare with the client's pieces).
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
  const schemes = options.schemes ?? [SDK_HMAC_SCHEME];
  const algorithm = algorithmOf(authorization);
  const scheme = schemes.find((s) => s.algorithm === algorithm);
  if (!scheme)
    return /^\S+\s+(Access|Credential)=/.test(authorization)
      ? { ok: false, failure: { reason: 'unsupported-algorithm', algorithm } }
      : { ok: false, failure: { reason: 'malformed-authorization', value: authorization } };
  const parsed = scheme.parse(authorization);
  if (!parsed) return { ok: false, failure: { reason: 'malformed-authorization', value: authorization } };
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
  const refused = scheme.check?.(parsed, sdkDate);
  if (refused) return { ok: false, failure: refused };
  const sk = lookupSk(parsed.ak);
  if (sk === undefined) return { ok: false, failure: { reason: 'unknown-access-key', ak: parsed.ak } };
  const key = scheme.signingKey(parsed, sk);

  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = headerValue(req.headers, name);
    if (value === undefined) return { ok: false, failure: { reason: 'signed-header-missing', header: name } };
    headers[name] = value;
  }
  const cut = req.url.indexOf('?');
  const path = cut < 0 ? req.url : req.url.slice(0, cut);
  const query = cut < 0 ? {} : queryOf(req.url.slice(cut + 1));
  let headerSets = [headers];
  for (const name of parsed.signedHeaders) {
    const others = (options.spellings?.(name, headers[name]!) ?? []).filter((v) => v !== headers[name]);
    if (others.length > 0)
      headerSets = headerSets.flatMap((h) => [h, ...others.map((v) => ({ ...h, [name]: v }))]);
  }
  const base = { method: req.method, path, query, ...(req.body ? { body: req.body } : {}) };

  const candidates: CanonicalParts[] = [];
  const paths = [path, decodedPath(path)].filter((p): p is string => p !== undefined);
  for (const h of headerSets) {
    for (const p of paths) {
      for (const order of ['codepoint', 'locale'] as const) {
        const parts = canonicalParts({ ...base, headers: h, path: p }, order);
        if (!candidates.some((c) => joinCanonicalRequest(c) === joinCanonicalRequest(parts)))
          candidates.push(parts);
      }
    }
  }
  // The client's own SignedHeaders line is what it signed, whatever order it listed the names in.
  for (const parts of candidates) parts.signedHeaders = parsed.signedHeaders.join(';');

  let first: { expected: string; parts: CanonicalParts; canonical: string; toSign: string } | undefined;
  for (const parts of candidates) {
    const canonical = joinCanonicalRequest(parts);
    const toSign = scheme.stringToSign(parsed, sdkDate, canonical);
    const expected = signature(key, toSign);
    if (sameHex(expected, parsed.signature))
      return { ok: true, ak: parsed.ak, algorithm: scheme.algorithm, signedHeaders: parsed.signedHeaders };
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

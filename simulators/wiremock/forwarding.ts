// What the front door must hand the platform model unchanged (method, target, every end-to-end header, the body), what its Jetty re-spells, and the comparison that says what it changed.

/**
 * Hop-by-hop headers (RFC 9110 section 7.6.1, plus the old `Keep-Alive` and `Proxy-Connection`): they belong to one
 * connection, a proxy consumes or replaces them, and no client signs them. Every other header is end-to-end.
 */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const MEDIA_TYPES = [
  'application/x-www-form-urlencoded',
  'text/html',
  'text/plain',
  'text/xml',
  'text/json',
  'application/json',
];

/**
 * Header values in the HTTP parser cache of the Jetty 11 inside WireMock 3.13.2 (HttpParser.CACHE, read from the
 * jar, and measured through the front door by front-door.test.ts). The cache is case-insensitive (Jetty's
 * `headerCacheCaseSensitive` is off and WireMock has no flag for it), so a received value equal to one of these
 * ignoring case is handed on in this spelling: `application/json; charset=utf-8` becomes `... charset=UTF-8`,
 * `APPLICATION/JSON` becomes `application/json`. Only the case changes, never another byte.
 */
export const JETTY_CACHED_VALUES: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'content-type',
    MEDIA_TYPES.flatMap((t) => [
      t,
      ...['UTF-8', 'ISO-8859-1'].flatMap((charset) => [
        `${t};charset=${charset}`,
        `${t}; charset=${charset}`,
      ]),
    ]),
  ],
  ['accept', ['*/*']],
  ['accept-encoding', ['gzip', 'gzip, deflate', 'gzip, deflate, br']],
  ['accept-ranges', ['bytes']],
  ['cache-control', ['no-cache', 'max-age=0', 'private, no-cache, no-cache=Set-Cookie, proxy-revalidate']],
  ['content-encoding', ['gzip', 'deflate']],
  ['pragma', ['no-cache']],
]);

/** The spelling the front door hands on for this header value: Jetty's cached one, or the value itself. */
export const jettySpelling = (name: string, value: string): string =>
  JETTY_CACHED_VALUES.get(name.toLowerCase())?.find((v) => v.toLowerCase() === value.toLowerCase()) ?? value;

/**
 * Spellings a client may have sent for a value the front door handed on as `received` (itself first): for a Jetty
 * cached value, its all-lower-case form too (`charset=utf-8` is how most clients write it). A verifier tries these
 * where the client signed the header, so a signature over `application/json; charset=utf-8` still holds.
 */
export const spellingsBeforeFrontDoor = (name: string, received: string): string[] =>
  jettySpelling(name, received) === received && JETTY_CACHED_VALUES.has(name.toLowerCase())
    ? [...new Set([received, received.toLowerCase()])]
    : [received];

/** A request as a client put it on the wire: header names in any case, values as their bytes (latin1 text). */
export type SentRequest = {
  method: string;
  /** Path and query exactly as sent, e.g. `/v5/iot/p/devices/d/async-commands?limit=1`. */
  target: string;
  headers: readonly (readonly [string, string])[];
  body: string;
};

/** The same request as the model received it (its journal entry): names lower-cased, repeats joined with ", ". */
export type ReceivedByModel = {
  method: string;
  url: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
};

export type ForwardingDifference =
  | { part: 'method' | 'target' | 'body'; sent: string; received: string }
  | {
      part: 'header';
      name: string;
      sent: string | undefined;
      received: string | undefined;
      /**
       * A known change of the front door: `jetty-case`, only the case changed, to Jetty's cached spelling
       * (JETTY_CACHED_VALUES); `proxy-user-agent`, the client sent no User-Agent and WireMock's HTTP client added its
       * own (no signature can cover a header the client did not send).
       */
      known?: 'jetty-case' | 'proxy-user-agent';
    };

/** End-to-end headers as node:http would present them: lower-cased names, repeated ones joined with ", " in order. */
export const endToEnd = (headers: readonly (readonly [string, string])[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (HOP_BY_HOP.has(key)) continue;
    const prev = out.get(key);
    out.set(key, prev === undefined ? value : `${prev}, ${value}`);
  }
  return out;
};

/**
 * Everything the front door changed between what was sent and what the model received: the method, the request
 * target, each end-to-end header (changed, dropped or added; a change of case to Jetty's spelling is marked), the
 * body. Empty when it forwarded byte for byte.
 */
export const forwardingDifferences = (
  sent: SentRequest,
  received: ReceivedByModel,
): ForwardingDifference[] => {
  const diffs: ForwardingDifference[] = [];
  if (sent.method !== received.method)
    diffs.push({ part: 'method', sent: sent.method, received: received.method });
  if (sent.target !== received.url) diffs.push({ part: 'target', sent: sent.target, received: received.url });
  const want = endToEnd(sent.headers);
  const got = endToEnd(
    Object.entries(received.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as const])),
  );
  for (const name of new Set([...want.keys(), ...got.keys()])) {
    const [sentValue, receivedValue] = [want.get(name), got.get(name)];
    if (sentValue === receivedValue) continue;
    const known =
      sentValue !== undefined &&
      receivedValue !== undefined &&
      jettySpelling(name, sentValue) === receivedValue
        ? 'jetty-case'
        : sentValue === undefined && name === 'user-agent' && receivedValue?.startsWith('Apache-HttpClient/')
          ? 'proxy-user-agent'
          : undefined;
    diffs.push({
      part: 'header',
      name,
      sent: sentValue,
      received: receivedValue,
      ...(known ? { known } : {}),
    });
  }
  if (sent.body !== received.body) diffs.push({ part: 'body', sent: sent.body, received: received.body });
  return diffs;
};

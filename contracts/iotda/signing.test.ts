// Checks our SDK-HMAC-SHA256 signer against Huawei's own Node SDK signer, and the verifier against tampering.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { describe, expect, it } from 'vitest';
import {
  canonicalParts,
  canonicalQueryString,
  canonicalUri,
  explainMismatch,
  parseAuthorization,
  type ReceivedRequest,
  type SignableRequest,
  sign,
  verifySignature,
} from './signing.ts';

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'sKexampleSecretKey0000000000000000000001';
/** The SDK reads only getAk()/getSk() of its credential. */
const credential = { getAk: () => AK, getSk: () => SK } as unknown as Parameters<typeof AKSKSigner.sign>[1];
const HOST = '127.0.0.1:8443';
const ENDPOINT = `http://${HOST}`;

type SdkCase = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | number>;
  data?: Record<string, unknown>;
};

const CASES: SdkCase[] = [
  {
    name: 'GET show, no query',
    method: 'GET',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands/b1224afb-e9f0-4916-8220-b6bab568e888',
    headers: {},
    queryParams: {},
  },
  {
    name: 'GET list with query (unsorted keys, a space, a Huawei time)',
    method: 'GET',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands-history',
    headers: { 'Instance-Id': 'e1b5c3a0-77aa-4c1e-9f00-3c4d5e6f7a8b' },
    queryParams: {
      status: 'EXPIRED',
      limit: 10,
      marker: 'abc def~*',
      offset: 0,
      start_time: '20240305T081500Z',
    },
  },
  {
    name: 'POST create with a JSON body and content-type',
    method: 'POST',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands',
    headers: { 'content-type': 'application/json', 'Instance-Id': 'inst-1' },
    queryParams: {},
    data: {
      service_id: 'ValveControl',
      command_name: 'SET_VALVE',
      paras: { valve: 'CLOSE', note: 'ünïcode ✓' },
      expire_time: 3600,
      send_strategy: 'delay',
    },
  },
  {
    name: 'POST with query and X-Project-Id',
    method: 'POST',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands',
    headers: { 'content-type': 'application/json;charset=UTF-8', 'X-Project-Id': '0a1b2c3d4e' },
    queryParams: { b: '2', a: '1' },
    data: { paras: {}, send_strategy: 'immediately' },
  },
];

/** Huawei's signer: it signs the given headers plus `host` from the endpoint, and adds X-Sdk-Date when absent. */
const sdkSign = (c: SdkCase, sdkDate?: string): Record<string, string> =>
  AKSKSigner.sign(
    {
      method: c.method,
      endpoint: `${ENDPOINT}${c.path}`,
      headers: sdkDate ? { ...c.headers, 'X-Sdk-Date': sdkDate } : { ...c.headers },
      queryParams: c.queryParams,
      data: c.data,
    },
    credential,
  ) as Record<string, string>;

/** The same request for our signer: the body as the bytes that go on the wire (JSON.stringify, as the SDK hashes). */
const ours = (c: SdkCase, sdkDate: string): SignableRequest => ({
  method: c.method,
  path: c.path,
  query: c.queryParams,
  headers: { ...c.headers, host: HOST, 'X-Sdk-Date': sdkDate },
  ...(c.data ? { body: JSON.stringify(c.data) } : {}),
});

describe('canonical pieces', () => {
  it('encodes path segments and always ends the URI with "/"', () => {
    expect(canonicalUri('/v5/iot/p/devices/a b')).toBe('/v5/iot/p/devices/a%20b/');
    expect(canonicalUri('/v5/iot/')).toBe('/v5/iot/');
  });
  it('sorts query keys and encodes with upper-case %XX, keeping only unreserved characters', () => {
    expect(canonicalQueryString({ z: 'a b', a: "it's*", m: ['2', '1'] })).toBe('a=it%27s%2A&m=1&m=2&z=a%20b');
    expect(canonicalQueryString({})).toBe('');
  });
  it('lower-cases and trims header values, one line each, in code-point order', () => {
    const p = canonicalParts({
      method: 'GET',
      path: '/x',
      headers: { Host: ' h ', 'X-Sdk-Date': '20240101T000000Z' },
    });
    expect(p.canonicalHeaders).toBe('host:h\nx-sdk-date:20240101T000000Z\n');
    expect(p.signedHeaders).toBe('host;x-sdk-date');
  });
});

describe('signatures identical to Huawei SDK AKSKSigner.sign', () => {
  it.each(CASES)('$name', (c) => {
    const sdk = sdkSign(c);
    const sdkDate = sdk['X-Sdk-Date'];
    expect(sdkDate).toMatch(/^\d{8}T\d{6}Z$/);
    const mine = sign(ours(c, sdkDate!), { ak: AK, sk: SK });
    expect(mine.authorization).toBe(sdk.Authorization);
    expect(mine.headers.host).toBe(sdk.host);
  });

  it('uses a given X-Sdk-Date as the SDK does, and adds one from the clock when none is given', () => {
    const c = CASES[1]!;
    const fixed = '20240305T081500Z';
    const sdk = sdkSign(c, fixed);
    const withDate = sign(ours(c, fixed), { ak: AK, sk: SK });
    expect(withDate.authorization).toBe(sdk.Authorization);
    const { 'X-Sdk-Date': _drop, ...noDate } = ours(c, fixed).headers;
    const fromClock = sign({ ...ours(c, fixed), headers: noDate }, { ak: AK, sk: SK }, () =>
      Date.UTC(2024, 2, 5, 8, 15, 0),
    );
    expect(fromClock.headers['X-Sdk-Date']).toBe(fixed);
    expect(fromClock.authorization).toBe(sdk.Authorization);
  });

  it('differs from the SDK when the secret differs (the comparison can fail)', () => {
    const c = CASES[0]!;
    const sdk = sdkSign(c);
    const mine = sign(ours(c, sdk['X-Sdk-Date']!), { ak: AK, sk: `${SK}x` });
    expect(mine.authorization).not.toBe(sdk.Authorization);
  });
});

/** What a server receives for an SDK-signed case: lower-cased headers, the query string, the body bytes. */
const received = (c: SdkCase, sdkHeaders: Record<string, string>): ReceivedRequest => {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(sdkHeaders)) headers[k.toLowerCase()] = v;
  const qs = new URLSearchParams(
    Object.entries(c.queryParams).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return {
    method: c.method,
    url: qs ? `${c.path}?${qs}` : c.path,
    headers,
    ...(c.data ? { body: JSON.stringify(c.data) } : {}),
  };
};
const lookup = (ak: string) => (ak === AK ? SK : undefined);

describe('verifySignature', () => {
  it.each(CASES)('accepts the SDK-signed request: $name', (c) => {
    const result = verifySignature(received(c, sdkSign(c)), lookup);
    expect(result).toEqual({
      ok: true,
      ak: AK,
      algorithm: 'SDK-HMAC-SHA256',
      signedHeaders: expect.arrayContaining(['host', 'x-sdk-date']),
    });
  });

  const post = CASES[2]!;
  const list = CASES[1]!;
  const signedPost = () => sdkSign(post, '20240305T081500Z');
  const clientParts = (c: SdkCase) => canonicalParts(ours(c, '20240305T081500Z'));

  const mismatch = (req: ReceivedRequest, c: SdkCase) => {
    const result = verifySignature(req, lookup);
    if (result.ok || result.failure.reason !== 'signature-mismatch') throw new Error(JSON.stringify(result));
    return explainMismatch(result.failure.server, clientParts(c)).map((d) => d.part);
  };

  it('rejects a changed body, naming the payload hash', () => {
    const req = received(post, signedPost());
    expect(mismatch({ ...req, body: String(req.body).replace('CLOSE', 'OPEN') }, post)).toEqual([
      'payloadHash',
    ]);
  });
  it('rejects a changed path, naming the URI', () => {
    const req = received(post, signedPost());
    expect(mismatch({ ...req, url: req.url.replace('dev_01-a', 'dev_01-b') }, post)).toEqual([
      'canonicalUri',
    ]);
  });
  it('rejects a changed signed header, naming the headers', () => {
    const req = received(post, signedPost());
    expect(mismatch({ ...req, headers: { ...req.headers, 'instance-id': 'inst-2' } }, post)).toEqual([
      'canonicalHeaders',
    ]);
  });
  it('rejects a changed query, naming the query string', () => {
    const req = received(list, sdkSign(list, '20240305T081500Z'));
    expect(mismatch({ ...req, url: req.url.replace('limit=10', 'limit=50') }, list)).toEqual([
      'canonicalQueryString',
    ]);
  });
  it('rejects a signature made with another secret key, with no part of the request differing', () => {
    const req = received(post, signedPost());
    const result = verifySignature(req, () => 'not-the-secret');
    if (result.ok || result.failure.reason !== 'signature-mismatch') throw new Error(JSON.stringify(result));
    expect(explainMismatch(result.failure.server, clientParts(post))).toEqual([
      { part: 'secret-key-or-date' },
    ]);
  });

  it('reports missing headers, unknown keys, bad dates and skew as data', () => {
    const req = received(post, signedPost());
    const { authorization: _a, ...noAuth } = req.headers;
    expect(verifySignature({ ...req, headers: noAuth }, lookup)).toEqual({
      ok: false,
      failure: { reason: 'missing-header', header: 'authorization' },
    });
    const { 'x-sdk-date': _d, ...noDate } = req.headers;
    expect(verifySignature({ ...req, headers: noDate }, lookup)).toEqual({
      ok: false,
      failure: { reason: 'missing-header', header: 'x-sdk-date' },
    });
    expect(verifySignature(req, () => undefined)).toEqual({
      ok: false,
      failure: { reason: 'unknown-access-key', ak: AK },
    });
    expect(
      verifySignature({ ...req, headers: { ...req.headers, 'x-sdk-date': '2024-03-05' } }, lookup),
    ).toEqual({
      ok: false,
      failure: { reason: 'bad-date', value: '2024-03-05' },
    });
    const late = Date.UTC(2024, 2, 5, 8, 31, 0);
    expect(verifySignature(req, lookup, { now: () => late, maxSkewMs: 15 * 60_000 })).toEqual({
      ok: false,
      failure: {
        reason: 'date-skew',
        sdkDate: '20240305T081500Z',
        skewMs: 16 * 60_000,
        maxSkewMs: 15 * 60_000,
      },
    });
    expect(verifySignature(req, lookup, { now: () => late, maxSkewMs: 20 * 60_000 }).ok).toBe(true);
    const { 'instance-id': _i, ...noInstance } = req.headers;
    expect(verifySignature({ ...req, headers: noInstance }, lookup)).toEqual({
      ok: false,
      failure: { reason: 'signed-header-missing', header: 'instance-id' },
    });
    expect(
      verifySignature({ ...req, headers: { ...req.headers, authorization: 'Bearer abc' } }, lookup),
    ).toMatchObject({ ok: false, failure: { reason: 'malformed-authorization' } });
    const v11 = String(req.headers.authorization).replace('SDK-HMAC-SHA256', 'V11-HMAC-SHA256');
    expect(verifySignature({ ...req, headers: { ...req.headers, authorization: v11 } }, lookup)).toEqual({
      ok: false,
      failure: { reason: 'unsupported-algorithm', algorithm: 'V11-HMAC-SHA256' },
    });
  });

  it('parses the Authorization header into its pieces', () => {
    expect(
      parseAuthorization(`SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=ABCDEF`),
    ).toEqual({
      algorithm: 'SDK-HMAC-SHA256',
      ak: AK,
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abcdef',
    });
  });

  it('accepts a path that needs encoding, signed as the Node SDK does (wire form) or as Python/Go do (decoded)', () => {
    const wirePath = '/v5/iot/p/devices/a%20b';
    for (const signedPath of [wirePath, '/v5/iot/p/devices/a b']) {
      const signed = sign(
        { method: 'GET', path: signedPath, headers: { host: HOST } },
        { ak: AK, sk: SK },
        () => Date.UTC(2024, 0, 1),
      );
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
      expect(verifySignature({ method: 'GET', url: wirePath, headers }, lookup).ok).toBe(true);
    }
    const other = sign(
      { method: 'GET', path: '/v5/iot/p/devices/a c', headers: { host: HOST } },
      { ak: AK, sk: SK },
    );
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(other.headers)) headers[k.toLowerCase()] = v;
    expect(verifySignature({ method: 'GET', url: wirePath, headers }, lookup).ok).toBe(false);
  });
});

// Checks derived (V11-HMAC-SHA256) signing against Huawei's Node SDK signer, and the verifier scheme against tampering.
import { createHmac } from 'node:crypto';
import { DerivedAKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/DerivedAKSKSigner.js';
import { describe, expect, it } from 'vitest';
import { type ReceivedRequest, SDK_HMAC_SCHEME, sign, verifySignature } from './signing.ts';
import { AkskAuthHeaders } from './requests.ts';
import {
  credentialScope,
  derivedKey,
  derivedScheme,
  IOTDA_DERIVED_SERVICE,
  parseDerivedAuthorization,
  signDerived,
} from './derived-signing.ts';

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'sKexampleSecretKey0000000000000000000001';
const REGION = 'cn-north-4';
const HOST = '127.0.0.1:8443';
const SDK_DATE = '20240305T081500Z';
/** The Node SDK's derived signer reads the AK, SK, region and service of its credential. */
const credential = {
  getAk: () => AK,
  getSk: () => SK,
  getRegionId: () => REGION,
  getDerivedAuthServiceName: () => IOTDA_DERIVED_SERVICE,
} as unknown as Parameters<typeof DerivedAKSKSigner.sign>[1];

type Case = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | number>;
  data?: Record<string, unknown>;
};

const CASES: Case[] = [
  {
    name: 'GET show',
    method: 'GET',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands/b1224afb-e9f0-4916-8220-b6bab568e888',
    headers: {},
    queryParams: {},
  },
  {
    name: 'GET history with a query and Instance-Id',
    method: 'GET',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands-history',
    headers: { 'Instance-Id': 'e1b5c3a0-77aa-4c1e-9f00-3c4d5e6f7a8b' },
    queryParams: { status: 'EXPIRED', limit: 10, marker: 'abc def~*' },
  },
  {
    name: 'POST create with a JSON body',
    method: 'POST',
    path: '/v5/iot/0a1b2c3d4e/devices/dev_01-a/async-commands',
    headers: { 'content-type': 'application/json', 'X-Project-Id': '0a1b2c3d4e' },
    queryParams: {},
    data: { service_id: 'Valve', command_name: 'SET', paras: { note: 'ünïcode ✓' }, send_strategy: 'delay' },
  },
];

const sdkSign = (c: Case): Record<string, string> =>
  DerivedAKSKSigner.sign(
    {
      method: c.method,
      endpoint: `http://${HOST}${c.path}`,
      headers: { ...c.headers, 'X-Sdk-Date': SDK_DATE },
      queryParams: c.queryParams,
      data: c.data,
    },
    credential,
  ) as Record<string, string>;

const request = (c: Case) => ({
  method: c.method,
  path: c.path,
  query: c.queryParams,
  headers: { ...c.headers, host: HOST, 'X-Sdk-Date': SDK_DATE },
  ...(c.data ? { body: JSON.stringify(c.data) } : {}),
});

const received = (c: Case, headers: Record<string, string>): ReceivedRequest => {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const qs = new URLSearchParams(
    Object.entries(c.queryParams).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return {
    method: c.method,
    url: qs ? `${c.path}?${qs}` : c.path,
    headers: lower,
    ...(c.data ? { body: JSON.stringify(c.data) } : {}),
  };
};
const lookup = (ak: string) => (ak === AK ? SK : undefined);
const schemes = [SDK_HMAC_SCHEME, derivedScheme({ region: REGION })];

describe('derived signatures identical to the Node SDK DerivedAKSKSigner', () => {
  it.each(CASES)('$name', (c) => {
    const sdk = sdkSign(c);
    const mine = signDerived(request(c), { ak: AK, sk: SK }, { region: REGION });
    expect(mine.authorization).toBe(sdk.Authorization);
    expect(mine.authorization).toMatch(
      new RegExp(`^V11-HMAC-SHA256 Credential=${AK}/20240305/${REGION}/iotdm, SignedHeaders=`),
    );
  });

  it('differs from the SDK with another region or secret (the comparison can fail)', () => {
    const c = CASES[0]!;
    const sdk = sdkSign(c);
    expect(signDerived(request(c), { ak: AK, sk: SK }, { region: 'cn-south-1' }).authorization).not.toBe(
      sdk.Authorization,
    );
    expect(signDerived(request(c), { ak: AK, sk: `${SK}x` }, { region: REGION }).authorization).not.toBe(
      sdk.Authorization,
    );
  });

  it('derives the key with HKDF-SHA256 (SK as key material, AK as salt, the scope as info)', () => {
    // RFC 5869 by hand: PRK = HMAC(salt, IKM); OKM = HMAC(PRK, info || 0x01), 32 bytes, written as hex text.
    const scope = credentialScope(SDK_DATE, REGION, IOTDA_DERIVED_SERVICE);
    const prk = createHmac('sha256', AK).update(SK).digest();
    const okm = createHmac('sha256', prk)
      .update(Buffer.concat([Buffer.from(scope), Buffer.from([1])]))
      .digest('hex');
    expect(scope).toBe('20240305/cn-north-4/iotdm');
    expect(derivedKey(AK, SK, scope)).toBe(okm);
  });
});

describe('derivedScheme in verifySignature', () => {
  it.each(CASES)('accepts the SDK-signed request: $name', (c) => {
    expect(verifySignature(received(c, sdkSign(c)), lookup, { schemes })).toMatchObject({
      ok: true,
      ak: AK,
      algorithm: 'V11-HMAC-SHA256',
    });
  });

  it('still accepts SDK-HMAC-SHA256 beside it', () => {
    const c = CASES[2]!;
    const signed = sign(request(c), { ak: AK, sk: SK });
    expect(verifySignature(received(c, signed.headers), lookup, { schemes })).toMatchObject({
      ok: true,
      algorithm: 'SDK-HMAC-SHA256',
    });
  });

  it('is refused where only SDK-HMAC-SHA256 is accepted', () => {
    const c = CASES[0]!;
    expect(verifySignature(received(c, sdkSign(c)), lookup)).toEqual({
      ok: false,
      failure: { reason: 'unsupported-algorithm', algorithm: 'V11-HMAC-SHA256' },
    });
  });

  it('refuses a scope of another region, service or day, and a tampered body', () => {
    const c = CASES[2]!;
    const verdict = (headers: Record<string, string>, body?: string) =>
      verifySignature({ ...received(c, headers), ...(body ? { body } : {}) }, lookup, { schemes });
    const other = (target: { region: string; service?: string }) =>
      signDerived(request(c), { ak: AK, sk: SK }, target).headers;
    expect(verdict(other({ region: 'cn-south-1' }))).toEqual({
      ok: false,
      failure: { reason: 'credential-scope', field: 'region', expected: REGION, received: 'cn-south-1' },
    });
    expect(verdict(other({ region: REGION, service: 'ecs' }))).toEqual({
      ok: false,
      failure: { reason: 'credential-scope', field: 'service', expected: 'iotdm', received: 'ecs' },
    });
    const good = sdkSign(c);
    const otherDay = { ...good, 'X-Sdk-Date': '20240306T081500Z' };
    expect(verdict(otherDay)).toEqual({
      ok: false,
      failure: { reason: 'credential-scope', field: 'date', expected: '20240306', received: '20240305' },
    });
    expect(verdict(good, JSON.stringify({ ...c.data, send_strategy: 'immediately' }))).toMatchObject({
      ok: false,
      failure: { reason: 'signature-mismatch', ak: AK },
    });
    const wrongSk = verifySignature(received(c, good), () => `${SK}x`, { schemes });
    expect(wrongSk).toMatchObject({ ok: false, failure: { reason: 'signature-mismatch' } });
  });

  it('parses the header into its pieces, and the contract accepts its shape', () => {
    const auth = sdkSign(CASES[0]!).Authorization!;
    expect(parseDerivedAuthorization(auth)).toEqual({
      algorithm: 'V11-HMAC-SHA256',
      ak: AK,
      scope: { date: '20240305', region: REGION, service: 'iotdm' },
      signedHeaders: ['host', 'x-sdk-date'],
      signature: auth.slice(-64),
    });
    expect(parseDerivedAuthorization('V11-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=00')).toBe(
      undefined,
    );
    expect(AkskAuthHeaders.safeParse({ authorization: auth, 'x-sdk-date': SDK_DATE }).success).toBe(true);
  });
});

// Auth over real HTTP on 127.0.0.1: requests signed by Huawei's own SDK signer pass, tampered ones and bad tokens get 401.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { DerivedAKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/DerivedAKSKSigner.js';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../../contracts/iotda/pact-bodies.ts';
import { DEVICE_WITH_COMMANDS } from '../../contracts/iotda/provider-states.ts';
import { DELAY, setupSim } from './test-support.ts';

const s = setupSim();
let base = '';
beforeAll(async () => {
  base = await s.platform.listen(0);
});
afterAll(async () => {
  await s.platform.close();
});

type SdkRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  queryParams?: Record<string, string | number>;
  data?: Record<string, unknown>;
};

const credential = (ak: string, sk: string) =>
  ({ getAk: () => ak, getSk: () => sk }) as unknown as Parameters<typeof AKSKSigner.sign>[1];

/** Huawei's Node SDK signer: it signs the given headers plus `host`, and adds X-Sdk-Date and Authorization. */
const sdkSigned = (r: SdkRequest, ak = s.fleet.ak, sk = s.fleet.sk): Record<string, string> =>
  AKSKSigner.sign(
    {
      method: r.method,
      endpoint: `${base}${r.path}`,
      headers: { ...r.headers },
      queryParams: r.queryParams ?? {},
      data: r.data,
    },
    credential(ak, sk),
  ) as Record<string, string>;

/** The same SDK's derived signer (V11-HMAC-SHA256), as its clients sign for standard and enterprise instances. */
const sdkDerivedSigned = (r: SdkRequest, region = s.fleet.region, sk = s.fleet.sk): Record<string, string> =>
  DerivedAKSKSigner.sign(
    {
      method: r.method,
      endpoint: `${base}${r.path}`,
      headers: { ...r.headers },
      queryParams: r.queryParams ?? {},
      data: r.data,
    },
    {
      getAk: () => s.fleet.ak,
      getSk: () => sk,
      getRegionId: () => region,
      getDerivedAuthServiceName: () => 'iotdm',
    } as unknown as Parameters<typeof DerivedAKSKSigner.sign>[1],
  ) as Record<string, string>;

/** Sends over real HTTP; the body is JSON.stringify(data), the bytes the SDK hashed. */
const send = async (
  r: { method: 'GET' | 'POST'; path: string; query?: Record<string, string | number>; body?: string },
  headers: Record<string, string>,
) => {
  const qs = new URLSearchParams(
    Object.entries(r.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
  );
  const res = await request(`${base}${r.path}${qs.size ? `?${qs}` : ''}`, {
    method: r.method,
    headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
  });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    body: JSON.parse(text) as Record<string, unknown>,
    failure: res.headers['x-harness-auth-failure'],
  };
};

const collection = () => `${s.devicePath()}/async-commands`;
const CREATE: SdkRequest = {
  method: 'POST',
  path: '',
  headers: { 'content-type': 'application/json', 'Instance-Id': 'inst-01' },
  data: { ...DELAY, paras: { valve: 'CLOSE', note: 'ünïcode ✓' }, expire_time: 3600 },
};
const createRequest = (): SdkRequest => ({ ...CREATE, path: collection() });
const listRequest = (): SdkRequest => ({
  method: 'GET',
  path: collection(),
  headers: { 'Instance-Id': 'inst-01' },
  queryParams: { limit: 5, status: 'PENDING', offset: 0 },
});

const sendSdk = (
  r: SdkRequest,
  headers: Record<string, string>,
  overrides: { path?: string; body?: string; query?: Record<string, string | number> } = {},
) =>
  send(
    {
      method: r.method,
      path: overrides.path ?? r.path,
      ...(r.queryParams || overrides.query ? { query: overrides.query ?? r.queryParams } : {}),
      ...(r.data !== undefined || overrides.body !== undefined
        ? { body: overrides.body ?? JSON.stringify(r.data) }
        : {}),
    },
    headers,
  );

const AUTH_FAILED = readFixture('401-iotda-000002-authentication-failed.json');

describe('AK/SK signed by @huaweicloud/huaweicloud-sdk-core AKSKSigner.sign', () => {
  it('a POST create with a JSON body (non-ASCII included) passes: 200 PENDING', async () => {
    const r = createRequest();
    const res = await sendSdk(r, sdkSigned(r));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'PENDING', paras: { note: 'ünïcode ✓' } });
  });

  it('a GET with a query passes, and so does a GET show without one', async () => {
    const list = listRequest();
    const listed = await sendSdk(list, sdkSigned(list));
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const id = (listed.body.commands as { command_id: string }[])[0]!.command_id;
    const show: SdkRequest = { method: 'GET', path: `${collection()}/${id}` };
    const shown = await sendSdk(show, sdkSigned(show));
    expect([shown.status, shown.body.command_id]).toEqual([200, id]);
  });

  it.each([
    ['the body', (r: SdkRequest) => ({ body: JSON.stringify({ ...r.data, expire_time: 3601 }) })],
    ['the path', (r: SdkRequest) => ({ path: r.path.replace('sim-0001', 'sim-0002') })],
  ])('tampering with %s after signing -> 401 IOTDA.000002 (signature-mismatch)', async (_what, tamper) => {
    const r = createRequest();
    const res = await sendSdk(r, sdkSigned(r), tamper(r));
    expect([res.status, res.body, res.failure]).toEqual([401, AUTH_FAILED, 'signature-mismatch']);
  });

  it('tampering with the query after signing -> 401', async () => {
    const r = listRequest();
    const res = await sendSdk(r, sdkSigned(r), { query: { ...r.queryParams, limit: 6 } });
    expect([res.status, res.body, res.failure]).toEqual([401, AUTH_FAILED, 'signature-mismatch']);
  });

  it('signed without its query and sent with it -> 401 (signature-mismatch); signed with it -> 200', async () => {
    const r = listRequest();
    const unsigned = await sendSdk(r, sdkSigned({ ...r, queryParams: {} }));
    expect([unsigned.status, unsigned.body, unsigned.failure]).toEqual([
      401,
      AUTH_FAILED,
      'signature-mismatch',
    ]);
    expect((await sendSdk(r, sdkSigned(r))).status).toBe(200);
  });

  it('changing a signed header -> 401; dropping it -> 401 (signed-header-missing)', async () => {
    const r = listRequest();
    const headers = sdkSigned(r);
    const changed = await sendSdk(r, { ...headers, 'Instance-Id': 'inst-02' });
    expect([changed.status, changed.failure]).toEqual([401, 'signature-mismatch']);
    const { 'Instance-Id': _dropped, ...without } = headers;
    const dropped = await sendSdk(r, without);
    expect([dropped.status, dropped.body, dropped.failure]).toEqual([
      401,
      AUTH_FAILED,
      'signed-header-missing',
    ]);
  });

  it('the wrong SK -> 401; an unknown AK -> 401 (unknown-access-key)', async () => {
    const r = listRequest();
    const wrongSk = await sendSdk(r, sdkSigned(r, s.fleet.ak, `${s.fleet.sk}x`));
    expect([wrongSk.status, wrongSk.body, wrongSk.failure]).toEqual([401, AUTH_FAILED, 'signature-mismatch']);
    const unknownAk = await sendSdk(r, sdkSigned(r, 'HPUANOSUCHKEY0000000', s.fleet.sk));
    expect([unknownAk.status, unknownAk.failure]).toEqual([401, 'unknown-access-key']);
  });

  it('a malformed Authorization or a missing X-Sdk-Date -> 401', async () => {
    const r = listRequest();
    const headers = sdkSigned(r);
    const malformed = await sendSdk(r, { ...headers, Authorization: 'SDK-HMAC-SHA256 nonsense' });
    expect([malformed.status, malformed.failure]).toEqual([401, 'malformed-signature-headers']);
    const { 'X-Sdk-Date': _date, ...noDate } = headers;
    expect((await sendSdk(r, noDate)).status).toBe(401);
  });
});

describe('derived AK/SK (V11-HMAC-SHA256) signed by @huaweicloud/huaweicloud-sdk-core DerivedAKSKSigner.sign', () => {
  it("passes for the fleet's region and iotdm, beside SDK-HMAC-SHA256", async () => {
    const r = createRequest();
    const headers = sdkDerivedSigned(r);
    expect(headers.Authorization).toMatch(/^V11-HMAC-SHA256 Credential=\S+\/\d{8}\/cn-north-4\/iotdm, /);
    const res = await sendSdk(r, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = listRequest();
    expect((await sendSdk(list, sdkDerivedSigned(list))).status).toBe(200);
  });

  it('another region -> 401 (credential-scope); the wrong SK or a tampered body -> 401 (signature-mismatch)', async () => {
    const r = createRequest();
    const region = await sendSdk(r, sdkDerivedSigned(r, 'cn-south-1'));
    expect([region.status, region.body, region.failure]).toEqual([401, AUTH_FAILED, 'credential-scope']);
    const wrongSk = await sendSdk(r, sdkDerivedSigned(r, s.fleet.region, `${s.fleet.sk}x`));
    expect([wrongSk.status, wrongSk.failure]).toEqual([401, 'signature-mismatch']);
    const tampered = await sendSdk(r, sdkDerivedSigned(r), {
      body: JSON.stringify({ ...r.data, expire_time: 3601 }),
    });
    expect([tampered.status, tampered.failure]).toEqual([401, 'signature-mismatch']);
  });
});

describe('an empty optional Instance-Id', () => {
  it('does not fail authentication, with a token or a signature that covers it', async () => {
    const token = await send(
      { method: 'GET', path: collection() },
      { 'X-Auth-Token': s.fleet.authToken, 'Instance-Id': '' },
    );
    expect([token.status, token.failure]).toEqual([200, undefined]);
    const r: SdkRequest = { ...listRequest(), headers: { 'Instance-Id': '' } };
    const signed = sdkSigned(r);
    expect(signed.Authorization).toContain('instance-id');
    const res = await sendSdk(r, signed);
    expect([res.status, res.failure]).toEqual([200, undefined]);
  });
});

describe('X-Auth-Token', () => {
  const get = (headers: Record<string, string>) => send({ method: 'GET', path: collection() }, headers);

  it("the fleet's token passes; another token -> 401; neither header -> 401", async () => {
    expect((await get({ 'X-Auth-Token': s.fleet.authToken })).status).toBe(200);
    const wrong = await get({ 'X-Auth-Token': 'MIInot-a-token' });
    expect([wrong.status, wrong.body, wrong.failure]).toEqual([401, AUTH_FAILED, 'unknown-token']);
    const none = await get({});
    expect([none.status, none.body, none.failure]).toEqual([401, AUTH_FAILED, 'no-credentials']);
  });

  it('the token wins when both are sent: a valid token with a bad signature passes, the reverse does not', async () => {
    const r = listRequest();
    const signed = sdkSigned(r);
    const tokenWins = await get({
      ...signed,
      Authorization: signed.Authorization!.replace(/.$/, '0'),
      'X-Auth-Token': s.fleet.authToken,
    });
    expect(tokenWins.status).toBe(200);
    const badToken = await sendSdk(r, { ...signed, 'X-Auth-Token': 'MIInot-a-token' });
    expect(badToken.status).toBe(401);
  });

  it('a token registered by a provider state passes for its project', async () => {
    const state = await s.providerState(DEVICE_WITH_COMMANDS, {
      projectId: 'proj_auth_01',
      deviceId: 'auth-device-01',
      auth: { kind: 'token', token: 'MIIprovider-state-token' },
      online: false,
      commands: [],
    });
    expect(state.status).toBe(200);
    const res = await send(
      { method: 'GET', path: '/v5/iot/proj_auth_01/devices/auth-device-01/async-commands' },
      { 'X-Auth-Token': 'MIIprovider-state-token' },
    );
    expect(res.status).toBe(200);
    await s.control('POST', '/reset');
  });
});

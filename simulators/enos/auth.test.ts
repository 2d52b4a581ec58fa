// EnOS APIM auth in the simulator: the token service's codes, the apim-* checks, enos-poseidon's opaque token, 99403, the throttle.
import { afterEach, describe, expect, it } from 'vitest';
import { ENOS_STATES } from '../../contracts/enos/provider-states.ts';
import { COMMANDS_PATH, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { TokenErrorResponseStrict, TokenResponseStrict } from '../../contracts/enos/responses.ts';
import { apimHeaders, tokenEncryption } from '../../contracts/enos/signing.ts';
import { ENOS_THROTTLE_CODE } from './answers.ts';
import { isPoseidonToken, poseidonHeaders, poseidonToken } from './poseidon.ts';
import { startEnos, T0 } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

const tokenCall = (s: Sim, body: unknown) =>
  s.inject({
    method: 'POST',
    url: TOKEN_PATH,
    headers: { 'content-type': 'application/json' },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });

describe('token service', () => {
  it('issues a token for sha256(appKey + timestamp + appSecret), expire 7200', async () => {
    sim = startEnos();
    const { appKey, appSecret } = sim.fleet;
    const r = await tokenCall(sim, {
      appKey,
      encryption: tokenEncryption(appKey, T0, appSecret),
      timestamp: T0,
    });
    expect(TokenResponseStrict.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ status: 0, data: { expire: 7200 } });
  });

  it('answers the documented codes with HTTP 200', async () => {
    sim = startEnos();
    const { appKey, appSecret } = sim.fleet;
    const good = { appKey, encryption: tokenEncryption(appKey, T0, appSecret), timestamp: T0 };
    const cases: [unknown, number][] = [
      [undefined, 1202],
      [{ ...good, appKey: '' }, 1202],
      [{ appKey, timestamp: T0 }, 1202],
      [[good], 1004],
      [{ ...good, timestamp: String(T0) }, 1004],
      [{ ...good, encryption: 'ABC' }, 1004],
      [{ ...good, appKey: 'nobody' }, 1002],
      [{ ...good, encryption: tokenEncryption(appKey, T0, 'wrong') }, 1003],
      [good, 0],
      [good, 1001],
    ];
    for (const [body, status] of cases) {
      const r = await tokenCall(sim, body);
      expect([r.status, r.body.status], JSON.stringify(body)).toEqual([200, status]);
      if (status !== 0) expect(TokenErrorResponseStrict.safeParse(r.body).success).toBe(true);
    }
    expect((await tokenCall(sim, { ...good, encryption: 'z' })).body.msg).toBe('Invalid parameter.');
  });
});

describe('apim headers of a command call', () => {
  const cancel = (s: Sim) => ({ action: 'cancel', ...s.byAsset });

  it('missing headers are 1202; malformed ones 1004; an unknown token 1203; a wrong signature 1003', async () => {
    sim = startEnos();
    const token = await sim.token();
    const codeWith = async (headers: Record<string, string>) =>
      (await sim.inject({ method: 'POST', url: `${COMMANDS_PATH}?action=cancel&orgId=o&assetId=a`, headers }))
        .body.code;
    expect(await codeWith({})).toBe(1202);
    expect(await codeWith({ 'apim-accesstoken': token })).toBe(1202);
    expect(
      await codeWith({ 'apim-accesstoken': token, 'apim-signature': 'x', 'apim-timestamp': String(T0) }),
    ).toBe(1004);
    expect((await sim.call('POST', cancel(sim), undefined, { accessToken: 'not-ours' })).body.code).toBe(
      1203,
    );
    expect((await sim.call('POST', cancel(sim), undefined, { appSecret: 'wrong' })).body.code).toBe(1003);
    expect((await sim.call('POST', cancel(sim))).body.code).toBe(0);
  });

  it('the signature covers the raw body: the same JSON with other whitespace is 1003', async () => {
    sim = startEnos();
    const query = { action: 'search', ...sim.byAsset };
    const headers = apimHeaders({
      accessToken: await sim.token(),
      query,
      bodyText: '{"expression":"state = 1"}',
      timestamp: T0,
      appSecret: sim.fleet.appSecret,
    });
    const send = (payload: string) =>
      sim.inject({
        method: 'POST',
        url: `${COMMANDS_PATH}?${new URLSearchParams(query)}`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      });
    expect((await send('{"expression":"state = 1"}')).body.code).toBe(0);
    const r = await send('{"expression": "state = 1"}');
    expect([r.body.code, r.body.msg]).toEqual([1003, 'The encryption is not valid.']);
  });

  it('a signature computed without the body does not pass for a call that sends one: 1003', async () => {
    sim = startEnos();
    const query = { action: 'search', ...sim.byAsset };
    const bodyText = '{"expression":"state = 1"}';
    const signed = (withBody: boolean) =>
      apimHeaders({
        accessToken: token,
        query,
        ...(withBody ? { bodyText } : {}),
        timestamp: T0,
        appSecret: sim.fleet.appSecret,
      });
    const token = await sim.token();
    const send = (headers: Record<string, string>) =>
      sim.inject({
        method: 'POST',
        url: `${COMMANDS_PATH}?${new URLSearchParams(query)}`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: bodyText,
      });
    const unsigned = await send(signed(false));
    expect([unsigned.body.code, unsigned.body.msg]).toEqual([1003, 'The encryption is not valid.']);
    expect((await send(signed(true))).body.code).toBe(0);
  });

  it('a token expires after 7200 s: 1203', async () => {
    sim = startEnos();
    expect((await sim.call('POST', cancel(sim))).body.code).toBe(0);
    sim.advance(7_200_000);
    expect(((await sim.call('POST', cancel(sim))).body as { code: number; msg: string }).msg).toBe(
      'The access token has expired.',
    );
  });

  it("accepts enos-poseidon's opaque token without signature or timestamp", async () => {
    sim = startEnos();
    const headers = poseidonHeaders(sim.fleet.appKey, sim.fleet.appSecret, T0);
    expect(isPoseidonToken(headers['apim-accesstoken']!)).toBe(true);
    const r = await sim.inject({
      method: 'GET',
      url: `${COMMANDS_PATH}?${new URLSearchParams({ action: 'cancel', ...sim.byAsset })}`,
      headers,
    });
    expect([r.status, r.body.code, r.body.data]).toEqual([200, 0, []]);
    // the shape is what counts: one character too many is an unknown token without signature
    const bad = await sim.inject({
      method: 'GET',
      url: `${COMMANDS_PATH}?action=cancel`,
      headers: { 'apim-accesstoken': `${headers['apim-accesstoken']}A` },
    });
    expect(bad.body.code).toBe(1202);
  });

  it('poseidon tokens can be turned off', async () => {
    sim = startEnos({}, { acceptPoseidonTokens: false });
    const r = await sim.inject({
      method: 'GET',
      url: `${COMMANDS_PATH}?${new URLSearchParams({ action: 'cancel', ...sim.byAsset })}`,
      headers: { 'apim-accesstoken': poseidonToken(sim.fleet.appKey, sim.fleet.appSecret, T0) },
    });
    expect(r.body.code).toBe(1202);
  });

  it('an application not authorised on an existing organisation is 99403', async () => {
    sim = startEnos();
    const app = { appKey: 'k', appSecret: 's', accessToken: 't', expire: 7200 };
    const other = { orgId: 'o2', assetId: 'a2', productKey: 'p2', deviceKey: 'd2' };
    expect(
      sim.sim.providerState(ENOS_STATES.deviceCommands, { app, ...other, online: false, commands: [] }),
    ).toEqual({ ok: true });
    const r = await sim.call('POST', { action: 'cancel', orgId: 'o2', assetId: 'a2' });
    expect([r.body.code, r.body.msg]).toEqual([99403, 'Denied resource:  orgId o2']);
    const own = await sim.call('POST', { action: 'cancel', orgId: 'o2', assetId: 'a2' }, undefined, {
      accessToken: 't',
      appSecret: 's',
    });
    expect(own.body.code).toBe(0);
  });
});

describe('throttle', () => {
  it('is off by default', async () => {
    sim = startEnos();
    for (let i = 0; i < 120; i++)
      expect((await sim.call('GET', { action: 'cancel', ...sim.byAsset })).body.code).toBe(0);
  });

  it('when enabled: 100 calls per minute per application, then 99429 until the window ends', async () => {
    sim = startEnos({ throttle: { enos: { enabled: true, limit: 100, windowMs: 60_000 } } });
    const call = () => sim.call('GET', { action: 'cancel', ...sim.byAsset });
    for (let i = 0; i < 100; i++) expect((await call()).body.code).toBe(0);
    const refused = await call();
    expect([refused.status, refused.body.code, refused.body.msg, refused.body.data]).toEqual([
      200,
      ENOS_THROTTLE_CODE,
      `Too Many Requests: application ${sim.fleet.appKey} exceeded 100 calls per 60000 ms`,
      null,
    ]);
    // another application (poseidon's bucket) still has its own allowance
    const poseidon = await sim.inject({
      method: 'GET',
      url: `${COMMANDS_PATH}?${new URLSearchParams({ action: 'cancel', ...sim.byAsset })}`,
      headers: poseidonHeaders(sim.fleet.appKey, sim.fleet.appSecret, T0),
    });
    expect(poseidon.body.code).toBe(0);
    sim.advance(60_000);
    expect((await call()).body.code).toBe(0);
  });
});

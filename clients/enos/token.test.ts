// Unit tests of EnOS token handling: the token request, caching until expiry, token errors, retry on 1203.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS_PATH, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { tokenEncryption } from '../../contracts/enos/signing.ts';
import { fixture, JSON_REPLY, mockAgent, ORIGIN, SECRET, testClient, DEVICE } from './test-support.ts';
import { CachedTokenSource } from './token.ts';

const agent = mockAgent();
const origin = agent.get(ORIGIN);
afterEach(() => {
  agent.assertNoPendingInterceptors();
});

const tokenAnswer = (accessToken: string, expire = 7200) => ({
  status: 0,
  msg: 'SUCCESS',
  business: 'apim-token-service',
  data: { accessToken, expire },
});

const clock = (start = 1_700_000_000_000) => {
  const c = { t: start, now: () => c.t };
  return c;
};

const source = (now: () => number) =>
  new CachedTokenSource({ baseUrl: ORIGIN, appKey: 'app-key', appSecret: SECRET, now, dispatcher: agent });

describe('EnOS token source', () => {
  it('sends appKey, timestamp and the sha256 encryption, and computes the expiry', async () => {
    const c = clock();
    let sent: unknown;
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply((opts) => {
      sent = JSON.parse(String(opts.body));
      return { statusCode: 200, data: tokenAnswer('t1'), ...JSON_REPLY };
    });
    const r = await source(c.now).getToken();
    expect(sent).toEqual({
      appKey: 'app-key',
      timestamp: c.t,
      encryption: tokenEncryption('app-key', c.t, SECRET),
    });
    expect(r.ok && r.value).toEqual({ accessToken: 't1', expiresAt: c.t + 7_200_000 });
  });

  it('caches the token until shortly before it expires, then asks again', async () => {
    const c = clock();
    const tokens = source(c.now);
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('t1'), JSON_REPLY);
    expect((await tokens.getToken()).ok).toBe(true);
    c.t += 7_200_000 - 60_001; // still inside the 60 s refresh margin
    const cached = await tokens.getToken();
    expect(cached.ok && cached.value.accessToken).toBe('t1');
    c.t += 1; // now inside the margin
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('t2'), JSON_REPLY);
    const renewed = await tokens.getToken();
    expect(renewed.ok && renewed.value.accessToken).toBe('t2');
  });

  it('shares one request between concurrent callers', async () => {
    const tokens = source(clock().now);
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('t1'), JSON_REPLY);
    const all = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    expect(all.map((r) => r.ok && r.value.accessToken)).toEqual(['t1', 't1', 't1']);
  });

  it('reads the documented return sample, which spells "stauts"', async () => {
    origin
      .intercept({ path: TOKEN_PATH, method: 'POST' })
      .reply(200, fixture('200-token-get-doc-sample.json') as object, JSON_REPLY);
    const r = await source(clock().now).getToken();
    expect(r.ok && r.value.accessToken).toBe('Generated_Access_Token');
  });

  it.each([
    ['200-token-1002-app-key-not-exist.json', '1002'],
    ['200-token-1003-encryption-invalid.json', '1003'],
    ['200-token-1005-internal-exception.json', '1005'],
  ])('%s with HTTP 200 becomes a vendor error %s and is not cached', async (file, code) => {
    const tokens = source(clock().now);
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, fixture(file) as object, JSON_REPLY);
    const r = await tokens.getToken();
    expect(r.ok ? undefined : r.problem).toMatchObject({ kind: 'vendor-error', httpStatus: 200, code });
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('t1'), JSON_REPLY);
    expect((await tokens.getToken()).ok).toBe(true);
  });

  it('a token answer of the wrong shape is an invalid response', async () => {
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, { status: 0, msg: 'OK' }, JSON_REPLY);
    const r = await source(clock().now).getToken();
    expect(r.ok ? undefined : r.problem.kind).toBe('invalid-response');
  });

  it('refuses empty credentials before sending', async () => {
    const tokens = new CachedTokenSource({
      baseUrl: ORIGIN,
      appKey: '',
      appSecret: 's',
      now: clock().now,
      dispatcher: agent,
    });
    const r = await tokens.getToken();
    expect(r.ok ? undefined : r.problem).toMatchObject({ kind: 'invalid-input', field: 'appKey' });
  });
});

describe('EnOS client with the token service', () => {
  const commandsPath = (p: string) => p.startsWith(`${COMMANDS_PATH}?`);

  it('gets a token once and sends it on every call', async () => {
    const seen: string[] = [];
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('t1'), JSON_REPLY);
    origin
      .intercept({ path: commandsPath, method: 'POST' })
      .reply((opts) => {
        seen.push((opts.headers as Record<string, string>)['apim-accesstoken'] ?? '');
        return { statusCode: 200, data: fixture('200-cancel-all-none-cached.json') as object, ...JSON_REPLY };
      })
      .times(2);
    const client = testClient(agent, { tokenSource: undefined });
    expect((await client.cancel(DEVICE)).ok).toBe(true);
    expect((await client.cancel(DEVICE)).ok).toBe(true);
    expect(seen).toEqual(['t1', 't1']);
  });

  it('on 1203 (token expired) drops the token, gets a new one and retries once', async () => {
    const seen: string[] = [];
    const answers = [
      { code: 1203, msg: 'The access token has expired.', requestId: 'r1', data: null },
      fixture('200-cancel-all-none-cached.json') as object,
    ];
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('old'), JSON_REPLY);
    origin.intercept({ path: TOKEN_PATH, method: 'POST' }).reply(200, tokenAnswer('new'), JSON_REPLY);
    origin
      .intercept({ path: commandsPath, method: 'POST' })
      .reply((opts) => {
        seen.push((opts.headers as Record<string, string>)['apim-accesstoken'] ?? '');
        return { statusCode: 200, data: answers[seen.length - 1] ?? {}, ...JSON_REPLY };
      })
      .times(2);
    const r = await testClient(agent, { tokenSource: undefined }).cancel(DEVICE);
    expect(r.ok).toBe(true);
    expect(seen).toEqual(['old', 'new']);
  });

  it('a token failure stops the call before the command is sent', async () => {
    origin
      .intercept({ path: TOKEN_PATH, method: 'POST' })
      .reply(200, fixture('200-token-1002-app-key-not-exist.json') as object, JSON_REPLY);
    const r = await testClient(agent, { tokenSource: undefined }).cancel(DEVICE);
    expect(r.ok ? undefined : r.problem).toMatchObject({ kind: 'vendor-error', code: '1002' });
  });
});

// Login and the checks in front of every command call: app_key, the latest token only, the appId query.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { APP_REGISTERED } from '../../contracts/oceanconnect/provider-states.ts';
import { LoginResponse, QueryCommandsResponse } from '../../contracts/oceanconnect/responses.ts';
import { commandBody, errorBody, type Harness, startOc } from './test-support.ts';

const TOKEN_INVALID = errorBody('1010005', 'App_key or access_token is invalid.');
const QUERY = `${OC_PATHS.deviceCommands}?pageNo=0&pageSize=10`;

let h: Harness;
beforeEach(async () => {
  h = await startOc();
});
afterEach(async () => h.close());

describe('OceanConnect login', () => {
  it('issues a new token at every login, in the documented shape', async () => {
    const a = await h.login();
    const b = await h.login();
    expect(a.res.statusCode).toBe(200);
    expect(LoginResponse.parse(a.body)).toMatchObject({ tokenType: 'bearer', expiresIn: 3600 });
    expect(b.body.accessToken).not.toBe(a.body.accessToken);
  });

  it('keeps only the most recently issued token of an application valid', async () => {
    const older = await h.token();
    const latest = await h.token();
    const refused = await h.call('GET', QUERY, { accessToken: older });
    expect([refused.status, refused.body]).toEqual([403, TOKEN_INVALID]);
    expect(refused.detail).toContain('superseded');
    const accepted = await h.call('GET', QUERY, { accessToken: latest });
    expect(accepted.status).toBe(200);
    expect(QueryCommandsResponse.parse(accepted.body).data).toEqual([]);
  });

  it('after a new login the earlier token is refused by every command API with 403 1010005; the new one is not', async () => {
    const older = await h.token();
    const newer = await h.token();
    const device = h.fleet.devices[0]!;
    const calls: [method: 'GET' | 'POST' | 'PUT', url: string, body: unknown][] = [
      ['POST', OC_PATHS.deviceCommands, commandBody(device)],
      ['GET', QUERY, undefined],
      ['PUT', OC_PATHS.deviceCommand('no-such-command'), { status: 'CANCELED' }],
      ['POST', OC_PATHS.deviceCommandCancelTasks, { deviceId: device }],
      ['GET', `${OC_PATHS.deviceCommandCancelTasks}?pageNo=0`, undefined],
    ];
    for (const [method, url, body] of calls) {
      const refused = await h.call(method, url, {
        accessToken: older,
        ...(body === undefined ? {} : { body }),
      });
      expect([method, url, refused.status, refused.body]).toEqual([method, url, 403, TOKEN_INVALID]);
      const accepted = await h.call(method, url, {
        accessToken: newer,
        ...(body === undefined ? {} : { body }),
      });
      expect([method, url, accepted.body]).not.toEqual([method, url, TOKEN_INVALID]);
    }
  });

  it('refuses a token once its expiresIn has passed (platform time)', async () => {
    const token = await h.token();
    await h.advance(3600 * 1000 - 1);
    expect((await h.call('GET', QUERY, { accessToken: token })).status).toBe(200);
    await h.advance(1);
    const late = await h.call('GET', QUERY, { accessToken: token });
    expect([late.status, late.body, late.detail]).toEqual([
      403,
      TOKEN_INVALID,
      'the access token is expired',
    ]);
  });

  it('answers a wrong secret with 403 1010005 and an unknown application with 403 100203', async () => {
    const wrong = await h.login(h.fleet.appId, 'not-the-secret');
    expect([wrong.res.statusCode, wrong.body]).toEqual([403, TOKEN_INVALID]);
    const unknown = await h.login('NoSuchApplication', 'whatever');
    expect([unknown.res.statusCode, unknown.body]).toEqual([
      403,
      errorBody('100203', 'The application is not existed.'),
    ]);
  });

  it.each([
    ['a JSON body', 'application/json', JSON.stringify({ appId: 'a', secret: 'b' }), 'login takes'],
    ['a form without secret', 'application/x-www-form-urlencoded', 'appId=abc', 'form: secret'],
    ['an extra form field', 'application/x-www-form-urlencoded', 'appId=abc&secret=s&x=1', 'form: (root)'],
    ['an empty appId', 'application/x-www-form-urlencoded', 'appId=&secret=s', 'form: appId'],
  ])('answers %s with 400 100022 naming the problem', async (_name, type, payload, detail) => {
    const res = await h.app.inject({
      method: 'POST',
      url: OC_PATHS.login,
      headers: { 'content-type': type },
      payload,
    });
    expect([res.statusCode, JSON.parse(res.body)]).toEqual([
      400,
      errorBody('100022', 'The input is invalid.'),
    ]);
    expect(res.headers['x-harness-detail']).toContain(detail);
  });
});

describe('OceanConnect call checks', () => {
  it('answers a missing app_key with 500 100220', async () => {
    const token = await h.token();
    const r = await h.call('GET', QUERY, { accessToken: token, appKey: null });
    expect([r.status, r.body]).toEqual([500, errorBody('100220', 'Get AppKey from header failed.')]);
  });

  it('answers an app_key naming no application with 403 100203', async () => {
    const token = await h.token();
    const r = await h.call('GET', QUERY, { accessToken: token, appKey: 'NoSuchApplication' });
    expect([r.status, r.body]).toEqual([403, errorBody('100203', 'The application is not existed.')]);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Basic scheme', 'Basic abc'],
    ['an empty bearer', 'Bearer '],
    ['a token never issued', 'Bearer 0123456789abcdef'],
  ])('answers %s with 403 1010005', async (_name, authorization) => {
    await h.token();
    const r = await h.call('GET', QUERY, authorization === undefined ? {} : { headers: { authorization } });
    expect([r.status, r.body]).toEqual([403, TOKEN_INVALID]);
  });

  it('refuses an appId query naming another application: 100203 when missing, 100217 when it exists (403)', async () => {
    const token = await h.token();
    const missing = await h.call('GET', `${QUERY}&appId=NoSuchApplication`, { accessToken: token });
    expect([missing.status, missing.body]).toEqual([
      403,
      errorBody('100203', 'The application is not existed.'),
    ]);
    h.sim.providerState(APP_REGISTERED, { appId: 'OtherApplication01', secret: 's3cret' });
    const fresh = await h.token();
    const other = await h.call('GET', `${QUERY}&appId=OtherApplication01`, { accessToken: fresh });
    expect([other.status, other.body]).toEqual([
      403,
      errorBody('100217', "The application hasn't been authorized."),
    ]);
  });

  it('accepts an appId query naming the calling application itself', async () => {
    const token = await h.token();
    const r = await h.call('GET', `${QUERY}&appId=${h.fleet.appId}`, { accessToken: token });
    expect(r.status).toBe(200);
  });

  it('checks in order: app_key, then the token, then the appId query', async () => {
    const r1 = await h.call('GET', `${QUERY}&appId=Other`, { appKey: null, headers: { authorization: 'x' } });
    expect(r1.body).toEqual(errorBody('100220', 'Get AppKey from header failed.'));
    const r2 = await h.call('GET', `${QUERY}&appId=Other`, { headers: { authorization: 'Bearer nope' } });
    expect(r2.body).toEqual(TOKEN_INVALID);
  });
});

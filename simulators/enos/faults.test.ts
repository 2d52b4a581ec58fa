// Requests the EnOS simulator refuses before or around the actions: bad bodies, media types, sizes, paths, actions, methods, crashes.
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorResponseStrict } from '../../contracts/enos/responses.ts';
import { startEnos } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

const expectEnosError = (r: { status: number; body: unknown }, code: number, msg: RegExp | string) => {
  expect(r.status).toBe(200);
  expect(ErrorResponseStrict.safeParse(r.body).success, JSON.stringify(r.body)).toBe(true);
  const b = r.body as { code: number; msg: string };
  expect(b.code).toBe(code);
  if (typeof msg === 'string') expect(b.msg).toBe(msg);
  else expect(b.msg).toMatch(msg);
};

describe('refused before any action runs', () => {
  it('malformed JSON is 99400 on the body', async () => {
    sim = startEnos();
    const r = await sim.inject({
      method: 'POST',
      url: '/connect-service/v2.1/commands?action=search',
      headers: { 'content-type': 'application/json' },
      payload: '{"expression":',
    });
    expectEnosError(r, 99400, 'Invalid Argument body: the body is not valid JSON');
  });

  it('a body that is not JSON is 99400 on Content-Type', async () => {
    sim = startEnos();
    const r = await sim.inject({
      method: 'POST',
      url: '/connect-service/v2.1/commands?action=search',
      headers: { 'content-type': 'text/plain' },
      payload: 'state = 1',
    });
    expectEnosError(r, 99400, /^Invalid Argument Content-Type: a body must be application\/json/);
  });

  it('an oversize body is 99400 naming the limit', async () => {
    sim = startEnos({ bodyLimitBytes: 64 });
    const r = await sim.inject({
      method: 'POST',
      url: '/connect-service/v2.1/commands?action=search',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ expression: 'x'.repeat(100) }),
    });
    expectEnosError(r, 99400, 'Invalid Argument body: the body is larger than 64 bytes');
  });

  it('an unknown path or method under the EnOS prefixes is 99404 naming it', async () => {
    sim = startEnos();
    expectEnosError(
      await sim.inject({ method: 'GET', url: '/connect-service/v2.1/devices?x=1' }),
      99404,
      'The specified object does not exist: no API answers GET /connect-service/v2.1/devices',
    );
    expectEnosError(
      await sim.inject({ method: 'PUT', url: '/connect-service/v2.1/commands?action=cancel' }),
      99404,
      /no API answers PUT \/connect-service\/v2\.1\/commands$/,
    );
  });

  it('the token service keeps its own envelope for refused requests too (1004; the vendor documents no not-found code)', async () => {
    sim = startEnos();
    const tokenError = {
      status: 1004,
      msg: 'Invalid parameter.',
      business: 'apim-token-service',
      data: null,
    };
    for (const req of [
      { method: 'GET' as const, url: '/apim-token-service/v2.0/token/get' },
      { method: 'POST' as const, url: '/apim-token-service/v2.0/token/nothing' },
      {
        method: 'POST' as const,
        url: '/apim-token-service/v2.0/token/get',
        headers: { 'content-type': 'application/json' },
        payload: '{"appKey":',
      },
      {
        method: 'POST' as const,
        url: '/apim-token-service/v2.0/token/get',
        headers: { 'content-type': 'text/plain' },
        payload: 'appKey',
      },
    ]) {
      const res = await sim.inject(req);
      expect(res, `${req.method} ${req.url}`).toEqual({ status: 200, body: tokenError });
    }
  });
});

describe('action and method', () => {
  it('a missing action is 99400 with the vendor text; an unknown one names it', async () => {
    sim = startEnos();
    expectEnosError(
      await sim.call('POST', { orgId: sim.fleet.orgId }),
      99400,
      'Invalid Argument action:action is missing',
    );
    expectEnosError(
      await sim.call('POST', { action: 'delete', orgId: sim.fleet.orgId }),
      99400,
      'Invalid Argument action: action delete is not supported',
    );
  });

  it('an action called with a method it does not take is 99400', async () => {
    sim = startEnos();
    expectEnosError(
      await sim.call('GET', { action: 'invokeService', ...sim.byAsset, serviceId: 's' }),
      99400,
      'Invalid Argument action: invokeService is called with POST, not GET',
    );
    expectEnosError(
      await sim.call('POST', { action: 'get', ...sim.byAsset, commandId: '1' }),
      99400,
      /get is called with GET/,
    );
  });

  it('a query parameter given twice is 99400', async () => {
    sim = startEnos();
    const r = await sim.inject({
      method: 'POST',
      url: `/connect-service/v2.1/commands?action=cancel&orgId=${sim.fleet.orgId}&assetId=a&assetId=b`,
    });
    expectEnosError(r, 99400, 'Invalid Argument assetId: assetId is given more than once');
  });
});

describe('nothing crashes', () => {
  it('an exception inside the simulator is 99500 with the vendor text, and the journal has the code', async () => {
    sim = startEnos();
    const store = sim.sim.store as unknown as { list: () => never };
    store.list = () => {
      throw new Error('boom');
    };
    const r = await sim.call('POST', { action: 'search', ...sim.byAsset });
    expectEnosError(r, 99500, ' Internal Server Error');
    const last = sim.platform.journal.since(0).at(-1);
    expect([last?.vendor, last?.errorCode]).toEqual(['enos', '99500']);
  });

  it('the journal records vendor codes of command and token answers, none for a success', async () => {
    sim = startEnos();
    await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId: '1' });
    await sim.inject({ method: 'POST', url: '/apim-token-service/v2.0/token/get' });
    await sim.call('POST', { action: 'cancel', ...sim.byAsset });
    expect(sim.platform.journal.since(0).map((e) => e.errorCode)).toEqual([
      undefined,
      '11404',
      '1202',
      undefined,
    ]);
  });
});

// The API-gateway throttle: off by default; when on, 429 APIG.0308 per token / per access key, with the fixture's text.
import { describe, expect, it } from 'vitest';
import { sign } from '../../contracts/iotda/signing.ts';
import { ApigThrottleBody } from '../../contracts/iotda/errors.ts';
import { readFixture } from '../../contracts/iotda/pact-bodies.ts';
import { setupSim } from './test-support.ts';

const ON_PER_MINUTE = { throttle: { iotda: { enabled: true, limit: 100, windowMs: 60_000 } } };

describe('APIG.0308 throttle', () => {
  it('is off by default: 150 calls in the same instant all pass', async () => {
    const s = setupSim();
    for (let i = 0; i < 150; i++) expect((await s.listQueued()).status).toBe(200);
  });

  it('at 100 per minute: the 101st call of a token is 429 APIG.0308, every endpoint counting', async () => {
    const s = setupSim(ON_PER_MINUTE);
    for (let i = 0; i < 50; i++) expect((await s.listQueued()).status).toBe(200);
    for (let i = 0; i < 25; i++) expect((await s.listHistory()).status).toBe(200);
    for (let i = 0; i < 25; i++) expect((await s.show('some-id')).status).toBe(404);
    const r = await s.create({ paras: {}, send_strategy: 'delay' });
    expect(r.status).toBe(429);
    const body = ApigThrottleBody.parse(r.body);
    expect(body.error_msg).toBe(
      'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
    );
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    // A refused call consumes nothing; the next window admits calls again.
    await s.advance(60_000);
    expect((await s.listQueued()).status).toBe(200);
  });

  it('with 100 per second the answer is the fixture verbatim (but for the request_id)', async () => {
    const s = setupSim({ throttle: { iotda: { enabled: true, limit: 100, windowMs: 1_000 } } });
    for (let i = 0; i < 100; i++) await s.listQueued();
    const r = await s.listQueued();
    expect(r.status).toBe(429);
    const fixture = readFixture('429-apig-0308-throttled.json') as Record<string, unknown>;
    expect({ ...r.body, request_id: fixture.request_id }).toEqual(fixture);
  });

  it('counts per credential: the AK/SK of the same project has its own window', async () => {
    const s = setupSim({ throttle: { iotda: { enabled: true, limit: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) await s.listQueued();
    expect((await s.listQueued()).status).toBe(429);
    const path = `${s.devicePath()}/async-commands`;
    const signed = sign(
      { method: 'GET', path, headers: { host: 'localhost:80' } },
      { ak: s.fleet.ak, sk: s.fleet.sk },
    );
    const bySignature = await s.inject({ method: 'GET', url: path, headers: signed.headers });
    expect(bySignature.status).toBe(200);
  });

  it('unauthenticated calls are refused (401) before the throttle and do not count', async () => {
    const s = setupSim({ throttle: { iotda: { enabled: true, limit: 2, windowMs: 60_000 } } });
    const anonymous = () => s.inject({ method: 'GET', url: `${s.devicePath()}/async-commands` });
    for (let i = 0; i < 3; i++) expect((await anonymous()).status).toBe(401);
    expect([
      (await s.listQueued()).status,
      (await s.listQueued()).status,
      (await s.listQueued()).status,
    ]).toEqual([200, 200, 429]);
    expect((await anonymous()).status).toBe(401);
  });

  it('pushed over the gateway throttle, the journal records 429 APIG.0308 for each refused call, as answered', async () => {
    const s = setupSim({ throttle: { iotda: { enabled: true, limit: 3, windowMs: 60_000 } } });
    const answered: [number, string | undefined][] = [];
    for (let i = 0; i < 5; i++) {
      const r = await s.listQueued();
      answered.push([r.status, r.body.error_code as string | undefined]);
    }
    expect(answered).toEqual([
      [200, undefined],
      [200, undefined],
      [200, undefined],
      [429, 'APIG.0308'],
      [429, 'APIG.0308'],
    ]);
    const j = await s.control('GET', '/journal?vendor=iotda');
    const entries = j.body.entries as { status: number; errorCode?: string }[];
    expect(entries.map((e) => [e.status, e.errorCode])).toEqual(answered);
  });

  it('can be switched on at run time through the control API', async () => {
    const s = setupSim();
    const put = await s.control('PUT', '/throttle/iotda', { enabled: true, limit: 1 });
    expect(put.status).toBe(200);
    expect((await s.listQueued()).status).toBe(200);
    expect((await s.listQueued()).status).toBe(429);
  });
});

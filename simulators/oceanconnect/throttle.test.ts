// The per-application throttle: 100 calls per 60 s (fixed window), the verbatim 403 1010009, and what is counted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { APP_REGISTERED } from '../../contracts/oceanconnect/provider-states.ts';
import { type Harness, startOc } from './test-support.ts';

const QUERY = `${OC_PATHS.deviceCommands}?pageNo=0&pageSize=1`;
const THROTTLED_BODY = '{"error_code":"1010009","error_desc":"app throttle exceed."}';

let h: Harness;
beforeEach(async () => {
  h = await startOc();
});
afterEach(async () => h.close());

/** `n` calls of the default application; returns their HTTP statuses. */
const burst = async (n: number, opts: { accessToken?: string; appKey?: string } = {}) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await h.call('GET', QUERY, opts)).status);
  return statuses;
};

describe('OceanConnect throttle', () => {
  it('allows 100 calls per window and answers the 101st with 403 and the verbatim body', async () => {
    const accessToken = await h.token();
    expect(await burst(100, { accessToken })).toEqual(Array(100).fill(200));
    const r = await h.call('GET', QUERY, { accessToken });
    expect(r.status).toBe(403);
    expect(r.res.body).toBe(THROTTLED_BODY);
    expect(r.res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('opens a new window at the next whole minute (fixed windows aligned to the epoch by default)', async () => {
    const accessToken = await h.token();
    await burst(100, { accessToken });
    expect((await h.call('GET', QUERY, { accessToken })).status).toBe(403);
    await h.advance(59_999); // T0 is a whole minute: the window ends at T0 + 60 s
    expect((await h.call('GET', QUERY, { accessToken })).status).toBe(403);
    await h.advance(1);
    expect((await h.call('GET', QUERY, { accessToken })).status).toBe(200);
  });

  it('counts calls with a bad token too (checked before the token), so hammering is throttled', async () => {
    const bad = await burst(100, { accessToken: 'not-a-token' });
    expect(bad).toEqual(Array(100).fill(403));
    const accessToken = await h.token();
    const r = await h.call('GET', QUERY, { accessToken });
    expect(r.body).toEqual({ error_code: '1010009', error_desc: 'app throttle exceed.' });
  });

  it('does not count logins, nor calls whose app_key names no application', async () => {
    for (let i = 0; i < 120; i++) await h.login();
    await burst(120, { appKey: 'NoSuchApplication' });
    const accessToken = await h.token();
    expect(await burst(100, { accessToken })).toEqual(Array(100).fill(200));
  });

  it('keeps one window per application', async () => {
    h.sim.providerState(APP_REGISTERED, { appId: 'SecondApplication01', secret: 'second-secret' });
    const other = (await h.login('SecondApplication01', 'second-secret')).body.accessToken;
    const mine = await h.token();
    expect(await burst(101, { accessToken: mine })).toEqual([...Array(100).fill(200), 403]);
    expect(await burst(1, { accessToken: other, appKey: 'SecondApplication01' })).toEqual([200]);
  });

  it('follows the throttle configured through the control API (sliding window)', async () => {
    const set = await h.control('PUT', '/throttle/oceanconnect', {
      limit: 2,
      windowMs: 10_000,
      algorithm: 'sliding-window',
    });
    expect(set.status).toBe(200);
    const accessToken = await h.token();
    expect(await burst(3, { accessToken })).toEqual([200, 200, 403]);
    await h.advance(10_000);
    expect(await burst(1, { accessToken })).toEqual([200]);
  });
});

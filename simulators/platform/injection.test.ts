// Injected failures through the control API: the n-th call of one endpoint gets the vendor's documented answer, a spike or a reset.
import { afterEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { startEnos } from '../enos/test-support.ts';
import { DELAY, setupSim } from '../iotda/test-support.ts';
import { commandBody, type Harness, startOc } from '../oceanconnect/test-support.ts';

let oc: Harness | undefined;
afterEach(async () => {
  await oc?.close();
  oc = undefined;
});

const arm = (h: Harness, injections: unknown[]) => h.control('PUT', '/injections', { injections });

describe('injected failures', () => {
  it('answers the n-th call of the endpoint with the documented failure, once, and says when it fired', async () => {
    oc = await startOc();
    const accessToken = await oc.token();
    const deviceId = oc.fleet.devices[0] as string;
    const armed = await arm(oc, [
      { vendor: 'oceanconnect', endpoint: 'createCommand', call: 2, failure: 'oceanconnect.1010009' },
    ]);
    expect(armed.status).toBe(200);
    const create = () =>
      oc?.call('POST', OC_PATHS.deviceCommands, { accessToken, body: commandBody(deviceId) });
    // A query is another endpoint: it does not count.
    await oc.call('GET', `${OC_PATHS.deviceCommands}?deviceId=${deviceId}`, { accessToken });
    const answers = [await create(), await create(), await create()].map((r) => [r?.status, r?.body]);
    expect(answers).toEqual([
      [201, expect.objectContaining({ deviceId })],
      [403, { error_code: '1010009', error_desc: 'app throttle exceed.' }],
      [201, expect.objectContaining({ deviceId })],
    ]);
    const journal = oc.platform.journal.since(0);
    const injected = journal.filter((e) => e.injected !== undefined);
    expect(injected.map((e) => [e.injected, e.endpoint, e.status, e.errorCode])).toEqual([
      ['oceanconnect.1010009', 'createCommand', 403, '1010009'],
    ]);
    const state = (await oc.control('GET', '/injections')).body.armed as Record<string, unknown>[];
    expect(state).toEqual([
      expect.objectContaining({ seen: 2, firedSeq: injected[0]?.seq, firedAt: injected[0]?.at }),
    ]);
    // The refused create was not made: two commands exist.
    expect(oc.platform.vendors.get('oceanconnect')?.store.stats().commands).toBe(2);
  });

  it('refuses failures the vendor does not document at that endpoint, unknown endpoints and vendors', async () => {
    oc = await startOc();
    const refused = async (i: Record<string, unknown>) => {
      const r = await arm(oc as Harness, [{ call: 1, ...i }]);
      return [r.status, r.body.error];
    };
    expect(
      await refused({ vendor: 'oceanconnect', endpoint: 'createCommand', failure: 'enos.11905' }),
    ).toEqual([400, 'enos.11905 is not documented for oceanconnect createCommand (only cancel)']);
    expect(
      await refused({ vendor: 'oceanconnect', endpoint: 'launch', failure: 'oceanconnect.100001' }),
    ).toEqual([
      400,
      'oceanconnect has no endpoint launch (login, createCommand, queryCommands, modifyCommand, createRevocationTask, queryRevocationTasks)',
    ]);
    expect(await refused({ vendor: 'enos', endpoint: 'cancel', failure: 'enos.11905' })).toEqual([
      400,
      'no simulated vendor enos',
    ]);
    expect(
      await refused({ vendor: 'oceanconnect', endpoint: 'login', failure: 'oceanconnect.nope' }),
    ).toEqual([400, 'no documented failure oceanconnect.nope']);
    expect(
      (await arm(oc, [{ vendor: 'oceanconnect', endpoint: 'login', failure: 'x', call: 0 }])).status,
    ).toBe(400);
  });

  it('holds the answer back for a latency spike, in platform ms at the time scale', async () => {
    oc = await startOc({ frozen: false, timeScale: 4 });
    await arm(oc, [
      { vendor: 'oceanconnect', endpoint: 'login', failure: 'network.latency-spike', latencyMs: 800 },
    ]);
    const t0 = Date.now();
    const r = await oc.login();
    const wallMs = Date.now() - t0;
    expect(r.res.statusCode).toBe(200);
    expect(wallMs).toBeGreaterThanOrEqual(195);
    expect(oc.platform.journal.since(0).at(-1)?.injected).toBe('network.latency-spike');
  });

  it('resets the connection of the call and journals it with status 0', async () => {
    oc = await startOc({ frozen: false });
    const base = await oc.platform.listen(0);
    await arm(oc, [{ vendor: 'oceanconnect', endpoint: 'login', failure: 'network.connection-reset' }]);
    const form = { appId: oc.fleet.appId, secret: oc.fleet.secret };
    const login = () =>
      fetch(`${base}${OC_PATHS.login}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const failed = await login().then(
      () => 'answered',
      (err: Error & { cause?: { code?: string } }) => err.cause?.code,
    );
    expect(failed).toBe('ECONNRESET');
    expect((await login()).status).toBe(200);
    const [reset] = oc.platform.journal.since(0);
    expect(reset).toMatchObject({
      status: 0,
      errorCode: 'connection-reset',
      injected: 'network.connection-reset',
      endpoint: 'login',
    });
    expect(reset?.body).toContain('appId=');
  });

  it('arms the configured injections again at every reset; [] disarms', async () => {
    oc = await startOc({
      injections: [{ vendor: 'oceanconnect', endpoint: 'queryCommands', failure: 'oceanconnect.100001' }],
    });
    const accessToken = await oc.token();
    const query = async () => (await oc?.call('GET', OC_PATHS.deviceCommands, { accessToken }))?.status;
    expect([await query(), await query()]).toEqual([500, 200]);
    await oc.control('POST', '/reset');
    const again = await oc.token();
    expect((await oc.call('GET', OC_PATHS.deviceCommands, { accessToken: again })).status).toBe(500);
    await oc.control('POST', '/reset');
    await arm(oc, []);
    const third = await oc.token();
    expect((await oc.call('GET', OC_PATHS.deviceCommands, { accessToken: third })).status).toBe(200);
  });

  it('refuses to start with a configured injection the vendor does not document there', async () => {
    await expect(
      startOc({
        injections: [{ vendor: 'oceanconnect', endpoint: 'login', failure: 'oceanconnect.100001' }],
      }),
    ).rejects.toThrow(/oceanconnect.100001 is not documented for oceanconnect login/);
  });

  it('EnOS: 11905 at the first cancel leaves the command cached; IoTDA: APIG.0308 names the configured limit', async () => {
    const enos = startEnos();
    try {
      const id = await enos.cache();
      await enos.inject({
        method: 'PUT',
        url: '/__control/injections',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          injections: [{ vendor: 'enos', endpoint: 'cancel', failure: 'enos.11905' }],
        }),
      });
      const first = await enos.call('POST', { action: 'cancel', ...enos.byAsset, commandId: id });
      expect([first.status, first.body.code, first.body.msg]).toEqual([
        200,
        11905,
        'Cache message cancel error, not created state',
      ]);
      const got = await enos.call('GET', { action: 'get', ...enos.byAsset, commandId: id });
      expect((got.body.data as { state: number }).state).toBe(1);
    } finally {
      await enos.close();
    }
    const iotda = setupSim({ throttle: { iotda: { enabled: true, limit: 7, windowMs: 1000 } } });
    try {
      await iotda.control('PUT', '/injections', {
        injections: [{ vendor: 'iotda', endpoint: 'createAsyncCommand', failure: 'iotda.APIG.0308' }],
      });
      const r = await iotda.create(DELAY);
      expect(r.status).toBe(429);
      expect(r.body.error_msg).toBe(
        'The throttling threshold has been reached: policy user over ratelimit,limit:7,time:1 second',
      );
      expect((await iotda.create(DELAY)).status).toBe(200);
    } finally {
      await iotda.platform.close();
    }
  });
});

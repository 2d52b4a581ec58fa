// The EnOS command actions against the simulator: caching, instant commands, caps, cancel snapshots, get, expiry, device lookup.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CancelResponseStrict,
  ErrorResponseStrict,
  GetResponseStrict,
} from '../../contracts/enos/responses.ts';
import { startEnos } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

const codeOf = (r: { body: { code?: number } }) => r.body.code;
const dataOf = <T>(r: { body: { data?: unknown } }) => r.body.data as T;
type Cmd = { commandId: string; state: number; [k: string]: unknown };

describe('creating commands', () => {
  it('a cached setMeasurepoint is state 1 Created with the bare value, times of the frozen clock, UTC+8 local time', async () => {
    sim = startEnos();
    const id = await sim.cache(600);
    const got = await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id });
    expect(GetResponseStrict.safeParse(got.body).success).toBe(true);
    expect(dataOf<Cmd>(got)).toMatchObject({
      commandId: id,
      state: 1,
      commandType: 1,
      tslIdentifier: 'Int_value',
      inputData: 111,
      pendingTtl: 600,
      timeout: 30,
      createTime: Date.UTC(2026, 0, 1),
      createLocalTime: '2026-01-01 08:00:00',
      outputData: null,
      orgId: sim.fleet.orgId,
      assetId: sim.device.assetId,
      productKey: sim.device.productKey,
      deviceKey: sim.device.deviceKey,
    });
  });

  it('the local time zone is a setting', async () => {
    sim = startEnos({}, { utcOffsetMinutes: -300 });
    const id = await sim.cache();
    const got = await sim.call('GET', { action: 'get', ...sim.byKeys, commandId: id });
    expect(dataOf<Cmd>(got).createLocalTime).toBe('2025-12-31 19:00:00');
  });

  it('invokeService keeps the inputData map, the given timeout, and answers only the commandId', async () => {
    sim = startEnos();
    const r = await sim.call(
      'POST',
      { action: 'invokeService', ...sim.byKeys, serviceId: 'reboot', pendingTtl: 60, timeout: 10 },
      { inputData: { delay: 5 } },
    );
    expect(dataOf<object>(r)).toEqual({ commandId: expect.stringMatching(/^\d{19}$/) });
    const id = dataOf<{ commandId: string }>(r).commandId;
    const got = dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byKeys, commandId: id }));
    expect(got).toMatchObject({
      commandType: 2,
      tslIdentifier: 'reboot',
      inputData: { delay: 5 },
      timeout: 10,
    });
  });

  it('pendingTtl 0 (the default) to an offline device is 11900', async () => {
    sim = startEnos();
    const r = await sim.call(
      'POST',
      { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'mp' },
      { value: 1 },
    );
    expect(ErrorResponseStrict.safeParse(r.body).success).toBe(true);
    expect([r.status, codeOf(r), r.body.msg]).toEqual([
      200,
      11900,
      'The device is offline and the instant command cannot be sent.',
    ]);
  });

  it('an instant command to an online device goes out at once: 4 Released, then 5 after the device answers', async () => {
    sim = startEnos({ deviceBehaviour: { ackDelayMs: 500, responseDelayMs: 1000, result: { out: 2 } } });
    sim.online(sim.device.assetId);
    const r = await sim.call(
      'POST',
      { action: 'invokeService', ...sim.byAsset, serviceId: 's', pendingTtl: 0 },
      { inputData: {} },
    );
    const id = dataOf<{ commandId: string }>(r).commandId;
    const state = async () =>
      dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id }));
    expect((await state()).state).toBe(4);
    sim.advance(500);
    expect((await state()).state).toBe(4); // DELIVERED has no EnOS state of its own
    sim.advance(1000);
    expect(await state()).toMatchObject({ state: 5, outputData: { out: 2 } });
  });

  it('a second instant command while one is in flight is 11904 (it cannot go out)', async () => {
    sim = startEnos();
    sim.online(sim.device.assetId);
    const send = () =>
      sim.call('POST', { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'mp' }, { value: 1 });
    expect(codeOf(await send())).toBe(0);
    expect(codeOf(await send())).toBe(11904);
  });

  it('a silent device lets the command time out: 7 Response timed out after `timeout` seconds', async () => {
    sim = startEnos({ deviceBehaviour: { silent: true } });
    sim.online(sim.device.assetId);
    const r = await sim.call(
      'POST',
      { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'mp', timeout: 5 },
      { value: 1 },
    );
    const id = dataOf<{ commandId: string }>(r).commandId;
    sim.advance(4_999);
    expect(dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id })).state).toBe(
      4,
    );
    sim.advance(1);
    expect(dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id })).state).toBe(
      7,
    );
  });

  it('a device holds 50 cached commands; the 51st is 11902', async () => {
    sim = startEnos();
    for (let i = 0; i < 50; i++) await sim.cache();
    const r = await sim.call(
      'POST',
      { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'mp', pendingTtl: 60 },
      { value: 1 },
    );
    expect([codeOf(r), r.body.msg]).toEqual([
      11902,
      'The number of cached commands reached the upper limit.',
    ]);
  });

  it('the cap counts cached commands only: one released (in flight) plus 50 cached, then the next is 11902', async () => {
    sim = startEnos();
    sim.online(sim.device.assetId);
    const released = await sim.cache();
    expect(
      dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: released })).state,
    ).toBe(4);
    for (let i = 0; i < 50; i++) await sim.cache(); // each one checked: cache() throws unless a commandId came back
    const r = await sim.call(
      'POST',
      { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'mp', pendingTtl: 60 },
      { value: 1 },
    );
    expect(codeOf(r)).toBe(11902);
    const other = { orgId: sim.fleet.orgId, assetId: sim.fleet.devices[1]!.assetId };
    expect(await sim.cache(600, other)).toMatch(/^\d+$/);
  });

  it('a cached command expires at pendingTtl: 3 Expired, and can no longer be cancelled (11905)', async () => {
    sim = startEnos();
    const id = await sim.cache(60);
    sim.advance(59_999);
    expect(dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id })).state).toBe(
      1,
    );
    sim.advance(1);
    expect(dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id })).state).toBe(
      3,
    );
    expect(codeOf(await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId: id }))).toBe(11905);
  });

  it('a cached command goes out when the device comes online, one at a time, in order', async () => {
    sim = startEnos({ deviceBehaviour: { ackDelayMs: 100, responseDelayMs: 100 } });
    const first = await sim.cache();
    const second = await sim.cache();
    sim.online(sim.device.assetId);
    const states = async () =>
      Promise.all(
        [first, second].map(
          async (id) =>
            dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id })).state,
        ),
      );
    expect(await states()).toEqual([4, 1]);
    sim.advance(200);
    expect(await states()).toEqual([5, 4]);
    sim.advance(200);
    expect(await states()).toEqual([5, 5]);
  });

  it('refuses bad values with 99400 naming the field', async () => {
    sim = startEnos();
    const base = { action: 'invokeService', ...sim.byAsset, serviceId: 's' };
    const cases: [Record<string, string | number>, unknown, string][] = [
      [{ pendingTtl: 172_801 }, { inputData: {} }, 'pendingTtl'],
      [{ timeout: 0 }, { inputData: {} }, 'timeout'],
      [{ timeout: 61 }, { inputData: {} }, 'timeout'],
      [{ serviceId: 'no spaces' }, { inputData: {} }, 'serviceId'],
      [{}, { inputData: 5 }, 'inputData'],
      [{}, undefined, 'inputData'],
    ];
    for (const [extra, body, field] of cases) {
      const r = await sim.call('POST', { ...base, ...extra }, body);
      expect(
        [codeOf(r), String(r.body.msg).startsWith(`Invalid Argument ${field}:`)],
        JSON.stringify(r.body),
      ).toEqual([99400, true]);
    }
    const mp = await sim.call(
      'POST',
      { action: 'setMeasurepoint', ...sim.byAsset, measurepointId: 'm' },
      { value: null },
    );
    expect(mp.body.msg).toMatch(/^Invalid Argument value:/);
  });
});

describe('cancel', () => {
  it('answers the command as it was before (state 1) and leaves it 2 Canceled', async () => {
    sim = startEnos();
    const id = await sim.cache();
    const r = await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId: id });
    expect(CancelResponseStrict.safeParse(r.body).success).toBe(true);
    expect(dataOf<Cmd[]>(r).map((c) => [c.commandId, c.state])).toEqual([[id, 1]]);
    expect(dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: id })).state).toBe(
      2,
    );
  });

  it('is accepted as GET without a body (cancelCommand.py), by productKey+deviceKey too', async () => {
    sim = startEnos();
    const id = await sim.cache(600, sim.byKeys);
    const r = await sim.call('GET', { action: 'cancel', ...sim.byKeys, commandId: id });
    expect(dataOf<Cmd[]>(r).map((c) => c.state)).toEqual([1]);
  });

  it('an unknown commandId, or one of another device, is 11404 "Command not found"', async () => {
    sim = startEnos();
    const other = sim.fleet.devices[1]!;
    const id = await sim.cache(600, { orgId: sim.fleet.orgId, assetId: other.assetId });
    for (const commandId of ['2278935391225619999', id]) {
      const r = await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId });
      expect([codeOf(r), r.body.msg, r.body.data]).toEqual([11404, 'Command not found', null]);
    }
  });

  it('a command no longer in state 1 is 11905', async () => {
    sim = startEnos();
    const id = await sim.cache();
    await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId: id });
    const r = await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId: id });
    expect([codeOf(r), r.body.msg]).toEqual([11905, 'Cache message cancel error, not created state']);
  });

  it('without commandId cancels every cached command of the device, oldest first, and leaves others alone', async () => {
    sim = startEnos();
    const a = await sim.cache();
    const b = await sim.cache();
    const otherDevice = { orgId: sim.fleet.orgId, assetId: sim.fleet.devices[1]!.assetId };
    const c = await sim.cache(600, otherDevice);
    const r = await sim.call('POST', { action: 'cancel', ...sim.byAsset });
    expect(dataOf<Cmd[]>(r).map((x) => [x.commandId, x.state])).toEqual([
      [a, 1],
      [b, 1],
    ]);
    expect(dataOf<Cmd>(await sim.call('GET', { action: 'get', ...otherDevice, commandId: c })).state).toBe(1);
    expect(dataOf<Cmd[]>(await sim.call('GET', { action: 'cancel', ...sim.byAsset }))).toEqual([]);
  });
});

describe('cancel-all leaves what is not cached alone', () => {
  it('an expired (3) and a released (4) command are neither answered nor changed; only the cached one is cancelled', async () => {
    sim = startEnos();
    const expired = await sim.cache(10);
    sim.advance(10_000);
    const released = await sim.cache();
    const cached = await sim.cache();
    sim.online(sim.device.assetId); // the oldest cached one goes out: 4 Released
    const stateOf = async (commandId: string) =>
      dataOf<Cmd>(await sim.call('GET', { action: 'get', ...sim.byAsset, commandId })).state;
    expect([await stateOf(expired), await stateOf(released), await stateOf(cached)]).toEqual([3, 4, 1]);
    const r = await sim.call('POST', { action: 'cancel', ...sim.byAsset });
    expect(CancelResponseStrict.safeParse(r.body).success).toBe(true);
    expect(dataOf<Cmd[]>(r).map((x) => [x.commandId, x.state])).toEqual([[cached, 1]]);
    expect([await stateOf(expired), await stateOf(released), await stateOf(cached)]).toEqual([3, 4, 2]);
  });
});

describe('get', () => {
  it('an unknown commandId is 11404', async () => {
    sim = startEnos();
    const r = await sim.call('GET', { action: 'get', ...sim.byAsset, commandId: '1' });
    expect(codeOf(r)).toBe(11404);
  });
});

describe('organisation and device', () => {
  it('an orgId that does not exist is 99400 with the vendor text', async () => {
    sim = startEnos();
    const r = await sim.call('POST', {
      action: 'cancel',
      orgId: 'o00000000000000',
      assetId: sim.device.assetId,
    });
    expect([codeOf(r), r.body.msg]).toEqual([99400, 'Invalid Argument orgId:  orgId does not exist']);
  });

  it('no device is 99400 naming assetId; half a key pair names the missing half; both ways at once is 99400', async () => {
    sim = startEnos();
    const org = { action: 'cancel', orgId: sim.fleet.orgId };
    const msgOf = async (q: Record<string, string>) => (await sim.call('POST', { ...org, ...q })).body.msg;
    expect(await msgOf({})).toBe(
      'Invalid Argument assetId: the device is missing: give assetId or productKey+deviceKey',
    );
    expect(await msgOf({ deviceKey: sim.device.deviceKey })).toBe(
      'Invalid Argument productKey: deviceKey needs productKey',
    );
    expect(await msgOf({ ...sim.byKeys, assetId: sim.device.assetId })).toMatch(
      /^Invalid Argument assetId: give either/,
    );
    expect(await msgOf({ orgId: '' })).toMatch(/^Invalid Argument orgId:/);
  });

  it('an unknown device, or a device of another organisation, is 99404', async () => {
    sim = startEnos();
    const r = await sim.call('POST', { action: 'cancel', orgId: sim.fleet.orgId, assetId: 'nosuch01' });
    expect([codeOf(r), r.body.msg]).toEqual([
      99404,
      'The specified object does not exist. For example, when getting, updating, or deleting a device, the specified deviceKey of the device does not exist.',
    ]);
    const keys = await sim.call('POST', {
      action: 'cancel',
      orgId: sim.fleet.orgId,
      productKey: sim.device.productKey,
      deviceKey: 'nosuch',
    });
    expect(codeOf(keys)).toBe(99404);
  });
});

// The command APIs: create (201, 100022, 100418 with HTTP 200, 100223), query with paging and filters, modify to CANCELED.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { DEVICE_HAS_COMMANDS } from '../../contracts/oceanconnect/provider-states.ts';
import { DeviceCommandResp, QueryCommandsResponse } from '../../contracts/oceanconnect/responses.ts';
import { commandBody, errorBody, type Harness, startOc } from './test-support.ts';

const INVALID = errorBody('100022', 'The input is invalid.');

let h: Harness;
let accessToken: string;
let device: string;
beforeEach(async () => {
  h = await startOc();
  accessToken = await h.token();
  device = h.fleet.devices[0]!;
});
afterEach(async () => h.close());

const create = (body: unknown) => h.call('POST', OC_PATHS.deviceCommands, { accessToken, body });
const query = (qs: string) => h.call('GET', `${OC_PATHS.deviceCommands}?${qs}`, { accessToken });
const cancel = (id: string, body: unknown = { status: 'CANCELED' }) =>
  h.call('PUT', OC_PATHS.deviceCommand(id), { accessToken, body });
const created = async (extra: Record<string, unknown> = {}, deviceId = device) => {
  const r = await create(commandBody(deviceId, extra));
  expect(r.status).toBe(201);
  return DeviceCommandResp.parse(r.body);
};

describe('OceanConnect create command', () => {
  it('answers 201 with the command PENDING for an offline device, every field as documented', async () => {
    const c = await created({ callbackUrl: 'http://127.0.0.1:9999/cb', expireTime: 3600, maxRetransmit: 1 });
    expect(c).toMatchObject({
      appId: h.fleet.appId,
      deviceId: device,
      command: { serviceId: 'Switch', method: 'SET_STATE', paras: { state: 'ON' } },
      callbackUrl: 'http://127.0.0.1:9999/cb',
      expireTime: 3600,
      status: 'PENDING',
      result: null,
      creationTime: '20240305T090000Z',
      executeTime: null,
      platformIssuedTime: null,
      deliveredTime: null,
      issuedTimes: null,
      maxRetransmit: 1,
    });
  });

  it('shows defaults for what the request left out (expireTime null as in the seed sample, maxRetransmit 3, paras {})', async () => {
    const r = await create({ deviceId: device, command: { serviceId: 'S', method: 'M' } });
    expect(DeviceCommandResp.parse(r.body)).toMatchObject({
      expireTime: null,
      callbackUrl: null,
      maxRetransmit: 3,
      command: { paras: {} },
    });
  });

  it.each([
    ['a missing deviceId', { command: { serviceId: 'S', method: 'M' } }, 'body: deviceId'],
    ['a 65-character deviceId', commandBody('d'.repeat(65)), 'body: deviceId'],
    ['a missing command', { deviceId: 'x' }, 'body: command'],
    [
      'an empty serviceId',
      { deviceId: 'x', command: { serviceId: '', method: 'M' } },
      'body: command.serviceId',
    ],
    [
      'a 129-character method',
      { deviceId: 'x', command: { serviceId: 'S', method: 'm'.repeat(129) } },
      'body: command.method',
    ],
    ['a negative expireTime', commandBody('x', { expireTime: -1 }), 'body: expireTime'],
    [
      'an expireTime too large for a time',
      commandBody('x', { expireTime: 9007199254740991 }),
      'body: expireTime',
    ],
    ['maxRetransmit 4', commandBody('x', { maxRetransmit: 4 }), 'body: maxRetransmit'],
    ['a callbackUrl that is no URL', commandBody('x', { callbackUrl: 'not a url' }), 'body: callbackUrl'],
    ['an unknown field', commandBody('x', { priority: 1 }), 'body: (root)'],
    ['a JSON array', [1, 2], 'body: (root)'],
  ])('answers %s with 400 100022 naming the field', async (_name, body, detail) => {
    const r = await create(body);
    expect([r.status, r.body]).toEqual([400, INVALID]);
    expect(r.detail).toContain(detail);
  });

  it('answers an unknown device with HTTP 200 and 100418', async () => {
    const r = await create(commandBody('no-such-device'));
    expect([r.status, r.body]).toEqual([200, errorBody('100418', 'The deviceData is not existed.')]);
  });

  it('refuses the 21st PENDING command of a device with 400 100223, and accepts it again after a cancel', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await created()).commandId);
    const r = await create(commandBody(device));
    expect([r.status, r.body]).toEqual([400, errorBody('100223', 'Command counts has reached the upLimit.')]);
    expect((await create(commandBody(h.fleet.devices[1]!))).status).toBe(201);
    expect((await cancel(ids[0]!)).status).toBe(200);
    expect((await create(commandBody(device))).status).toBe(201);
  });

  it('counts PENDING commands only: one SENT plus 20 PENDING, then 400 100223', async () => {
    await h.setOnline(device, true);
    expect((await created()).status).toBe('SENT');
    for (let i = 0; i < 20; i++) expect((await created()).status).toBe('PENDING');
    const r = await create(commandBody(device));
    expect([r.status, r.body]).toEqual([400, errorBody('100223', 'Command counts has reached the upLimit.')]);
  });

  it('sends at once with expireTime 0 to an online idle device (SENT, issued once)', async () => {
    await h.setOnline(device, true);
    const c = await created({ expireTime: 0 });
    expect(c).toMatchObject({
      status: 'SENT',
      expireTime: 0,
      platformIssuedTime: '20240305T090000Z',
      issuedTimes: 1,
    });
  });

  it('fails the issuance of expireTime 0 to an offline device: 201 with the command FAILED, never sent', async () => {
    const c = await created({ expireTime: 0 });
    expect(c).toMatchObject({
      status: 'FAILED',
      platformIssuedTime: null,
      issuedTimes: null,
      // Never executed by the device: no execution time, no result (the property suite found the old answer).
      executeTime: null,
      result: null,
    });
    const page = QueryCommandsResponse.parse((await query(`deviceId=${device}`)).body);
    expect(page.data.map((x) => [x.commandId, x.status])).toEqual([[c.commandId, 'FAILED']]);
  });
});

describe('OceanConnect command lifecycle as the query shows it', () => {
  it('PENDING -> SENT -> DELIVERED -> SUCCESSFUL once the device is online, with the platform times', async () => {
    const c = await created();
    await h.advance(5_000);
    await h.setOnline(device, true);
    const statusNow = async () =>
      QueryCommandsResponse.parse((await query(`deviceId=${device}`)).body).data[0]!;
    expect(await statusNow()).toMatchObject({
      status: 'SENT',
      platformIssuedTime: '20240305T090005Z',
      issuedTimes: 1,
    });
    await h.advance(500); // default ackDelayMs
    expect(await statusNow()).toMatchObject({ status: 'DELIVERED', deliveredTime: '20240305T090005Z' });
    await h.advance(1000); // default responseDelayMs
    const done = await statusNow();
    expect(done).toMatchObject({
      commandId: c.commandId,
      status: 'SUCCESSFUL',
      executeTime: '20240305T090006Z',
      result: { resultCode: 'SUCCESSFUL', resultDetail: null },
    });
  });

  it('expires a PENDING command at creationTime + expireTime', async () => {
    await created({ expireTime: 60 });
    await h.advance(59_999);
    expect(QueryCommandsResponse.parse((await query(`deviceId=${device}`)).body).data[0]!.status).toBe(
      'PENDING',
    );
    await h.advance(1);
    expect(QueryCommandsResponse.parse((await query(`deviceId=${device}`)).body).data[0]!.status).toBe(
      'EXPIRED',
    );
  });
});

describe('OceanConnect query commands', () => {
  it('pages from pageNo 0 with pageSize, in creation order, totalSize counting every match', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await created()).commandId);
    const p0 = QueryCommandsResponse.parse((await query('pageNo=0&pageSize=2')).body);
    const p2 = QueryCommandsResponse.parse((await query('pageNo=2&pageSize=2')).body);
    const p9 = QueryCommandsResponse.parse((await query('pageNo=9&pageSize=2')).body);
    expect(p0.pagination).toEqual({ pageNo: 0, pageSize: 2, totalSize: 5 });
    expect(p0.data.map((c) => c.commandId)).toEqual(ids.slice(0, 2));
    expect(p2.data.map((c) => c.commandId)).toEqual(ids.slice(4));
    expect(p9.data).toEqual([]);
  });

  it('filters by device and by creation time (end time covers its whole second)', async () => {
    const first = await created();
    await h.advance(60_000);
    const second = await created({}, h.fleet.devices[1]!);
    const byDevice = QueryCommandsResponse.parse((await query(`deviceId=${h.fleet.devices[1]}`)).body);
    expect(byDevice.data.map((c) => c.commandId)).toEqual([second.commandId]);
    const early = QueryCommandsResponse.parse((await query('endTime=20240305T090000Z')).body);
    expect(early.data.map((c) => c.commandId)).toEqual([first.commandId]);
    const late = QueryCommandsResponse.parse((await query('startTime=20240305T090100Z')).body);
    expect(late.data.map((c) => c.commandId)).toEqual([second.commandId]);
  });

  it('defaults to pageNo 0 and pageSize 1000, and shows an unknown device as an empty page', async () => {
    await created();
    expect(QueryCommandsResponse.parse((await query('')).body).pagination).toEqual({
      pageNo: 0,
      pageSize: 1000,
      totalSize: 1,
    });
    expect(QueryCommandsResponse.parse((await query('deviceId=nobody')).body).data).toEqual([]);
  });

  it.each([
    ['pageSize 0', 'pageSize=0', 'query: pageSize'],
    ['pageSize 1001', 'pageSize=1001', 'query: pageSize'],
    ['a negative pageNo', 'pageNo=-1', 'query: pageNo'],
    ['a non-number pageNo', 'pageNo=x', 'query: pageNo'],
    ['a malformed startTime', 'startTime=2024-03-05', 'query: startTime'],
    ['an unknown parameter', 'colour=red', 'query: (root)'],
    ['a repeated parameter', 'pageNo=1&pageNo=2', 'query: pageNo'],
  ])('answers %s with 400 100022', async (_name, qs, detail) => {
    const r = await query(qs);
    expect([r.status, r.body]).toEqual([400, INVALID]);
    expect(r.detail).toContain(detail);
  });

  it('shows only the commands of the calling application', async () => {
    await created();
    h.sim.providerState(DEVICE_HAS_COMMANDS, {
      appId: 'OtherApplication01',
      accessToken: 'other-token',
      deviceId: 'other-device',
      commands: [],
    });
    const other = await h.call('POST', OC_PATHS.deviceCommands, {
      appKey: 'OtherApplication01',
      accessToken: 'other-token',
      body: commandBody('other-device'),
    });
    expect(other.status).toBe(201);
    accessToken = await h.token();
    expect(QueryCommandsResponse.parse((await query('')).body).data).toEqual([]);
    // A device of another application is unknown to this one.
    expect((await create(commandBody('other-device'))).body).toEqual(
      errorBody('100418', 'The deviceData is not existed.'),
    );
  });
});

describe('OceanConnect modify command', () => {
  it('cancels a PENDING command and answers 200 with it CANCELED', async () => {
    const c = await created();
    const r = await cancel(c.commandId);
    expect(r.status).toBe(200);
    expect(DeviceCommandResp.parse(r.body)).toMatchObject({ commandId: c.commandId, status: 'CANCELED' });
  });

  it('refuses a command that is no longer PENDING, and an unknown one, with 400 100022', async () => {
    const c = await created();
    await cancel(c.commandId);
    const again = await cancel(c.commandId);
    expect([again.status, again.body, again.detail]).toEqual([
      400,
      INVALID,
      `command ${c.commandId} is CANCELED: only a PENDING command can be canceled`,
    ]);
    const unknown = await cancel('no-such-command');
    expect([unknown.status, unknown.body]).toEqual([400, INVALID]);
  });

  it('never cancels a command already sent', async () => {
    await h.setOnline(device, true);
    const c = await created();
    expect(c.status).toBe('SENT');
    expect((await cancel(c.commandId)).detail).toContain('is SENT');
  });

  it.each([
    ['another status', { status: 'PENDING' }],
    ['no body', undefined],
    ['an extra field', { status: 'CANCELED', reason: 'x' }],
  ])('answers %s with 400 100022', async (_name, body) => {
    const c = await created();
    const r =
      body === undefined
        ? await h.call('PUT', OC_PATHS.deviceCommand(c.commandId), { accessToken })
        : await cancel(c.commandId, body);
    expect([r.status, r.body]).toEqual([400, INVALID]);
  });
});

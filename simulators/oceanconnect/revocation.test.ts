// The seed: POST deviceCommandCancelTasks (201, WAITTING, PENDDING, totalCount) and the task query over platform time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import {
  DeviceCommandResp,
  QueryCommandsResponse,
  QueryRevocationTasksResponse,
  RevocationTask,
} from '../../contracts/oceanconnect/responses.ts';
import { commandBody, errorBody, type Harness, startOc } from './test-support.ts';

let h: Harness;
let accessToken: string;
let device: string;
beforeEach(async () => {
  h = await startOc();
  accessToken = await h.token();
  device = h.fleet.devices[0]!;
});
afterEach(async () => h.close());

const create = async (deviceId = device, extra: Record<string, unknown> = {}) => {
  const r = await h.call('POST', OC_PATHS.deviceCommands, {
    accessToken,
    body: commandBody(deviceId, extra),
  });
  return DeviceCommandResp.parse(r.body);
};
const revoke = (deviceId = device, qs = '') =>
  h.call('POST', `${OC_PATHS.deviceCommandCancelTasks}${qs}`, { accessToken, body: { deviceId } });
const tasks = async (qs = '') => {
  const r = await h.call('GET', `${OC_PATHS.deviceCommandCancelTasks}?${qs}`, { accessToken });
  expect(r.status).toBe(200);
  return QueryRevocationTasksResponse.parse(r.body);
};
const commandStatuses = async () =>
  QueryCommandsResponse.parse(
    (await h.call('GET', `${OC_PATHS.deviceCommands}?deviceId=${device}`, { accessToken })).body,
  ).data.map((c) => c.status);

describe('OceanConnect revocation task (the seed)', () => {
  it('revokes every PENDING command and answers 201: WAITTING, totalCount, each command PENDDING verbatim', async () => {
    const a = await create(device, { callbackUrl: 'http://127.0.0.1:9999/cmd/callbackUrl' });
    const b = await create();
    const r = await revoke();
    expect(r.status).toBe(201);
    const task = RevocationTask.parse(r.body);
    expect(task).toMatchObject({ appId: h.fleet.appId, deviceId: device, status: 'WAITTING', totalCount: 2 });
    expect(task.deviceCommands.map((c) => [c.commandId, c.status])).toEqual([
      [a.commandId, 'PENDDING'],
      [b.commandId, 'PENDDING'],
    ]);
    expect(task.deviceCommands[0]).toEqual({ ...a, status: 'PENDDING' });
    expect(r.res.body).toContain('"status":"WAITTING"');
    expect(r.res.body).toContain('"status":"PENDDING"');
    expect(await commandStatuses()).toEqual(['CANCELED', 'CANCELED']);
  });

  it('answers totalCount 0 and an empty list when nothing is pending', async () => {
    const r = await revoke();
    expect(r.status).toBe(201);
    expect(RevocationTask.parse(r.body)).toMatchObject({
      status: 'WAITTING',
      totalCount: 0,
      deviceCommands: [],
    });
  });

  it('never revokes a command already sent or delivered; only the queued ones', async () => {
    await h.setOnline(device, true);
    const sent = await create();
    const queued = await create();
    expect([sent.status, queued.status]).toEqual(['SENT', 'PENDING']);
    await h.advance(500);
    const task = RevocationTask.parse((await revoke()).body);
    expect(task.deviceCommands.map((c) => c.commandId)).toEqual([queued.commandId]);
    expect(await commandStatuses()).toEqual(['DELIVERED', 'CANCELED']);
  });

  it('never revokes a command still SENT (not yet acknowledged)', async () => {
    await h.setOnline(device, true);
    const sent = await create();
    const queued = await create();
    expect([sent.status, queued.status]).toEqual(['SENT', 'PENDING']);
    const r = await revoke();
    const task = RevocationTask.parse(r.body);
    expect([r.status, task.totalCount]).toEqual([201, 1]);
    expect(task.deviceCommands.map((c) => [c.commandId, c.status])).toEqual([[queued.commandId, 'PENDDING']]);
    expect(await commandStatuses()).toEqual(['SENT', 'CANCELED']);
  });

  it('frees the pending queue at once: 20 revoked, 20 new ones accepted', async () => {
    for (let i = 0; i < 20; i++) await create();
    expect(RevocationTask.parse((await revoke()).body).totalCount).toBe(20);
    for (let i = 0; i < 20; i++) expect((await create()).status).toBe('PENDING');
  });

  it('answers an unknown device with HTTP 200 and 100418', async () => {
    const r = await revoke('00000000-0000-4000-8000-000000000000');
    expect([r.status, r.body]).toEqual([200, errorBody('100418', 'The deviceData is not existed.')]);
  });

  it.each([
    ['a 65-character deviceId', { deviceId: 'd'.repeat(65) }, 'body: deviceId'],
    ['an empty deviceId', { deviceId: '' }, 'body: deviceId'],
    ['no deviceId', {}, 'body: deviceId'],
    ['an extra field', { deviceId: 'x', all: true }, 'body: (root)'],
  ])('answers %s with 400 100022', async (_name, body, detail) => {
    const r = await h.call('POST', OC_PATHS.deviceCommandCancelTasks, { accessToken, body });
    expect([r.status, r.body]).toEqual([400, errorBody('100022', 'The input is invalid.')]);
    expect(r.detail).toContain(detail);
  });

  it('moves WAITTING -> RUNNING -> SUCCESS in platform time, the list showing CANCELED once it has finished', async () => {
    await create();
    const { taskId } = RevocationTask.parse((await revoke()).body);
    const statusNow = async () => (await tasks(`taskId=${taskId}`)).data[0]!;
    expect((await statusNow()).status).toBe('WAITTING');
    expect((await statusNow()).deviceCommands[0]!.status).toBe('PENDDING');
    await h.advance(999);
    expect((await statusNow()).status).toBe('WAITTING');
    await h.advance(1);
    expect((await statusNow()).status).toBe('RUNNING');
    await h.advance(1000);
    const done = await statusNow();
    expect([done.status, done.totalCount, done.deviceCommands[0]!.status]).toEqual([
      'SUCCESS',
      1,
      'CANCELED',
    ]);
  });

  it('follows the configured task timing', async () => {
    await h.close();
    h = await startOc({}, { taskRunDelayMs: 0, taskRunMs: 5000 });
    accessToken = await h.token();
    const { taskId } = RevocationTask.parse((await revoke()).body);
    expect((await tasks(`taskId=${taskId}`)).data[0]!.status).toBe('RUNNING');
    await h.advance(5000);
    expect((await tasks(`taskId=${taskId}`)).data[0]!.status).toBe('SUCCESS');
  });
});

describe('OceanConnect query revocation tasks', () => {
  it('pages the tasks of the application in creation order and filters by task, device, status and time', async () => {
    const t1 = RevocationTask.parse((await revoke(h.fleet.devices[0])).body);
    await h.advance(60_000);
    const t2 = RevocationTask.parse((await revoke(h.fleet.devices[1])).body);
    const t3 = RevocationTask.parse((await revoke(h.fleet.devices[1])).body);
    const all = await tasks('pageNo=0&pageSize=2');
    expect(all.pagination).toEqual({ pageNo: 0, pageSize: 2, totalSize: 3 });
    expect(all.data.map((t) => t.taskId)).toEqual([t1.taskId, t2.taskId]);
    expect((await tasks('pageNo=1&pageSize=2')).data.map((t) => t.taskId)).toEqual([t3.taskId]);
    expect((await tasks(`taskId=${t2.taskId}`)).data.map((t) => t.taskId)).toEqual([t2.taskId]);
    expect((await tasks(`deviceId=${h.fleet.devices[1]}`)).data.map((t) => t.taskId)).toEqual([
      t2.taskId,
      t3.taskId,
    ]);
    expect((await tasks('status=SUCCESS')).data.map((t) => t.taskId)).toEqual([t1.taskId]);
    expect((await tasks('status=WAITTING')).data.map((t) => t.taskId)).toEqual([t2.taskId, t3.taskId]);
    expect((await tasks('endTime=20240305T090000Z')).data.map((t) => t.taskId)).toEqual([t1.taskId]);
    expect((await tasks('startTime=20240305T090100Z')).data.map((t) => t.taskId)).toEqual([
      t2.taskId,
      t3.taskId,
    ]);
  });

  it.each([
    ['an unknown status', 'status=WAITING', 'query: status'],
    ['pageSize 0', 'pageSize=0', 'query: pageSize'],
    ['a 65-character taskId', `taskId=${'t'.repeat(65)}`, 'query: taskId'],
  ])('answers %s with 400 100022', async (_name, qs, detail) => {
    const r = await h.call('GET', `${OC_PATHS.deviceCommandCancelTasks}?${qs}`, { accessToken });
    expect([r.status, r.body]).toEqual([400, errorBody('100022', 'The input is invalid.')]);
    expect(r.detail).toContain(detail);
  });
});

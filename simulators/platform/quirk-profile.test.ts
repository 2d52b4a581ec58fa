// The quirk profile through the control API: faithful by default, one quirk removed at a time, journalled as answered, reset to the configured one.
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

/** One command on the first device, then a revocation task of it: the task's status and its command's status. */
const revoke = async (h: Harness, deviceId = h.fleet.devices[0] as string) => {
  const accessToken = await h.token();
  await h.call('POST', OC_PATHS.deviceCommands, { accessToken, body: commandBody(deviceId) });
  const r = await h.call('POST', OC_PATHS.deviceCommandCancelTasks, { accessToken, body: { deviceId } });
  const body = r.body as { status?: string; deviceCommands?: { status: string }[]; error_code?: string };
  return {
    status: r.status,
    task: body.status,
    command: body.deviceCommands?.[0]?.status,
    code: body.error_code,
  };
};

describe('quirk profile (OceanConnect)', () => {
  it('is faithful by default: WAITTING and PENDDING, 100418 with HTTP 200', async () => {
    oc = await startOc();
    expect(await revoke(oc)).toEqual({ status: 201, task: 'WAITTING', command: 'PENDDING', code: undefined });
    expect(await revoke(oc, 'no-such-device')).toMatchObject({ status: 200, code: '100418' });
    expect((await oc.control('GET', '/quirks')).body.removed).toEqual([]);
  });

  it('removes one quirk at a time, journals the answer as sent, and a reset restores the faithful profile', async () => {
    oc = await startOc();
    const put = await oc.control('PUT', '/quirks', { removed: ['oceanconnect.waitting'] });
    expect(put.status).toBe(200);
    expect(put.body.removed).toEqual(['oceanconnect.waitting']);
    expect(await revoke(oc)).toMatchObject({ status: 201, task: 'WAITING', command: 'PENDDING' });
    const journalled = oc.platform.journal.since(0).at(-1);
    expect(journalled?.responseBody).toContain('"status":"WAITING"');
    expect(journalled?.endpoint).toBe('createRevocationTask');

    await oc.control('PUT', '/quirks', { removed: ['oceanconnect.pendding', 'oceanconnect.error-http-200'] });
    expect(await revoke(oc)).toMatchObject({ task: 'WAITTING', command: 'PENDING' });
    expect(await revoke(oc, 'no-such-device')).toMatchObject({ status: 404, code: '100418' });

    await oc.control('POST', '/reset');
    expect((await oc.control('GET', '/quirks')).body.removed).toEqual([]);
    expect(await revoke(oc)).toMatchObject({ task: 'WAITTING', command: 'PENDDING' });
  });

  it('starts without the configured quirks and returns to them at a reset', async () => {
    oc = await startOc({ removedQuirks: ['oceanconnect.waitting'] });
    expect(await revoke(oc)).toMatchObject({ task: 'WAITING' });
    await oc.control('PUT', '/quirks', { removed: [] });
    expect(await revoke(oc)).toMatchObject({ task: 'WAITTING' });
    await oc.control('POST', '/reset');
    expect(await revoke(oc)).toMatchObject({ task: 'WAITING' });
  });

  it('refuses an unknown quirk id, naming it, and keeps the profile', async () => {
    oc = await startOc();
    const r = await oc.control('PUT', '/quirks', { removed: ['oceanconnect.waitting', 'mars.typo'] });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('unknown quirks: mars.typo');
    expect((await oc.control('GET', '/quirks')).body.removed).toEqual([]);
    expect((await oc.control('PUT', '/quirks', { removed: 'x' })).status).toBe(400);
  });
});

describe('quirk profile (EnOS, IoTDA)', () => {
  it('EnOS: the cancel answer shows state 1 faithfully and 2 without the snapshot quirk', async () => {
    const h = startEnos();
    try {
      const first = await h.cache();
      const one = await h.call('POST', { action: 'cancel', ...h.byAsset, commandId: first });
      expect((one.body.data as { state: number }[])[0]?.state).toBe(1);
      await h.inject({
        method: 'PUT',
        url: '/__control/quirks',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ removed: ['enos.cancel-snapshot', 'enos.error-http-200'] }),
      });
      const second = await h.cache();
      const two = await h.call('POST', { action: 'cancel', ...h.byAsset, commandId: second });
      expect((two.body.data as { state: number }[])[0]?.state).toBe(2);
      const again = await h.call('POST', { action: 'cancel', ...h.byAsset, commandId: second });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 11905 });
    } finally {
      await h.close();
    }
  });

  it('IoTDA: a created command is answered 200 faithfully and 201 without the quirk', async () => {
    const h = setupSim();
    try {
      expect((await h.create(DELAY)).status).toBe(200);
      await h.control('PUT', '/quirks', { removed: ['iotda.create-200'] });
      const created = await h.create(DELAY);
      expect(created.status).toBe(201);
      expect(created.body.status).toBe('PENDING');
    } finally {
      await h.platform.close();
    }
  });
});

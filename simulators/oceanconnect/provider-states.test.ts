// Every provider state of the OceanConnect pact, set through the control API, does what its name and params say.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OC_PATHS, PENDING_CAP } from '../../contracts/oceanconnect/constraints.ts';
import { fixture } from '../../contracts/oceanconnect/fixtures.ts';
import {
  APP_AUTHENTICATED,
  APP_REGISTERED,
  DEVICE_HAS_COMMANDS,
  DEVICE_HAS_REVOCATION_TASKS,
  DEVICE_QUEUE_FULL,
  DEVICE_UNKNOWN,
  OC_PROVIDER_STATES,
  type SeededCommand,
  TARGET_APP_REFUSED,
  THROTTLE_EXHAUSTED,
  TOKEN_INVALID,
} from '../../contracts/oceanconnect/provider-states.ts';
import {
  type DeviceCommandResp,
  QueryCommandsResponse,
  QueryRevocationTasksResponse,
} from '../../contracts/oceanconnect/responses.ts';
import { commandBody, errorBody, type Harness, startOc } from './test-support.ts';

const APP = 'Vh2mQ0fXbT4kLr8sNc1yPz7aWd3e';
const TOKEN = 'a7d3c1e9f05b4d2e8c6a1f3b9e0d7c5a';
const DEVICE = '3a9c1e5f-7b2d-4e8a-9c0f-1d2e3b4a5c6d';
const session = { appId: APP, accessToken: TOKEN };
const commandsPage = fixture('200-query-commands.json', QueryCommandsResponse);
const tasksPage = fixture('200-query-revocation-tasks.json', QueryRevocationTasksResponse);
const seeded = ({ appId: _a, deviceId: _d, ...c }: DeviceCommandResp): SeededCommand => c;

let h: Harness;
beforeEach(async () => {
  h = await startOc();
});
afterEach(async () => h.close());

const as = (path: string, method: 'GET' | 'POST' | 'PUT' = 'GET', body?: unknown) =>
  h.call(method, path, { appKey: APP, accessToken: TOKEN, ...(body === undefined ? {} : { body }) });
const set = async (state: string, params: unknown) => {
  const r = await h.providerState(state, params);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};

describe('OceanConnect provider states', () => {
  it('APP_REGISTERED: the application can log in with that secret', async () => {
    await set(APP_REGISTERED, { appId: APP, secret: 'example-secret-0001' });
    expect((await h.login(APP, 'example-secret-0001')).res.statusCode).toBe(200);
    expect((await h.login(APP, 'other')).res.statusCode).toBe(403);
  });

  it('APP_AUTHENTICATED: the presented token is the valid one', async () => {
    await set(APP_AUTHENTICATED, session);
    expect((await as(OC_PATHS.deviceCommands)).status).toBe(200);
  });

  it('DEVICE_HAS_COMMANDS: the query shows the seeded commands as given, in order', async () => {
    await set(DEVICE_HAS_COMMANDS, { ...session, deviceId: DEVICE, commands: commandsPage.data.map(seeded) });
    const page = QueryCommandsResponse.parse(
      (await as(`${OC_PATHS.deviceCommands}?deviceId=${DEVICE}&pageNo=0&pageSize=10`)).body,
    );
    expect(page).toEqual(commandsPage);
  });

  it('DEVICE_HAS_COMMANDS with none: the device exists and holds nothing', async () => {
    await set(DEVICE_HAS_COMMANDS, { ...session, deviceId: DEVICE, commands: [] });
    expect((await as(OC_PATHS.deviceCommands, 'POST', commandBody(DEVICE))).status).toBe(201);
  });

  it('DEVICE_HAS_REVOCATION_TASKS: the task query shows the seeded tasks with their statuses', async () => {
    await set(DEVICE_HAS_REVOCATION_TASKS, {
      ...session,
      deviceId: DEVICE,
      tasks: tasksPage.data.map((t) => ({
        taskId: t.taskId,
        status: t.status,
        commands: t.deviceCommands.map(({ appId: _a, deviceId: _d, ...c }) => c),
      })),
    });
    const page = QueryRevocationTasksResponse.parse(
      (await as(`${OC_PATHS.deviceCommandCancelTasks}?deviceId=${DEVICE}&pageNo=0&pageSize=10`)).body,
    );
    expect(page).toEqual(tasksPage);
  });

  it('DEVICE_QUEUE_FULL: the next create is 400 100223; another limit than 20 is refused', async () => {
    await set(DEVICE_QUEUE_FULL, { ...session, deviceId: DEVICE, pendingLimit: PENDING_CAP });
    const r = await as(OC_PATHS.deviceCommands, 'POST', commandBody(DEVICE));
    expect([r.status, r.body]).toEqual([400, errorBody('100223', 'Command counts has reached the upLimit.')]);
    const other = await h.providerState(DEVICE_QUEUE_FULL, { ...session, deviceId: DEVICE, pendingLimit: 5 });
    expect(other.status).toBe(400);
  });

  it('DEVICE_UNKNOWN: revoking on that device is HTTP 200 100418; a fleet device id is refused', async () => {
    await set(DEVICE_UNKNOWN, { ...session, deviceId: '00000000-0000-4000-8000-000000000000' });
    const r = await as(OC_PATHS.deviceCommandCancelTasks, 'POST', {
      deviceId: '00000000-0000-4000-8000-000000000000',
    });
    expect([r.status, r.body]).toEqual([200, errorBody('100418', 'The deviceData is not existed.')]);
    expect((await h.providerState(DEVICE_UNKNOWN, { ...session, deviceId: h.fleet.devices[0] })).status).toBe(
      400,
    );
  });

  it.each([
    ['not-existing', 200, '100203', 'The application is not existed.'],
    ['not-existing', 403, '100203', 'The application is not existed.'],
    ['not-authorized', 200, '100217', "The application hasn't been authorized."],
    ['not-authorized', 403, '100217', "The application hasn't been authorized."],
  ] as const)('TARGET_APP_REFUSED %s answered %i: %s', async (condition, answerStatus, code, desc) => {
    const targetAppId = 'Qz5nR8wYtU2iOp6aSd9fGh3jKl1x';
    await set(TARGET_APP_REFUSED, { ...session, targetAppId, condition, answerStatus });
    const r = await as(`${OC_PATHS.deviceCommandCancelTasks}?appId=${targetAppId}`, 'POST', {
      deviceId: DEVICE,
    });
    expect([r.status, r.body]).toEqual([answerStatus, errorBody(code, desc)]);
  });

  it('TOKEN_INVALID: the presented token is refused with 403 1010005; a new login works', async () => {
    await set(TOKEN_INVALID, session);
    const r = await as(OC_PATHS.deviceCommands);
    expect([r.status, r.body]).toEqual([403, errorBody('1010005', 'App_key or access_token is invalid.')]);
  });

  it('THROTTLE_EXHAUSTED: the next call is 403 1010009, even much later within the window', async () => {
    await set(THROTTLE_EXHAUSTED, { ...session, limit: 100, windowSeconds: 60 });
    await h.advance(59_000);
    expect((await as(OC_PATHS.deviceCommands)).body).toEqual(errorBody('1010009', 'app throttle exceed.'));
    await h.advance(1_000);
    expect((await as(OC_PATHS.deviceCommands)).status).toBe(200);
  });

  it('every contract state resets first: a token of the previous state is gone', async () => {
    await set(APP_AUTHENTICATED, session);
    await set(APP_REGISTERED, { appId: 'AnotherApplication', secret: 's' });
    expect((await as(OC_PATHS.deviceCommands)).status).toBe(403);
  });

  it('covers every state of the contract (a new one fails here until it is implemented)', async () => {
    for (const state of Object.keys(OC_PROVIDER_STATES)) {
      const r = await h.providerState(state, {});
      expect(r.status).toBe(400);
      expect(r.body.error).toContain(`bad params for "${state}"`);
    }
  });

  it('refuses an unknown state with the list of known ones', async () => {
    const r = await h.providerState('the moon is full', {});
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('unknown OceanConnect provider state');
    expect(r.body.error).toContain(APP_REGISTERED);
  });

  it('reset brings back the default fleet: its app logs in, its devices take commands', async () => {
    await set(APP_AUTHENTICATED, session);
    expect((await h.control('POST', '/reset?vendor=oceanconnect')).status).toBe(200);
    const accessToken = await h.token();
    const r = await h.call('POST', OC_PATHS.deviceCommands, {
      accessToken,
      body: commandBody(h.fleet.devices[2]!),
    });
    expect(r.status).toBe(201);
    expect((await as(OC_PATHS.deviceCommands)).status).toBe(403);
  });
});

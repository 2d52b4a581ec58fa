// Pact V4 consumer tests: the OceanConnect reference client against the Pact mock server, one interaction per documented case.
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultBackoff } from '../../clients/common/backoff.ts';
import { type CallOptions, OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import type { ClientConfig } from '../../clients/oceanconnect/config.ts';
import type { Result } from '../common/problem.ts';
import { checkCommittedPact, newPact } from '../common/pact.ts';
import { OC_PATHS, PACT_PROVIDER, PENDING_CAP } from './constraints.ts';
import { OC_INTERACTIONS as I } from './coverage.ts';
import { type DocumentedError, errorBodyOf, findDocumentedError } from './errors.ts';
import { fixture } from './fixtures.ts';
import {
  authHeaders,
  commandBody,
  errorBody,
  jsonResponseHeaders,
  pageBody,
  taskBody,
} from './pact-bodies.ts';
import {
  APP_AUTHENTICATED,
  APP_REGISTERED,
  DEVICE_HAS_COMMANDS,
  DEVICE_HAS_REVOCATION_TASKS,
  DEVICE_QUEUE_FULL,
  DEVICE_UNKNOWN,
  type OcProviderState,
  type OcProviderStateParams,
  PLATFORM_FAULT,
  type SeededCommand,
  stateParams,
  TARGET_APP_REFUSED,
  THROTTLE_EXHAUSTED,
  TOKEN_INVALID,
} from './provider-states.ts';
import {
  DeviceCommandResp,
  LoginResponse,
  QueryCommandsResponse,
  QueryRevocationTasksResponse,
  RevocationTask,
  type RevokedDeviceCommandResp,
} from './responses.ts';
import { fromCanonical, toCanonical } from './states.ts';

const { regex, integer, like } = MatchersV3;

type Unconfigured = ReturnType<PactV4['addInteraction']>;
type StateParams = NonNullable<Parameters<Unconfigured['given']>[1]>;
type RequestBuilder = Parameters<NonNullable<Parameters<Unconfigured['withRequest']>[2]>>[0];
const provider = PACT_PROVIDER;
const pact = newPact(provider);

afterAll(() => {
  checkCommittedPact(provider);
});

// ---- example data: the fixtures ---------------------------------------------------------------------------------

const login = fixture('200-login.json', LoginResponse);
const revoked = fixture('201-revocation-task.json', RevocationTask);
const revokedNone = fixture('201-revocation-task-none-pending.json', RevocationTask);
const created = fixture('201-create-command.json', DeviceCommandResp);
const canceled = fixture('200-modify-command-canceled.json', DeviceCommandResp);
const commandsPage = fixture('200-query-commands.json', QueryCommandsResponse);
const tasksPage = fixture('200-query-revocation-tasks.json', QueryRevocationTasksResponse);

const APP_ID = revoked.appId;
const SECRET = 'example-secret-0001';
const TOKEN = login.accessToken;
const DEVICE_ID = revoked.deviceId;
const OTHER_APP_ID = 'Qz5nR8wYtU2iOp6aSd9fGh3jKl1x';
const UNKNOWN_DEVICE_ID = '00000000-0000-4000-8000-000000000000';
const session = { appId: APP_ID, accessToken: TOKEN };

/** A command as the provider must hold it: vendor status in command spelling (PENDDING is how answers show PENDING). */
const seeded = ({
  appId: _a,
  deviceId: _d,
  ...c
}: DeviceCommandResp | RevokedDeviceCommandResp): SeededCommand => ({
  ...c,
  status: fromCanonical(toCanonical(c.status), 'command'),
});

const clientAt = (baseUrl: string, extra: Partial<ClientConfig> = {}) =>
  new OceanConnectClient({
    baseUrl,
    credentials: { appId: APP_ID, secret: SECRET },
    session: { accessToken: TOKEN },
    backoff: defaultBackoff({ maxRetries: 0, sleep: async () => {} }),
    ...extra,
  });

const interaction = <S extends OcProviderState>(
  state: S,
  params: OcProviderStateParams<S>,
  description: string,
) =>
  // The params were just checked against the state's schema, which only admits JSON values.
  pact
    .addInteraction()
    .given(state, stateParams(state, params) as StateParams)
    .uponReceiving(description);

const expectOk = <T>(result: Result<T>, httpStatus: number): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.problem)}`);
  expect(result.httpStatus).toBe(httpStatus);
  return result.value;
};

const documented = (httpStatus: number, code: string): DocumentedError => {
  const row = findDocumentedError(httpStatus, code);
  if (!row) throw new Error(`no documented error ${httpStatus} ${code}`);
  return row;
};

/**
 * A form body. pact-js 17's V4 builder offers `body(type, Buffer)`, which also pins the bytes' sniffed content type
 * (text/plain for a form, so it never matches); the builder's own interaction has the plain-text call we need.
 */
const formBody = (b: RequestBuilder, form: URLSearchParams): void => {
  const inner = (
    b as unknown as { interaction: { withRequestBody(body: string, contentType: string): void } }
  ).interaction;
  inner.withRequestBody(form.toString(), 'application/x-www-form-urlencoded');
};

const revocationRequest =
  (deviceId: string, opts: { appIdQuery?: string; withAppKey?: boolean } = {}) =>
  (b: RequestBuilder) => {
    const auth = authHeaders(APP_ID, TOKEN);
    const headers = opts.withAppKey === false ? { Authorization: auth.Authorization } : auth;
    b.headers({ ...headers, 'Content-Type': 'application/json' }).jsonBody({ deviceId });
    if (opts.appIdQuery) b.query({ appId: opts.appIdQuery });
  };

describe('OceanConnect consumer pact', () => {
  it('login', async () => {
    await interaction(APP_REGISTERED, { appId: APP_ID, secret: SECRET }, I.login)
      .withRequest('POST', OC_PATHS.login, (b) => {
        b.headers({ 'Content-Type': 'application/x-www-form-urlencoded' });
        formBody(b, new URLSearchParams({ appId: APP_ID, secret: SECRET }));
      })
      .willRespondWith(200, (b) =>
        b.headers(jsonResponseHeaders).jsonBody({
          accessToken: regex('^\\S+$', login.accessToken),
          tokenType: like(login.tokenType),
          refreshToken: regex('^\\S+$', login.refreshToken),
          expiresIn: integer(login.expiresIn),
          scope: like(login.scope),
        }),
      )
      .executeTest(async (server) => {
        const value = expectOk(await clientAt(server.url, { session: undefined }).login(), 200);
        expect(value.accessToken).toBe(login.accessToken);
        expect(value.expiresIn).toBe(3600);
      });
  });

  it('revocation of several pending commands: WAITTING task, PENDDING commands', async () => {
    await interaction(
      DEVICE_HAS_COMMANDS,
      { ...session, deviceId: DEVICE_ID, commands: revoked.deviceCommands.map(seeded) },
      I.revokeSeveralPending,
    )
      .withRequest('POST', OC_PATHS.deviceCommandCancelTasks, revocationRequest(DEVICE_ID))
      .willRespondWith(201, (b) => b.headers(jsonResponseHeaders).jsonBody(taskBody(revoked)))
      .executeTest(async (server) => {
        const task = expectOk(await clientAt(server.url).createRevocationTask({ deviceId: DEVICE_ID }), 201);
        expect(task.status).toBe('WAITTING');
        expect(task.totalCount).toBe(2);
        expect(task.deviceCommands.map((c) => [c.commandId, c.status, c.canonicalState])).toEqual([
          [revoked.deviceCommands[0]!.commandId, 'PENDDING', 'PENDING'],
          [revoked.deviceCommands[1]!.commandId, 'PENDDING', 'PENDING'],
        ]);
      });
  });

  it('revocation for a device with nothing pending: totalCount 0, empty list', async () => {
    const done = commandsPage.data.find((c) => c.status === 'SUCCESSFUL')!;
    await interaction(
      DEVICE_HAS_COMMANDS,
      { ...session, deviceId: revokedNone.deviceId, commands: [seeded(done)] },
      I.revokeNonePending,
    )
      .withRequest('POST', OC_PATHS.deviceCommandCancelTasks, revocationRequest(revokedNone.deviceId))
      .willRespondWith(201, (b) =>
        b.headers(jsonResponseHeaders).jsonBody(taskBody(revokedNone, { anyTaskStatus: true })),
      )
      .executeTest(async (server) => {
        const task = expectOk(
          await clientAt(server.url).createRevocationTask({ deviceId: revokedNone.deviceId }),
          201,
        );
        expect(task.totalCount).toBe(0);
        expect(task.deviceCommands).toEqual([]);
      });
  });

  type ErrorCase = {
    description: string;
    row: DocumentedError;
    given: () => Unconfigured;
    deviceId: string;
    request?: { appIdQuery?: string; withAppKey?: boolean };
    options?: CallOptions;
    client?: Partial<ClientConfig>;
  };

  const refused = (
    condition: 'not-existing' | 'not-authorized',
    answerStatus: 200 | 403,
    description: string,
  ) => ({
    description,
    row: documented(answerStatus, condition === 'not-existing' ? '100203' : '100217'),
    given: () =>
      interaction(
        TARGET_APP_REFUSED,
        { ...session, targetAppId: OTHER_APP_ID, condition, answerStatus },
        description,
      ),
    deviceId: DEVICE_ID,
    request: { appIdQuery: OTHER_APP_ID },
  });

  const errorCases: ErrorCase[] = [
    refused('not-existing', 200, I.revokeAppNotExisted200),
    refused('not-authorized', 200, I.revokeAppNotAuthorized200),
    {
      description: I.revokeDeviceUnknown,
      row: documented(200, '100418'),
      given: () =>
        interaction(DEVICE_UNKNOWN, { ...session, deviceId: UNKNOWN_DEVICE_ID }, I.revokeDeviceUnknown),
      deviceId: UNKNOWN_DEVICE_ID,
    },
    {
      description: I.revokeInputInvalid,
      row: documented(400, '100022'),
      given: () => interaction(APP_AUTHENTICATED, session, I.revokeInputInvalid),
      deviceId: 'd'.repeat(65),
      options: { probe: { skipInputValidation: true } },
    },
    refused('not-existing', 403, I.revokeAppNotExisted403),
    refused('not-authorized', 403, I.revokeAppNotAuthorized403),
    {
      description: I.revokeThrottled,
      row: documented(403, '1010009'),
      given: () =>
        interaction(THROTTLE_EXHAUSTED, { ...session, limit: 100, windowSeconds: 60 }, I.revokeThrottled),
      deviceId: DEVICE_ID,
    },
    {
      description: I.revokeTokenInvalid,
      row: documented(403, '1010005'),
      given: () => interaction(TOKEN_INVALID, session, I.revokeTokenInvalid),
      deviceId: DEVICE_ID,
      client: { reloginOnInvalidToken: false },
    },
    {
      description: I.revokeInternalError,
      row: documented(500, '100001'),
      given: () =>
        interaction(PLATFORM_FAULT, { ...session, fault: 'internal-error' }, I.revokeInternalError),
      deviceId: DEVICE_ID,
    },
    {
      description: I.revokeAppKeyMissing,
      row: documented(500, '100220'),
      given: () => interaction(APP_AUTHENTICATED, session, I.revokeAppKeyMissing),
      deviceId: DEVICE_ID,
      request: { withAppKey: false },
      options: { probe: { omitAppKey: true } },
    },
    {
      description: I.revokeCongestion,
      row: documented(503, '100501'),
      given: () => interaction(PLATFORM_FAULT, { ...session, fault: 'congestion' }, I.revokeCongestion),
      deviceId: DEVICE_ID,
    },
  ];

  for (const c of errorCases) {
    it(`revocation answered ${c.row.httpStatus} ${c.row.code}: ${c.row.text}`, async () => {
      await c
        .given()
        .withRequest('POST', OC_PATHS.deviceCommandCancelTasks, revocationRequest(c.deviceId, c.request))
        .willRespondWith(c.row.httpStatus, (b) =>
          b.headers(jsonResponseHeaders).jsonBody(errorBody(errorBodyOf(c.row))),
        )
        .executeTest(async (server) => {
          const result = await clientAt(server.url, c.client).createRevocationTask(
            { deviceId: c.deviceId, ...(c.request?.appIdQuery ? { appId: c.request.appIdQuery } : {}) },
            c.options,
          );
          const vendorError = {
            kind: 'vendor-error',
            vendor: 'oceanconnect',
            httpStatus: c.row.httpStatus,
            code: c.row.code,
            message: c.row.text,
            body: errorBodyOf(c.row),
          };
          if (c.row.code === '1010009') {
            expect(result).toEqual({
              ok: false,
              problem: { kind: 'throttled', vendor: 'oceanconnect', attempts: 1, last: vendorError },
            });
          } else {
            expect(result).toEqual({ ok: false, problem: vendorError });
          }
        });
    });
  }

  it('query of revocation tasks', async () => {
    await interaction(
      DEVICE_HAS_REVOCATION_TASKS,
      {
        ...session,
        deviceId: DEVICE_ID,
        tasks: tasksPage.data.map((t) => ({
          taskId: t.taskId,
          status: t.status,
          commands: t.deviceCommands.map(({ appId: _a, deviceId: _d, ...c }) => c),
        })),
      },
      I.queryRevocationTasks,
    )
      .withRequest('GET', OC_PATHS.deviceCommandCancelTasks, (b) =>
        b.headers(authHeaders(APP_ID, TOKEN)).query({ deviceId: DEVICE_ID, pageNo: '0', pageSize: '10' }),
      )
      .willRespondWith(200, (b) =>
        b.headers(jsonResponseHeaders).jsonBody(pageBody(tasksPage, (t) => taskBody(t))),
      )
      .executeTest(async (server) => {
        const page = expectOk(
          await clientAt(server.url).queryRevocationTasks({ deviceId: DEVICE_ID, pageNo: 0, pageSize: 10 }),
          200,
        );
        expect(page.pagination.totalSize).toBe(2);
        expect(page.data.map((t) => t.status)).toEqual(['WAITTING', 'SUCCESS']);
        expect(page.data.map((t) => t.deviceCommands.map((c) => [c.status, c.canonicalState]))).toEqual([
          [['PENDDING', 'PENDING']],
          [['CANCELED', 'CANCELED']],
        ]);
      });
  });

  const createInput = {
    deviceId: created.deviceId,
    command: created.command,
    callbackUrl: created.callbackUrl!,
    expireTime: created.expireTime!,
    maxRetransmit: created.maxRetransmit,
  };
  const createRequest = (b: RequestBuilder) => {
    b.headers({ ...authHeaders(APP_ID, TOKEN), 'Content-Type': 'application/json' }).jsonBody(createInput);
  };

  it('create command: cached as PENDING', async () => {
    await interaction(
      DEVICE_HAS_COMMANDS,
      { ...session, deviceId: created.deviceId, commands: [] },
      I.createCommand,
    )
      .withRequest('POST', OC_PATHS.deviceCommands, createRequest)
      .willRespondWith(201, (b) => b.headers(jsonResponseHeaders).jsonBody(commandBody(created)))
      .executeTest(async (server) => {
        const command = expectOk(await clientAt(server.url).createCommand(createInput), 201);
        expect(command.status).toBe('PENDING');
        expect(command.canonicalState).toBe('PENDING');
        expect(command.commandId).toBe(created.commandId);
      });
  });

  it('create command refused: 400 100223 pending limit reached', async () => {
    const row = documented(400, '100223');
    await interaction(
      DEVICE_QUEUE_FULL,
      { ...session, deviceId: created.deviceId, pendingLimit: PENDING_CAP },
      I.createCommandLimit,
    )
      .withRequest('POST', OC_PATHS.deviceCommands, createRequest)
      .willRespondWith(400, (b) => b.headers(jsonResponseHeaders).jsonBody(errorBody(errorBodyOf(row))))
      .executeTest(async (server) => {
        const result = await clientAt(server.url).createCommand(createInput);
        expect(result.ok ? undefined : result.problem).toMatchObject({
          kind: 'vendor-error',
          httpStatus: 400,
          code: '100223',
          message: 'Command counts has reached the upLimit.',
        });
      });
  });

  it('query commands of a device', async () => {
    await interaction(
      DEVICE_HAS_COMMANDS,
      { ...session, deviceId: DEVICE_ID, commands: commandsPage.data.map(seeded) },
      I.queryCommands,
    )
      .withRequest('GET', OC_PATHS.deviceCommands, (b) =>
        b.headers(authHeaders(APP_ID, TOKEN)).query({ deviceId: DEVICE_ID, pageNo: '0', pageSize: '10' }),
      )
      .willRespondWith(200, (b) =>
        b.headers(jsonResponseHeaders).jsonBody(pageBody(commandsPage, commandBody)),
      )
      .executeTest(async (server) => {
        const page = expectOk(
          await clientAt(server.url).queryCommands({ deviceId: DEVICE_ID, pageNo: 0, pageSize: 10 }),
          200,
        );
        expect(page.data.map((c) => [c.status, c.canonicalState])).toEqual([
          ['PENDING', 'PENDING'],
          ['SUCCESSFUL', 'SUCCEEDED'],
        ]);
      });
  });

  it('modify a pending command to CANCELED', async () => {
    await interaction(
      DEVICE_HAS_COMMANDS,
      { ...session, deviceId: canceled.deviceId, commands: [{ ...seeded(canceled), status: 'PENDING' }] },
      I.cancelCommand,
    )
      .withRequest('PUT', OC_PATHS.deviceCommand(canceled.commandId), (b) =>
        b
          .headers({ ...authHeaders(APP_ID, TOKEN), 'Content-Type': 'application/json' })
          .jsonBody({ status: 'CANCELED' }),
      )
      .willRespondWith(200, (b) => b.headers(jsonResponseHeaders).jsonBody(commandBody(canceled)))
      .executeTest(async (server) => {
        const command = expectOk(
          await clientAt(server.url).modifyCommand({
            deviceCommandId: canceled.commandId,
            status: 'CANCELED',
          }),
          200,
        );
        expect([command.status, command.canonicalState]).toEqual(['CANCELED', 'CANCELED']);
      });
  });
});

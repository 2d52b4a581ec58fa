// Pact V4 consumer test of the reference IoTDA client: every pinned interaction of the huawei-iotda provider, in one file.
import { PACT_PROVIDER } from './constraints.ts';
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, iotdaBackoff } from '../../clients/iotda/client.ts';
import { HUAWEI_TIME_REGEX } from '../common/huawei-time.ts';
import { checkCommittedPact, newPact } from '../common/pact.ts';
import type { Problem, Result } from '../common/problem.ts';
import { INTERACTIONS } from './coverage.ts';
import { IOTDA_ERRORS } from './errors.ts';
import { matcherBody, readFixture, seededCommandOf, seededCommandOfListItem } from './pact-bodies.ts';
import {
  CREDENTIALS_REJECTED,
  CredentialsRejectedParams,
  DEVICE_ABSENT,
  DEVICE_WITH_COMMANDS,
  DeviceAbsentParams,
  DeviceWithCommandsParams,
  ERROR_INJECTED,
  ErrorInjectedParams,
  type SeededCommand,
} from './provider-states.ts';
import { type IotdaCredentials, SDK_HMAC_AUTHORIZATION_REGEX } from './requests.ts';
import { ListCommandsResponseTolerant } from './responses.ts';
import type { IotdaStatus } from './states.ts';

const { integer, like, regex } = MatchersV3;
type JsonMap = NonNullable<Parameters<ReturnType<PactV4['addInteraction']>['given']>[1]>;
const pact = newPact(PACT_PROVIDER);

// ---- the example world -------------------------------------------------------------------------------------------

const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const DEVICE = '5f2b1c0d9a8e7f6a5b4c3d2e_water-meter-01';
const INSTANCE = 'e1b5c3a0-77aa-4c1e-9f00-3c4d5e6f7a8b';
const TOKEN: IotdaCredentials = { kind: 'token', token: 'MIIexample-iam-token-0001' };
const AK = 'HPUAEXAMPLEAK0000001';
const AKSK: IotdaCredentials = { kind: 'aksk', ak: AK, sk: 'sKexampleSecretKey0000000000000000000001' };
const SDK_DATE = '20240305T081500Z';
/** An example only: a provider verifier re-signs each replayed request with the AK/SK of the provider state. */
const exampleAuthorization = (signedHeaders: string) =>
  `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${signedHeaders}, Signature=${'0'.repeat(64)}`;

const DEVICE_PATH = `/v5/iot/${PROJECT}/devices/${DEVICE}`;
const DEVICE_PATH_REGEX = '^/v5/iot/[A-Za-z0-9_-]{1,64}/devices/[A-Za-z0-9_-]{1,128}';
const showPath = (commandId: string) =>
  regex(
    `${DEVICE_PATH_REGEX}/async-commands/[A-Za-z0-9_-]{1,100}$`,
    `${DEVICE_PATH}/async-commands/${commandId}`,
  );
const collectionPath = (suffix: 'async-commands' | 'async-commands-history') =>
  regex(`${DEVICE_PATH_REGEX}/${suffix}$`, `${DEVICE_PATH}/${suffix}`);

const instanceHeader = { 'Instance-Id': regex('^[A-Za-z0-9_-]+$', INSTANCE) };
const authHeaders = (credentials: IotdaCredentials, signedHeaders = 'host;instance-id;x-sdk-date') =>
  credentials.kind === 'token'
    ? { 'X-Auth-Token': regex('^\\S+$', credentials.token), ...instanceHeader }
    : {
        Authorization: regex(SDK_HMAC_AUTHORIZATION_REGEX, exampleAuthorization(signedHeaders)),
        'X-Sdk-Date': regex(HUAWEI_TIME_REGEX, SDK_DATE),
        ...instanceHeader,
      };
const JSON_RESPONSE = {
  'Content-Type': regex('^application/json(;\\s*charset=[A-Za-z0-9-]+)?$', 'application/json'),
};

const target = (auth: IotdaCredentials) => ({
  projectId: PROJECT,
  deviceId: DEVICE,
  instanceId: INSTANCE,
  auth,
});

/** Provider-state params, checked against their own schema before they go into the pact. */
const params = <T>(schema: { parse: (v: unknown) => T }, value: T): JsonMap =>
  schema.parse(value) as unknown as JsonMap;

const deviceWith = (commands: SeededCommand[], extra: { online?: boolean; auth?: IotdaCredentials } = {}) =>
  params(DeviceWithCommandsParams, {
    ...target(extra.auth ?? TOKEN),
    online: extra.online ?? true,
    commands,
  });

const clientFor = (baseUrl: string, credentials: IotdaCredentials = TOKEN) =>
  createClient({
    baseUrl,
    projectId: PROJECT,
    credentials,
    instanceId: INSTANCE,
    backoff: iotdaBackoff({ maxRetries: 0, sleep: async () => {} }),
  });

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r.value;
};
const problem = <T>(r: Result<T>): Problem => {
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r.problem;
};

const fixtureBody = (name: string) => readFixture(name) as Record<string, unknown>;
const errorEntry = (code: string, status: number) => {
  const e = IOTDA_ERRORS.find((x) => x.code === code && x.httpStatus === status);
  if (!e) throw new Error(`no error entry ${status} ${code}`);
  return e;
};

// ---- interactions ----------------------------------------------------------------------------------------------

const SHOW_CASES: { description: string; fixture: string; status: IotdaStatus; canonical: string }[] = [
  {
    description: INTERACTIONS.showPending,
    fixture: '200-show-pending.json',
    status: 'PENDING',
    canonical: 'PENDING',
  },
  {
    description: INTERACTIONS.showExpired,
    fixture: '200-show-expired.json',
    status: 'EXPIRED',
    canonical: 'EXPIRED',
  },
  { description: INTERACTIONS.showSent, fixture: '200-show-sent.json', status: 'SENT', canonical: 'SENT' },
  {
    description: INTERACTIONS.showDelivered,
    fixture: '200-show-delivered.json',
    status: 'DELIVERED',
    canonical: 'DELIVERED',
  },
  {
    description: INTERACTIONS.showSuccessful,
    fixture: '200-show-successful.json',
    status: 'SUCCESSFUL',
    canonical: 'SUCCEEDED',
  },
  {
    description: INTERACTIONS.showFailed,
    fixture: '200-show-failed.json',
    status: 'FAILED',
    canonical: 'FAILED',
  },
  {
    description: INTERACTIONS.showTimeout,
    fixture: '200-show-timeout.json',
    status: 'TIMEOUT',
    canonical: 'TIMED_OUT',
  },
];

const showInteraction = (description: string, fixture: string, auth: IotdaCredentials) => {
  const seeded = seededCommandOf(fixture);
  return pact
    .addInteraction()
    .given(DEVICE_WITH_COMMANDS, deviceWith([seeded], { auth }))
    .uponReceiving(description)
    .withRequest('GET', showPath(seeded.commandId), (b) => b.headers(authHeaders(auth)))
    .willRespondWith(200, (b) => b.headers(JSON_RESPONSE).jsonBody(matcherBody(fixtureBody(fixture))));
};

/** An error answer on the show endpoint, under the given provider state. */
const showError = (
  description: string,
  state: string,
  stateParams: JsonMap,
  fixture: string,
  httpStatus: number,
) => {
  const commandId = '0b6d2c1e-3f4a-4b5c-8d9e-0f1a2b3c4d01';
  return pact
    .addInteraction()
    .given(state, stateParams)
    .uponReceiving(description)
    .withRequest('GET', showPath(commandId), (b) => b.headers(authHeaders(TOKEN)))
    .willRespondWith(httpStatus, (b) => b.headers(JSON_RESPONSE).jsonBody(matcherBody(fixtureBody(fixture))))
    .executeTest(async (mock) =>
      problem(await clientFor(mock.url).showAsyncCommand({ device_id: DEVICE, command_id: commandId })),
    );
};

const injected = (code: string, status: number) => {
  const e = errorEntry(code, status);
  return params(ErrorInjectedParams, {
    ...target(TOKEN),
    httpStatus: e.httpStatus,
    errorCode: e.code,
    errorMsg: e.message,
  });
};

const CREATE_DELAY = {
  service_id: 'ValveControl',
  command_name: 'SET_VALVE',
  paras: { valve: 'CLOSE', delay_s: 30 },
  expire_time: 86_400,
  send_strategy: 'delay',
} as const;
const CREATE_IMMEDIATELY = {
  service_id: 'ValveControl',
  command_name: 'SET_VALVE',
  paras: { valve: 'OPEN' },
  send_strategy: 'immediately',
} as const;

const createRequestBody = (body: Record<string, unknown>) => ({
  ...body,
  paras: like(body.paras),
  ...(typeof body.expire_time === 'number' ? { expire_time: integer(body.expire_time) } : {}),
});

const createState = (fixture: string, online: boolean, auth: IotdaCredentials) => {
  const created = fixtureBody(fixture);
  return params(DeviceWithCommandsParams, {
    ...target(auth),
    online,
    commands: [],
    nextCommandId: String(created.command_id),
    now: String(created.created_time),
  });
};

describe('Huawei Cloud IoTDA v5 consumer pact', () => {
  afterAll(() => {
    checkCommittedPact(PACT_PROVIDER);
  });

  for (const c of SHOW_CASES) {
    it(`shows a ${c.status} command (X-Auth-Token)`, async () => {
      const fixture = fixtureBody(c.fixture);
      await showInteraction(c.description, c.fixture, TOKEN).executeTest(async (mock) => {
        const v = value(
          await clientFor(mock.url).showAsyncCommand({
            device_id: DEVICE,
            command_id: String(fixture.command_id),
          }),
        );
        expect(v.status).toBe(c.status);
        expect(v.canonicalState).toBe(c.canonical);
        expect(v.command_id).toBe(fixture.command_id);
        expect(v.result).toEqual(fixture.result);
      });
    });
  }

  it('shows a SENT command with an AK/SK-signed request', async () => {
    await showInteraction(INTERACTIONS.showSentAksk, '200-show-sent.json', AKSK).executeTest(async (mock) => {
      const v = value(
        await clientFor(mock.url, AKSK).showAsyncCommand({
          device_id: DEVICE,
          command_id: '0b6d2c1e-3f4a-4b5c-8d9e-0f1a2b3c4d03',
        }),
      );
      expect([v.status, v.canonicalState, v.sent_time]).toEqual(['SENT', 'SENT', '20240305T091000Z']);
    });
  });

  it('maps 400 IOTDA.000006 to a vendor error', async () => {
    const p = await showError(
      INTERACTIONS.show400,
      ERROR_INJECTED,
      injected('IOTDA.000006', 400),
      '400-iotda-000006-invalid-input.json',
      400,
    );
    expect(p).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 400,
      code: 'IOTDA.000006',
      message: 'Invalid input data.',
    });
  });

  it('maps 401 IOTDA.000002 to a vendor error', async () => {
    const p = await showError(
      INTERACTIONS.show401,
      CREDENTIALS_REJECTED,
      params(CredentialsRejectedParams, { ...target(TOKEN), rejection: 'authentication-failed' }),
      '401-iotda-000002-authentication-failed.json',
      401,
    );
    expect(p).toMatchObject({ kind: 'vendor-error', httpStatus: 401, code: 'IOTDA.000002' });
  });

  it('maps 403 IOTDA.001000 to a vendor error', async () => {
    const p = await showError(
      INTERACTIONS.show403,
      CREDENTIALS_REJECTED,
      params(CredentialsRejectedParams, { ...target(TOKEN), rejection: 'application-missing' }),
      '403-iotda-001000-application-missing.json',
      403,
    );
    expect(p).toMatchObject({ kind: 'vendor-error', httpStatus: 403, code: 'IOTDA.001000' });
  });

  it('maps 404 IOTDA.014000 to a vendor error', async () => {
    const p = await showError(
      INTERACTIONS.show404,
      DEVICE_ABSENT,
      params(DeviceAbsentParams, target(TOKEN)),
      '404-iotda-014000-device-not-found.json',
      404,
    );
    expect(p).toMatchObject({ kind: 'vendor-error', httpStatus: 404, code: 'IOTDA.014000' });
  });

  it('maps 500 IOTDA.000001 to a vendor error', async () => {
    const p = await showError(
      INTERACTIONS.show500,
      ERROR_INJECTED,
      injected('IOTDA.000001', 500),
      '500-iotda-000001-internal-error.json',
      500,
    );
    expect(p).toMatchObject({ kind: 'vendor-error', httpStatus: 500, code: 'IOTDA.000001' });
  });

  it('maps IOTDA.014111 sent with HTTP 200 to a vendor error', async () => {
    const p = await showError(
      INTERACTIONS.show200Error,
      ERROR_INJECTED,
      injected('IOTDA.014111', 200),
      '200-iotda-014111-command-timed-out.json',
      200,
    );
    expect(p).toMatchObject({ kind: 'vendor-error', httpStatus: 200, code: 'IOTDA.014111' });
  });

  it('reports 429 APIG.0308 as throttled once retries (none here) run out', async () => {
    const p = await showError(
      INTERACTIONS.show429,
      ERROR_INJECTED,
      injected('APIG.0308', 429),
      '429-apig-0308-throttled.json',
      429,
    );
    expect(p).toMatchObject({
      kind: 'throttled',
      attempts: 1,
      last: { kind: 'vendor-error', code: 'APIG.0308' },
    });
  });

  it('creates a delay command: 200 PENDING', async () => {
    await pact
      .addInteraction()
      .given(DEVICE_WITH_COMMANDS, createState('200-create-delay-pending.json', false, TOKEN))
      .uponReceiving(INTERACTIONS.createDelay)
      .withRequest('POST', collectionPath('async-commands'), (b) =>
        b
          .headers({ ...authHeaders(TOKEN), 'Content-Type': regex('^application/json', 'application/json') })
          .jsonBody(createRequestBody(CREATE_DELAY)),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody(matcherBody(fixtureBody('200-create-delay-pending.json'))),
      )
      .executeTest(async (mock) => {
        const v = value(await clientFor(mock.url).createAsyncCommand({ device_id: DEVICE, ...CREATE_DELAY }));
        expect([v.status, v.canonicalState, v.send_strategy]).toEqual(['PENDING', 'PENDING', 'delay']);
      });
  });

  it('creates an immediately command: 200 SENT', async () => {
    await pact
      .addInteraction()
      .given(DEVICE_WITH_COMMANDS, createState('200-create-immediately-sent.json', true, TOKEN))
      .uponReceiving(INTERACTIONS.createImmediately)
      .withRequest('POST', collectionPath('async-commands'), (b) =>
        b
          .headers({ ...authHeaders(TOKEN), 'Content-Type': regex('^application/json', 'application/json') })
          .jsonBody(createRequestBody(CREATE_IMMEDIATELY)),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody(matcherBody(fixtureBody('200-create-immediately-sent.json'))),
      )
      .executeTest(async (mock) => {
        const v = value(
          await clientFor(mock.url).createAsyncCommand({ device_id: DEVICE, ...CREATE_IMMEDIATELY }),
        );
        expect([v.status, v.canonicalState, v.send_strategy]).toEqual(['SENT', 'SENT', 'immediately']);
      });
  });

  it('creates a delay command with an AK/SK-signed JSON body', async () => {
    await pact
      .addInteraction()
      .given(DEVICE_WITH_COMMANDS, createState('200-create-delay-pending.json', false, AKSK))
      .uponReceiving(INTERACTIONS.createDelayAksk)
      .withRequest('POST', collectionPath('async-commands'), (b) =>
        b
          .headers({
            ...authHeaders(AKSK, 'content-type;host;instance-id;x-sdk-date'),
            'Content-Type': regex('^application/json', 'application/json'),
          })
          .jsonBody(createRequestBody(CREATE_DELAY)),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody(matcherBody(fixtureBody('200-create-delay-pending.json'))),
      )
      .executeTest(async (mock) => {
        const v = value(
          await clientFor(mock.url, AKSK).createAsyncCommand({ device_id: DEVICE, ...CREATE_DELAY }),
        );
        expect(v.canonicalState).toBe('PENDING');
      });
  });

  it('refuses an immediately command to an offline device: 403 IOTDA.014016', async () => {
    await pact
      .addInteraction()
      .given(DEVICE_WITH_COMMANDS, createState('200-create-immediately-sent.json', false, TOKEN))
      .uponReceiving(INTERACTIONS.createOffline)
      .withRequest('POST', collectionPath('async-commands'), (b) =>
        b
          .headers({ ...authHeaders(TOKEN), 'Content-Type': regex('^application/json', 'application/json') })
          .jsonBody(createRequestBody(CREATE_IMMEDIATELY)),
      )
      .willRespondWith(403, (b) =>
        b.headers(JSON_RESPONSE).jsonBody(matcherBody(fixtureBody('403-iotda-014016-device-offline.json'))),
      )
      .executeTest(async (mock) => {
        const p = problem(
          await clientFor(mock.url).createAsyncCommand({ device_id: DEVICE, ...CREATE_IMMEDIATELY }),
        );
        expect(p).toMatchObject({ kind: 'vendor-error', httpStatus: 403, code: 'IOTDA.014016' });
      });
  });

  const listCase = (
    description: string,
    suffix: 'async-commands' | 'async-commands-history',
    fixture: string,
  ) => {
    const body = ListCommandsResponseTolerant.parse(readFixture(fixture));
    const raw = fixtureBody(fixture) as {
      commands: Record<string, unknown>[];
      page: Record<string, unknown>;
    };
    const seeded = body.commands.map((c) => seededCommandOfListItem(c, { valve: 'CLOSE', delay_s: 30 }));
    const state = params(DeviceWithCommandsParams, {
      ...target(TOKEN),
      online: true,
      commands: seeded,
      ...(body.page.marker ? { pageMarker: body.page.marker } : {}),
    });
    const page: Record<string, unknown> = {};
    if (typeof raw.page.count === 'number') page.count = integer(raw.page.count);
    if (typeof raw.page.marker === 'string') page.marker = like(raw.page.marker);
    return pact
      .addInteraction()
      .given(DEVICE_WITH_COMMANDS, state)
      .uponReceiving(description)
      .withRequest('GET', collectionPath(suffix), (b) => b.query({ limit: '10' }).headers(authHeaders(TOKEN)))
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({ commands: raw.commands.map((c) => matcherBody(c)), page }),
      );
  };

  it('lists the queued commands of a device', async () => {
    await listCase(INTERACTIONS.listQueued, 'async-commands', '200-list-queued.json').executeTest(
      async (mock) => {
        const v = value(await clientFor(mock.url).listAsyncCommands({ device_id: DEVICE, limit: 10 }));
        expect(v.commands.map((c) => [c.status, c.canonicalState])).toEqual([
          ['PENDING', 'PENDING'],
          ['SENT', 'SENT'],
        ]);
        expect(v.page).toEqual({ count: 2, marker: '5f2b1c0d9a8e7f6a5b4c3d21' });
      },
    );
  });

  it('lists the command history of a device', async () => {
    await listCase(INTERACTIONS.listHistory, 'async-commands-history', '200-list-history.json').executeTest(
      async (mock) => {
        const v = value(await clientFor(mock.url).listAsyncHistoryCommands({ device_id: DEVICE, limit: 10 }));
        expect(v.commands.map((c) => [c.status, c.canonicalState])).toEqual([
          ['SUCCESSFUL', 'SUCCEEDED'],
          ['EXPIRED', 'EXPIRED'],
        ]);
        expect(v.page).toEqual({ marker: '5f2b1c0d9a8e7f6a5b4c3d31' });
      },
    );
  });
});

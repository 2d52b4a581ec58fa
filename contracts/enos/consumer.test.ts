// Pact V4 consumer tests: the EnOS reference client against the Pact mock server, one interaction per documented case.
import { MatchersV3 } from '@pact-foundation/pact';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, type ClientConfig } from '../../clients/enos/client.ts';
import { staticTokenSource } from '../../clients/enos/token.ts';
import { checkCommittedPact, newPact } from '../common/pact.ts';
import type { Result } from '../common/problem.ts';
import { ID_REGEX, PACT_PROVIDER } from './constraints.ts';
import { INTERACTIONS } from './coverage.ts';
import { messageFor } from './errors.ts';
import {
  APP,
  apimRequestHeaders,
  asStateParams,
  CACHED_MP,
  CACHED_SERVICE,
  commandBody,
  DEVICE,
  deviceState,
  errorBody,
  JSON_HEADERS,
  NOW,
  okBody,
  RELEASED,
  SENT_OK,
  tokenRequestBody,
  UNKNOWN_COMMAND_ID,
  UNKNOWN_ORG_ID,
} from './pact-bodies.ts';
import { ENOS_STATES } from './provider-states.ts';
import { COMMANDS_PATH, TOKEN_PATH } from './requests.ts';

const { integer, like, regex } = MatchersV3;
const pact = newPact(PACT_PROVIDER);

const clientFor = (baseUrl: string, extra: Partial<ClientConfig> = {}) =>
  createClient({
    baseUrl,
    credentials: { appKey: APP.appKey, appSecret: APP.appSecret },
    tokenSource: staticTokenSource(APP.accessToken),
    now: () => NOW,
    ...extra,
  });

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r.value;
};

const byAsset = { orgId: DEVICE.orgId, assetId: DEVICE.assetId };
const byKeys = { orgId: DEVICE.orgId, productKey: DEVICE.productKey, deviceKey: DEVICE.deviceKey };

/** One cancel interaction: query (action added), the device's commands, and the expected answer body. */
const cancelInteraction = (
  description: string,
  device: Record<string, string>,
  commandId: string | undefined,
  commands: Parameters<typeof deviceState>[0],
  responseBody: unknown,
  method: 'POST' | 'GET' = 'POST',
) => {
  const query: Record<string, string> = { action: 'cancel', ...device, ...(commandId ? { commandId } : {}) };
  return pact
    .addInteraction()
    .given(ENOS_STATES.deviceCommands, deviceState(commands))
    .uponReceiving(description)
    .withRequest(method, COMMANDS_PATH, (b) => b.query(query).headers(apimRequestHeaders(query)))
    .willRespondWith(200, (b) => b.headers(JSON_HEADERS).jsonBody(responseBody));
};

describe('EnOS Connection Service v2.1 consumer pact', () => {
  afterAll(() => {
    checkCommittedPact(PACT_PROVIDER);
  });

  it('cancels one cached command by assetId', async () => {
    await cancelInteraction(
      INTERACTIONS.cancelOneByAssetId,
      byAsset,
      CACHED_MP.commandId,
      [CACHED_MP, CACHED_SERVICE],
      okBody([commandBody(CACHED_MP, 1)]),
    ).executeTest(async (mock) => {
      const r = value(await clientFor(mock.url).cancel({ ...byAsset, commandId: CACHED_MP.commandId }));
      expect(r.data.map((c) => [c.commandId, c.state, c.canonicalState])).toEqual([
        [CACHED_MP.commandId, 1, 'CANCELED'],
      ]);
    });
  });

  it('cancels one cached command by productKey+deviceKey', async () => {
    await cancelInteraction(
      INTERACTIONS.cancelOneByDeviceKey,
      byKeys,
      CACHED_SERVICE.commandId,
      [CACHED_MP, CACHED_SERVICE],
      okBody([commandBody(CACHED_SERVICE, 1)]),
    ).executeTest(async (mock) => {
      const r = value(await clientFor(mock.url).cancel({ ...byKeys, commandId: CACHED_SERVICE.commandId }));
      expect(r.data[0]).toMatchObject({ commandId: CACHED_SERVICE.commandId, canonicalState: 'CANCELED' });
      expect(r.data[0]?.inputData).toEqual({ service_input: 555 });
    });
  });

  it('cancels all cached commands by assetId, leaving the delivered one alone', async () => {
    await cancelInteraction(
      INTERACTIONS.cancelAllByAssetId,
      byAsset,
      undefined,
      [CACHED_MP, CACHED_SERVICE, SENT_OK],
      okBody([commandBody(CACHED_MP, 1), commandBody(CACHED_SERVICE, 1)]),
    ).executeTest(async (mock) => {
      const r = value(await clientFor(mock.url).cancel(byAsset));
      expect(r.data.map((c) => c.commandId)).toEqual([CACHED_MP.commandId, CACHED_SERVICE.commandId]);
      expect(r.data.every((c) => c.canonicalState === 'CANCELED')).toBe(true);
    });
  });

  it('cancels all cached commands by productKey+deviceKey', async () => {
    await cancelInteraction(
      INTERACTIONS.cancelAllByDeviceKey,
      byKeys,
      undefined,
      [CACHED_MP, CACHED_SERVICE, SENT_OK],
      okBody([commandBody(CACHED_MP, 1), commandBody(CACHED_SERVICE, 1)]),
    ).executeTest(async (mock) => {
      const r = value(await clientFor(mock.url).cancel(byKeys));
      expect(r.data).toHaveLength(2);
    });
  });

  it('cancel-all of a device with nothing cached answers an empty array', async () => {
    await cancelInteraction(
      INTERACTIONS.cancelAllNoneCached,
      byAsset,
      undefined,
      [SENT_OK],
      okBody([]),
    ).executeTest(async (mock) => {
      expect(value(await clientFor(mock.url).cancel(byAsset)).data).toEqual([]);
    });
  });

  it('cancel-all sent as GET without a body, as the vendor sample cancelCommand.py does', async () => {
    await cancelInteraction(
      INTERACTIONS.cancelAllAsGet,
      byKeys,
      undefined,
      [CACHED_MP, SENT_OK],
      okBody([commandBody(CACHED_MP, 1)]),
      'GET',
    ).executeTest(async (mock) => {
      const r = value(await clientFor(mock.url, { cancelMethod: 'GET' }).cancel(byKeys));
      expect(r.data.map((c) => c.commandId)).toEqual([CACHED_MP.commandId]);
    });
  });

  it('an unknown commandId gives 11404 with HTTP 200, returned as a vendor error', async () => {
    await cancelInteraction(
      INTERACTIONS.cancel11404,
      byAsset,
      UNKNOWN_COMMAND_ID,
      [CACHED_MP],
      errorBody(11404, messageFor(11404)),
    ).executeTest(async (mock) => {
      const r = await clientFor(mock.url).cancel({ ...byAsset, commandId: UNKNOWN_COMMAND_ID });
      expect(r.ok ? undefined : r.problem).toMatchObject({
        kind: 'vendor-error',
        httpStatus: 200,
        code: '11404',
        message: 'Command not found',
      });
    });
  });

  it('a command no longer in state 1 Created gives 11905 with HTTP 200', async () => {
    await cancelInteraction(
      INTERACTIONS.cancel11905,
      byAsset,
      SENT_OK.commandId,
      [SENT_OK],
      errorBody(11905, messageFor(11905)),
    ).executeTest(async (mock) => {
      const r = await clientFor(mock.url).cancel({ ...byAsset, commandId: SENT_OK.commandId });
      expect(r.ok ? undefined : r.problem).toMatchObject({
        kind: 'vendor-error',
        httpStatus: 200,
        code: '11905',
        message: 'Cache message cancel error, not created state',
      });
    });
  });

  it('an orgId that does not exist gives 99400 with HTTP 200', async () => {
    const query = { action: 'cancel', orgId: UNKNOWN_ORG_ID, assetId: DEVICE.assetId };
    await pact
      .addInteraction()
      .given(ENOS_STATES.unknownOrganisation, asStateParams({ app: APP, orgId: UNKNOWN_ORG_ID }))
      .uponReceiving(INTERACTIONS.cancel99400)
      .withRequest('POST', COMMANDS_PATH, (b) => b.query(query).headers(apimRequestHeaders(query)))
      .willRespondWith(200, (b) => b.headers(JSON_HEADERS).jsonBody(errorBody(99400, messageFor(99400))))
      .executeTest(async (mock) => {
        const r = await clientFor(mock.url).cancel({ orgId: UNKNOWN_ORG_ID, assetId: DEVICE.assetId });
        expect(r.ok ? undefined : r.problem).toMatchObject({
          kind: 'vendor-error',
          httpStatus: 200,
          code: '99400',
        });
      });
  });

  it('invokeService with pendingTtl creates a cached command', async () => {
    const query = {
      action: 'invokeService',
      ...byAsset,
      serviceId: 'service522',
      pendingTtl: '600',
      timeout: '10',
    };
    const body = { inputData: { service_input: 555 } };
    await pact
      .addInteraction()
      .given(ENOS_STATES.deviceCommands, deviceState([]))
      .uponReceiving(INTERACTIONS.invokeServiceCached)
      .withRequest('POST', COMMANDS_PATH, (b) =>
        b.query(query).headers(apimRequestHeaders(query, body)).jsonBody(body),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_HEADERS).jsonBody(okBody({ commandId: regex(ID_REGEX, '2278935391225619001') })),
      )
      .executeTest(async (mock) => {
        const r = value(
          await clientFor(mock.url).invokeService({
            ...byAsset,
            serviceId: 'service522',
            pendingTtl: 600,
            timeout: 10,
            ...body,
          }),
        );
        expect(r.data.commandId).toBe('2278935391225619001');
        expect(r.data.outputData).toBeUndefined();
      });
  });

  it('setMeasurepoint with pendingTtl creates a cached command', async () => {
    const query = {
      action: 'setMeasurepoint',
      ...byKeys,
      measurepointId: 'Int_value',
      pendingTtl: '6000',
      timeout: '30',
    };
    const body = { value: 111 };
    await pact
      .addInteraction()
      .given(ENOS_STATES.deviceCommands, deviceState([]))
      .uponReceiving(INTERACTIONS.setMeasurepointCached)
      .withRequest('POST', COMMANDS_PATH, (b) =>
        b.query(query).headers(apimRequestHeaders(query, body)).jsonBody(body),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_HEADERS).jsonBody(okBody({ commandId: regex(ID_REGEX, '2278935391225619002') })),
      )
      .executeTest(async (mock) => {
        const r = await clientFor(mock.url).setMeasurepoint({
          ...byKeys,
          measurepointId: 'Int_value',
          pendingTtl: 6000,
          timeout: 30,
          value: 111,
        });
        expect(value(r).data.commandId).toBe('2278935391225619002');
      });
  });

  it('get returns one command; 4 Released reads as canonical SENT', async () => {
    const query = { action: 'get', ...byKeys, commandId: RELEASED.commandId };
    await pact
      .addInteraction()
      .given(ENOS_STATES.deviceCommands, deviceState([CACHED_MP, RELEASED]))
      .uponReceiving(INTERACTIONS.getReleased)
      .withRequest('GET', COMMANDS_PATH, (b) => b.query(query).headers(apimRequestHeaders(query)))
      .willRespondWith(200, (b) => b.headers(JSON_HEADERS).jsonBody(okBody(commandBody(RELEASED))))
      .executeTest(async (mock) => {
        const r = value(await clientFor(mock.url).get({ ...byKeys, commandId: RELEASED.commandId }));
        expect(r.data).toMatchObject({ commandId: RELEASED.commandId, state: 4, canonicalState: 'SENT' });
      });
  });

  it('search returns the matching commands, newest first, with pagination', async () => {
    const query = { action: 'search', ...byAsset };
    const body = { expression: 'state = 1', pagination: { pageNo: 1, pageSize: 10 } };
    await pact
      .addInteraction()
      .given(ENOS_STATES.deviceCommands, deviceState([CACHED_MP, CACHED_SERVICE, SENT_OK]))
      .uponReceiving(INTERACTIONS.searchCreated)
      .withRequest('POST', COMMANDS_PATH, (b) =>
        b.query(query).headers(apimRequestHeaders(query, body)).jsonBody(body),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_HEADERS).jsonBody(
          okBody([commandBody(CACHED_SERVICE), commandBody(CACHED_MP)], {
            pagination: {
              sortedBy: like([{ field: 'createDate', order: 'DESC' }]),
              pageNo: 1,
              pageSize: 10,
              totalSize: 2,
            },
          }),
        ),
      )
      .executeTest(async (mock) => {
        const r = value(await clientFor(mock.url).search({ ...byAsset, ...body }));
        expect(r.data.map((c) => [c.commandId, c.canonicalState])).toEqual([
          [CACHED_SERVICE.commandId, 'PENDING'],
          [CACHED_MP.commandId, 'PENDING'],
        ]);
        expect(r.pagination.totalSize).toBe(2);
      });
  });

  it('gets an access token from the token service', async () => {
    await pact
      .addInteraction()
      .given(ENOS_STATES.application, asStateParams({ app: APP }))
      .uponReceiving(INTERACTIONS.tokenGet)
      .withRequest('POST', TOKEN_PATH, (b) => b.jsonBody(tokenRequestBody()))
      .willRespondWith(200, (b) =>
        b.headers(JSON_HEADERS).jsonBody({
          status: 0,
          msg: like('SUCCESS'),
          business: 'apim-token-service',
          data: { accessToken: like(APP.accessToken), expire: integer(APP.expire) },
        }),
      )
      .executeTest(async (mock) => {
        const client = clientFor(mock.url, { tokenSource: undefined });
        const token = value(await client.getToken());
        expect(token).toEqual({ accessToken: APP.accessToken, expiresAt: NOW + APP.expire * 1000 });
      });
  });
});

// The answers each reference client reads, as data: the pinned (strict) schema, the client's reader, and the call.
import fc from 'fast-check';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { defaultBackoff } from '../../clients/common/backoff.ts';
import { createEnosClient } from '../../clients/enos/client.ts';
import { staticTokenSource } from '../../clients/enos/token.ts';
import { createIotdaClient, iotdaBackoff } from '../../clients/iotda/client.ts';
import { OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import { formatHuaweiTime, HuaweiTime } from '../../contracts/common/huawei-time.ts';
import type { Result, Vendor } from '../../contracts/common/problem.ts';
import * as enos from '../../contracts/enos/responses.ts';
import { IOTDA_ERRORS } from '../../contracts/iotda/errors.ts';
import * as iotda from '../../contracts/iotda/responses.ts';
import { CallbackUrl } from '../../contracts/oceanconnect/constraints.ts';
import { errorBodyOf, OC_ERRORS } from '../../contracts/oceanconnect/errors.ts';
import * as oc from '../../contracts/oceanconnect/responses.ts';
import { arbitraryOf, type Overrides } from './zod-arbitrary.ts';

export const PROBE_ORIGIN = 'http://answers.test';

/** Refinements the structure of a schema cannot show: timestamps and URLs are drawn directly. */
export const OVERRIDES: Overrides = new Map<z.ZodType, fc.Arbitrary<unknown>>([
  [HuaweiTime, fc.integer({ min: 0, max: Date.UTC(2099, 11, 31) }).map(formatHuaweiTime)],
  [CallbackUrl, fc.constantFrom('http://127.0.0.1:9999/cmd/callbackUrl', 'https://example.com/cb')],
]);

type Call = (dispatcher: Dispatcher) => Promise<Result<unknown>>;

/** A success answer: generated from `strict`, read by the client with `reader`. */
export type SuccessCase = {
  vendor: Vendor;
  name: string;
  status: number;
  strict: z.ZodType;
  reader: z.ZodType;
  method: 'GET' | 'POST' | 'PUT';
  call: Call;
  /** Paths never broken: EnOS's `code` decides between a success and an error envelope (the error cases cover it). */
  fixed?: readonly string[];
};

/** An error answer: what the client must report as that vendor error (or as throttled). */
export type ErrorCase = {
  vendor: Vendor;
  name: string;
  answer: fc.Arbitrary<{ status: number; body: unknown }>;
  call: Call;
  method: 'GET' | 'POST' | 'PUT';
};

const enosClient = (dispatcher: Dispatcher) =>
  createEnosClient({
    baseUrl: PROBE_ORIGIN,
    credentials: { appKey: 'app-key', appSecret: 'app-secret' },
    tokenSource: staticTokenSource('token-1'),
    dispatcher,
  });
const ocClient = (dispatcher: Dispatcher) =>
  new OceanConnectClient({
    baseUrl: PROBE_ORIGIN,
    credentials: { appId: 'app-1', secret: 'secret-1' },
    session: { accessToken: 'token-1' },
    backoff: defaultBackoff({ maxRetries: 0, sleep: async () => {} }),
    reloginOnInvalidToken: false,
    dispatcher,
  });
const iotdaClient = (dispatcher: Dispatcher) =>
  createIotdaClient({
    baseUrl: PROBE_ORIGIN,
    projectId: 'project-1',
    credentials: { kind: 'token', token: 'token-1' },
    backoff: iotdaBackoff({ maxRetries: 0, sleep: async () => {} }),
    dispatcher,
  });

const device = { orgId: 'o1', assetId: 'asset-1' };

export const SUCCESS_CASES: readonly SuccessCase[] = [
  {
    vendor: 'enos',
    name: 'enos get',
    status: 200,
    strict: enos.GetResponseStrict,
    reader: enos.GetResponseTolerant,
    fixed: ['code'],
    method: 'GET',
    call: (d) => enosClient(d).get({ ...device, commandId: 'c-1' }),
  },
  {
    vendor: 'enos',
    name: 'enos cancel',
    status: 200,
    strict: enos.CancelResponseStrict,
    reader: enos.CancelResponseTolerant,
    fixed: ['code'],
    method: 'POST',
    call: (d) => enosClient(d).cancel(device),
  },
  {
    vendor: 'enos',
    name: 'enos invokeService',
    status: 200,
    strict: enos.InvokeServiceResponseStrict,
    reader: enos.InvokeServiceResponseTolerant,
    fixed: ['code'],
    method: 'POST',
    call: (d) => enosClient(d).invokeService({ ...device, serviceId: 'svc', inputData: {} }),
  },
  {
    vendor: 'enos',
    name: 'enos search',
    status: 200,
    strict: enos.SearchResponseStrict,
    reader: enos.SearchResponseTolerant,
    fixed: ['code'],
    method: 'POST',
    call: (d) => enosClient(d).search(device),
  },
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect create command',
    status: 201,
    strict: oc.DeviceCommandResp,
    reader: oc.DeviceCommandRespTolerant,
    method: 'POST',
    call: (d) => ocClient(d).createCommand({ deviceId: 'd-1', command: { serviceId: 's', method: 'm' } }),
  },
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect modify command',
    status: 200,
    strict: oc.DeviceCommandResp,
    reader: oc.DeviceCommandRespTolerant,
    method: 'PUT',
    call: (d) => ocClient(d).modifyCommand({ deviceCommandId: 'c-1', status: 'CANCELED' }),
  },
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect revocation task',
    status: 201,
    strict: oc.RevocationTask,
    reader: oc.RevocationTaskTolerant,
    method: 'POST',
    call: (d) => ocClient(d).createRevocationTask({ deviceId: 'd-1' }),
  },
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect query commands',
    status: 200,
    strict: oc.QueryCommandsResponse,
    reader: oc.QueryCommandsResponseTolerant,
    method: 'GET',
    call: (d) => ocClient(d).queryCommands({ deviceId: 'd-1' }),
  },
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect query revocation tasks',
    status: 200,
    strict: oc.QueryRevocationTasksResponse,
    reader: oc.QueryRevocationTasksResponseTolerant,
    method: 'GET',
    call: (d) => ocClient(d).queryRevocationTasks({}),
  },
  {
    vendor: 'iotda',
    name: 'iotda show command',
    status: 200,
    strict: iotda.ShowAsyncCommandResponse,
    reader: iotda.ShowAsyncCommandResponseTolerant,
    method: 'GET',
    call: (d) => iotdaClient(d).showAsyncCommand({ device_id: 'd-1', command_id: 'c-1' }),
  },
  {
    vendor: 'iotda',
    name: 'iotda create command',
    status: 200,
    strict: iotda.CreateAsyncCommandResponse,
    reader: iotda.CreateAsyncCommandResponseTolerant,
    method: 'POST',
    call: (d) => iotdaClient(d).createAsyncCommand({ device_id: 'd-1', paras: {}, send_strategy: 'delay' }),
  },
  {
    vendor: 'iotda',
    name: 'iotda list queued',
    status: 200,
    strict: iotda.ListAsyncCommandsResponse,
    reader: iotda.ListCommandsResponseTolerant,
    method: 'GET',
    call: (d) => iotdaClient(d).listAsyncCommands({ device_id: 'd-1' }),
  },
  {
    vendor: 'iotda',
    name: 'iotda list history',
    status: 200,
    strict: iotda.ListAsyncHistoryCommandsResponse,
    reader: iotda.ListCommandsResponseTolerant,
    method: 'GET',
    call: (d) => iotdaClient(d).listAsyncHistoryCommands({ device_id: 'd-1' }),
  },
];

export const ERROR_CASES: readonly ErrorCase[] = [
  {
    vendor: 'enos',
    name: 'enos error envelope',
    method: 'GET',
    answer: arbitraryOf(enos.ErrorResponseStrict, OVERRIDES).map((body) => ({ status: 200, body })),
    call: (d) => enosClient(d).get({ ...device, commandId: 'c-1' }),
  },
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect documented error',
    method: 'POST',
    answer: fc.constantFrom(...OC_ERRORS).map((e) => ({ status: e.httpStatus, body: errorBodyOf(e) })),
    call: (d) => ocClient(d).createRevocationTask({ deviceId: 'd-1' }),
  },
  {
    vendor: 'iotda',
    name: 'iotda documented error',
    method: 'GET',
    answer: fc.constantFrom(...IOTDA_ERRORS).map((e) => ({
      status: e.httpStatus,
      body:
        e.code === 'APIG.0308'
          ? { error_code: e.code, error_msg: e.message, request_id: 'r-1' }
          : { error_code: e.code, error_msg: e.message },
    })),
    call: (d) => iotdaClient(d).showAsyncCommand({ device_id: 'd-1', command_id: 'c-1' }),
  },
];

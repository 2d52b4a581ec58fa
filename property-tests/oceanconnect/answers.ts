// The OceanConnect answers its reference client reads, for the schema properties: pinned schema, the client's reader, the call.
import type { Dispatcher } from 'undici';
import fc from 'fast-check';
import { defaultBackoff } from '../../clients/common/backoff.ts';
import { OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import { CallbackUrl } from '../../contracts/oceanconnect/constraints.ts';
import { errorBodyOf, OC_ERRORS } from '../../contracts/oceanconnect/errors.ts';
import * as oc from '../../contracts/oceanconnect/responses.ts';
import { type ErrorCase, type Override, PROBE_ORIGIN, type SuccessCase } from '../schema/answer-case.ts';

const ocClient = (dispatcher: Dispatcher) =>
  new OceanConnectClient({
    baseUrl: PROBE_ORIGIN,
    credentials: { appId: 'app-1', secret: 'secret-1' },
    session: { accessToken: 'token-1' },
    backoff: defaultBackoff({ maxRetries: 0, sleep: async () => {} }),
    reloginOnInvalidToken: false,
    dispatcher,
  });

export const SUCCESS_CASES: readonly SuccessCase[] = [
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
];

export const ERROR_CASES: readonly ErrorCase[] = [
  {
    vendor: 'oceanconnect',
    name: 'oceanconnect documented error',
    method: 'POST',
    answer: fc.constantFrom(...OC_ERRORS).map((e) => ({ status: e.httpStatus, body: errorBodyOf(e) })),
    call: (d) => ocClient(d).createRevocationTask({ deviceId: 'd-1' }),
  },
];

/** A callback URL is drawn directly: its refinement (http or https) is not visible in the schema's structure. */
export const OVERRIDES: readonly Override[] = [
  [CallbackUrl, fc.constantFrom('http://127.0.0.1:9999/cmd/callbackUrl', 'https://example.com/cb')],
];

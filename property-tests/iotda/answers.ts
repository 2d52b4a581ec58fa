// The IoTDA answers its reference client reads, for the schema properties: pinned schema, the client's reader, the call.
import type { Dispatcher } from 'undici';
import fc from 'fast-check';
import { createClient, iotdaBackoff } from '../../clients/iotda/client.ts';
import { IOTDA_ERRORS } from '../../contracts/iotda/errors.ts';
import * as iotda from '../../contracts/iotda/responses.ts';
import { type ErrorCase, type Override, PROBE_ORIGIN, type SuccessCase } from '../schema/answer-case.ts';

const iotdaClient = (dispatcher: Dispatcher) =>
  createClient({
    baseUrl: PROBE_ORIGIN,
    projectId: 'project-1',
    credentials: { kind: 'token', token: 'token-1' },
    backoff: iotdaBackoff({ maxRetries: 0, sleep: async () => {} }),
    dispatcher,
  });

export const SUCCESS_CASES: readonly SuccessCase[] = [
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

export const OVERRIDES: readonly Override[] = [];

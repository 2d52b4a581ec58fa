// The EnOS answers its reference client reads, for the schema properties: pinned schema, the client's reader, the call.
import type { Dispatcher } from 'undici';
import { createClient } from '../../clients/enos/client.ts';
import { staticTokenSource } from '../../clients/enos/token.ts';
import * as enos from '../../contracts/enos/responses.ts';
import { arbitraryOf } from '../schema/zod-arbitrary.ts';
import {
  COMMON_OVERRIDES,
  type ErrorCase,
  type Override,
  PROBE_ORIGIN,
  type SuccessCase,
} from '../schema/answer-case.ts';

const enosClient = (dispatcher: Dispatcher) =>
  createClient({
    baseUrl: PROBE_ORIGIN,
    credentials: { appKey: 'app-key', appSecret: 'app-secret' },
    tokenSource: staticTokenSource('token-1'),
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
];

export const ERROR_CASES: readonly ErrorCase[] = [
  {
    vendor: 'enos',
    name: 'enos error envelope',
    method: 'GET',
    answer: arbitraryOf(enos.ErrorResponseStrict, new Map(COMMON_OVERRIDES)).map((body) => ({
      status: 200,
      body,
    })),
    call: (d) => enosClient(d).get({ ...device, commandId: 'c-1' }),
  },
];

export const OVERRIDES: readonly Override[] = [];

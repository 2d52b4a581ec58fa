// Unit tests of the EnOS client: input refusal, what goes on the wire, and how answers become Results.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { renderProblem } from '../../contracts/common/problem.ts';
import { COMMANDS_PATH } from '../../contracts/enos/requests.ts';
import { apimSignature } from '../../contracts/enos/signing.ts';
import {
  countingTokens,
  DEVICE,
  fixture,
  JSON_REPLY,
  mockAgent,
  NOW,
  ORIGIN,
  SECRET,
  testClient,
} from './test-support.ts';

const agent = mockAgent();
afterEach(() => {
  agent.assertNoPendingInterceptors();
});
const origin = agent.get(ORIGIN);
const commandsPath = (p: string) => p.startsWith(`${COMMANDS_PATH}?`);

describe('input validation happens before anything is sent', () => {
  const cases: [string, () => Promise<unknown>, string][] = [];
  const tokens = countingTokens();
  const client = testClient(agent, { tokenSource: tokens });
  const add = (name: string, call: () => Promise<unknown>, field: string) => cases.push([name, call, field]);

  add('missing orgId', () => client.cancel({ assetId: 'a1' } as never), 'orgId');
  add('orgId with a space', () => client.cancel({ orgId: 'o 1', assetId: 'a1' }), 'orgId');
  add('orgId of 129 characters', () => client.cancel({ orgId: 'o'.repeat(129), assetId: 'a1' }), 'orgId');
  add('assetId with &', () => client.cancel({ orgId: 'o1', assetId: 'a&b' }), 'assetId');
  add('no device at all', () => client.cancel({ orgId: 'o1' }), 'assetId');
  add(
    'assetId and device keys together',
    () => client.cancel({ orgId: 'o1', assetId: 'a', productKey: 'p', deviceKey: 'd' }),
    'assetId',
  );
  add('productKey without deviceKey', () => client.cancel({ orgId: 'o1', productKey: 'p' }), 'deviceKey');
  add('deviceKey without productKey', () => client.cancel({ orgId: 'o1', deviceKey: 'd' }), 'productKey');
  add('commandId with /', () => client.cancel({ ...DEVICE, commandId: '12/34' }), 'commandId');
  add('empty commandId', () => client.get({ ...DEVICE, commandId: '' }), 'commandId');
  add('get without commandId', () => client.get({ ...DEVICE } as never), 'commandId');
  const invoke = { ...DEVICE, serviceId: 'svc', inputData: {} };
  add('serviceId with a dash', () => client.invokeService({ ...invoke, serviceId: 'my-svc' }), 'serviceId');
  add(
    'pendingTtl above 172800',
    () => client.invokeService({ ...invoke, pendingTtl: 172_801 }),
    'pendingTtl',
  );
  add('negative pendingTtl', () => client.invokeService({ ...invoke, pendingTtl: -1 }), 'pendingTtl');
  add('fractional pendingTtl', () => client.invokeService({ ...invoke, pendingTtl: 1.5 }), 'pendingTtl');
  add('timeout 0', () => client.invokeService({ ...invoke, timeout: 0 }), 'timeout');
  add('timeout 61', () => client.invokeService({ ...invoke, timeout: 61 }), 'timeout');
  add('inputData not a map', () => client.invokeService({ ...invoke, inputData: [1] as never }), 'inputData');
  const mp = { ...DEVICE, measurepointId: 'mp1', value: 1 };
  add('measurepointId empty', () => client.setMeasurepoint({ ...mp, measurepointId: '' }), 'measurepointId');
  add('value null', () => client.setMeasurepoint({ ...mp, value: null as never }), 'value');
  add('setMeasurepoint timeout 61', () => client.setMeasurepoint({ ...mp, timeout: 61 }), 'timeout');
  add(
    'pageSize 0',
    () => client.search({ ...DEVICE, pagination: { pageNo: 1, pageSize: 0 } }),
    'pagination.pageSize',
  );
  add(
    'pageNo 0',
    () => client.search({ ...DEVICE, pagination: { pageNo: 0, pageSize: 5 } }),
    'pagination.pageNo',
  );
  add(
    'sorters',
    () => client.search({ ...DEVICE, pagination: { pageNo: 1, pageSize: 5, sorters: [] } as never }),
    'pagination.sorters',
  );
  add('empty expression', () => client.search({ ...DEVICE, expression: '' }), 'expression');

  it.each(cases)('refuses %s, naming %s', async (_name, call, field) => {
    const r = (await call()) as { ok: boolean; problem?: { kind: string; field: string; vendor: string } };
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'invalid-input', vendor: 'enos', field });
    expect(tokens.calls).toBe(0);
  });

  it('renders the refused field in words', async () => {
    const r = await client.invokeService({ ...invoke, pendingTtl: 172_801 });
    if (r.ok) throw new Error('expected a refusal');
    expect(renderProblem(r.problem)).toMatch(/field "pendingTtl"/);
  });
});

describe('what goes on the wire', () => {
  it('cancel-all: POST, action first, no commandId, signed with the vendor rule', async () => {
    let seen: { path: string; method: string; headers: Record<string, string> } | undefined;
    origin.intercept({ path: commandsPath, method: 'POST' }).reply((opts) => {
      seen = { path: opts.path, method: opts.method, headers: opts.headers as Record<string, string> };
      return { statusCode: 200, data: fixture('200-cancel-all-none-cached.json') as object, ...JSON_REPLY };
    });
    const r = await testClient(agent).cancel(DEVICE);
    expect(r.ok).toBe(true);
    const url = new URL(seen?.path ?? '', ORIGIN);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toEqual({ action: 'cancel', ...DEVICE });
    expect(seen?.headers['apim-accesstoken']).toBe('tok-1');
    expect(seen?.headers['apim-timestamp']).toBe(String(NOW));
    expect(seen?.headers['apim-signature']).toBe(
      apimSignature({ accessToken: 'tok-1', query, timestamp: NOW, appSecret: SECRET }),
    );
  });

  it('invokeService: the signature covers the query and the JSON body exactly as sent', async () => {
    let seen: { path: string; body: string; headers: Record<string, string> } | undefined;
    origin.intercept({ path: commandsPath, method: 'POST' }).reply((opts) => {
      seen = { path: opts.path, body: String(opts.body), headers: opts.headers as Record<string, string> };
      return { statusCode: 200, data: fixture('200-invoke-service-cached.json') as object, ...JSON_REPLY };
    });
    const r = await testClient(agent).invokeService({
      ...DEVICE,
      serviceId: 'service522',
      pendingTtl: 600,
      timeout: 10,
      inputData: { service_input: 555 },
    });
    expect(r.ok && r.value.data).toEqual({ commandId: '2078724684846989312' });
    const query = Object.fromEntries(new URL(seen?.path ?? '', ORIGIN).searchParams);
    expect(query).toMatchObject({
      action: 'invokeService',
      serviceId: 'service522',
      pendingTtl: '600',
      timeout: '10',
    });
    expect(JSON.parse(seen?.body ?? '')).toEqual({ inputData: { service_input: 555 } });
    expect(seen?.headers['apim-signature']).toBe(
      apimSignature({ accessToken: 'tok-1', query, bodyText: seen?.body, timestamp: NOW, appSecret: SECRET }),
    );
  });

  it('cancel can be sent as GET (cancelMethod), as the vendor sample cancelCommand.py does', async () => {
    origin
      .intercept({ path: commandsPath, method: 'GET' })
      .reply(200, fixture('200-cancel-all-none-cached.json') as object, JSON_REPLY);
    const r = await testClient(agent, { cancelMethod: 'GET' }).cancel(DEVICE);
    expect(r.ok).toBe(true);
  });
});

describe('answers', () => {
  const reply = (status: number, body: object | string) =>
    origin.intercept({ path: commandsPath, method: 'POST' }).reply(status, body, JSON_REPLY);

  it('reads the verbatim seed 000 sample with the tolerant reader', async () => {
    reply(200, fixture('200-cancel-one-by-device-key-seed-sample.json') as object);
    const r = await testClient(agent).cancel({ ...DEVICE, commandId: '2278935391225618432' });
    if (!r.ok) throw new Error(renderProblem(r.problem));
    expect(r.value.data[0]).toMatchObject({
      createTime: 1560505243577,
      createLocalTime: '2019-06-14 17:40:23',
      state: 1,
      canonicalState: 'CANCELED',
    });
  });

  it('reads the verbatim seed 001 sample (msg Success, numbers, no outputData)', async () => {
    reply(200, fixture('200-cancel-all-by-device-key-seed-sample.json') as object);
    const r = await testClient(agent).cancel({ orgId: 'o1', productKey: 'bXuuAiku', deviceKey: 'mqtt_01' });
    if (!r.ok) throw new Error(renderProblem(r.problem));
    expect(r.value.msg).toBe('Success');
    expect(r.value.data[0]).toMatchObject({ createLocalTime: 1560505243577, outputData: null });
  });

  it('maps each vendor state of a get answer to its canonical state', async () => {
    const base = (fixture('200-get-command.json') as { data: object }).data;
    const seen: string[] = [];
    for (const state of [1, 2, 3, 4, 5, 6, 7]) {
      origin
        .intercept({ path: commandsPath, method: 'GET' })
        .reply(200, { code: 0, msg: 'OK', requestId: 'r', data: { ...base, state } }, JSON_REPLY);
      const r = await testClient(agent).get({ ...DEVICE, commandId: '2242591201245044736' });
      if (!r.ok) throw new Error(renderProblem(r.problem));
      seen.push(r.value.data.canonicalState);
    }
    expect(seen).toEqual(['PENDING', 'CANCELED', 'EXPIRED', 'SENT', 'SUCCEEDED', 'FAILED', 'TIMED_OUT']);
  });

  const FIXTURES = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'contracts',
    'enos',
    'fixtures',
  );
  const errorFixtures = readdirSync(FIXTURES).filter((f) => /^200-\d{5}-/.test(f));

  it.each(errorFixtures)('%s arrives with HTTP 200 and becomes a vendor error', async (file) => {
    const body = fixture(file) as { code: number; msg: string };
    reply(200, body);
    const r = await testClient(agent).cancel({ ...DEVICE, commandId: '1' });
    expect(r.ok ? undefined : r.problem).toEqual({
      kind: 'vendor-error',
      vendor: 'enos',
      httpStatus: 200,
      code: String(body.code),
      message: body.msg,
      body,
    });
  });

  it('keeps a non-200 status on a vendor error', async () => {
    reply(500, fixture('200-99500-internal-server-error.json') as object);
    const r = await testClient(agent).cancel(DEVICE);
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'vendor-error',
      httpStatus: 500,
      code: '99500',
    });
  });

  it('an answer that matches nothing is an invalid response naming the path', async () => {
    const bad = fixture('200-cancel-one-by-device-key-seed-sample.json') as { data: { state: number }[] };
    reply(200, { ...bad, data: [{ ...bad.data[0], state: 9 }] });
    const r = await testClient(agent).cancel(DEVICE);
    if (r.ok || r.problem.kind !== 'invalid-response') throw new Error('expected an invalid response');
    expect(r.problem.issues.map((i) => i.path)).toContain('data.0.state');
  });

  it('a cancel answer listing a delivered command contradicts itself and is refused', async () => {
    const one = fixture('200-cancel-one-by-device-key.json') as { data: object[] };
    reply(200, { ...one, data: [{ ...one.data[0], state: 5 }] });
    const r = await testClient(agent).cancel(DEVICE);
    expect(r.ok ? undefined : r.problem.kind).toBe('invalid-response');
  });

  it('a gateway page without JSON is an invalid response, not a crash', async () => {
    origin.intercept({ path: commandsPath, method: 'POST' }).reply(502, '<html>Bad Gateway</html>');
    const r = await testClient(agent).cancel(DEVICE);
    expect(r.ok ? undefined : r.problem).toMatchObject({
      kind: 'invalid-response',
      httpStatus: 502,
      body: '<html>Bad Gateway</html>',
    });
  });

  it('a success envelope with an HTTP error status is an invalid response', async () => {
    reply(503, fixture('200-cancel-all-none-cached.json') as object);
    const r = await testClient(agent).cancel(DEVICE);
    expect(r.ok ? undefined : r.problem).toMatchObject({ kind: 'invalid-response', httpStatus: 503 });
  });

  it('a network failure is a transport problem', async () => {
    origin.intercept({ path: commandsPath, method: 'POST' }).replyWithError(new Error('socket hang up'));
    const r = await testClient(agent).cancel(DEVICE);
    expect(r.ok ? undefined : r.problem).toMatchObject({ kind: 'transport', vendor: 'enos' });
  });

  it('has no back-off: an error is returned after one request, without retrying', async () => {
    reply(200, fixture('200-11902-cached-command-limit.json') as object);
    const tokens = countingTokens();
    const r = await testClient(agent, { tokenSource: tokens }).invokeService({
      ...DEVICE,
      serviceId: 's',
      pendingTtl: 10,
      inputData: {},
    });
    expect(r.ok ? undefined : r.problem).toMatchObject({ code: '11902' });
    expect(tokens.calls).toBe(1);
  });
});

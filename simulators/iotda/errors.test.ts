// Bad input never crashes the IoTDA simulator: ids, bodies, media types, sizes, unknown paths and cancel attempts get IoTDA errors.
import { describe, expect, it } from 'vitest';
import { IotdaErrorBodyTolerant } from '../../contracts/iotda/errors.ts';
import { readFixture } from '../../contracts/iotda/pact-bodies.ts';
import { DELAY, setupSim } from './test-support.ts';

const expectError = (
  r: { status: number; body: unknown },
  status: number,
  code: string,
  msg?: RegExp | string,
) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const body = IotdaErrorBodyTolerant.parse(r.body);
  expect(body.error_code).toBe(code);
  if (typeof msg === 'string') expect(body.error_msg).toBe(msg);
  else if (msg) expect(body.error_msg).toMatch(msg);
};

describe('path ids', () => {
  it.each([
    [
      'command_id of 101 characters',
      'x'.repeat(101),
      /^Invalid input data\. command_id must be at most 100 characters$/,
    ],
    ['command_id with a dot', 'a.b', /command_id may contain only letters, digits/],
    ['command_id with an encoded space', 'a%20b', /command_id may contain only letters, digits/],
  ])('%s -> 400 IOTDA.000006 naming command_id', async (_name, commandId, msg) => {
    const s = setupSim();
    expectError(await s.show(commandId), 400, 'IOTDA.000006', msg);
  });

  it('a command_id of exactly 100 allowed characters is valid (and unknown: 404)', async () => {
    const s = setupSim();
    expectError(await s.show('A_b-9'.repeat(20)), 404, 'IOTDA.014000', /No async command with command_id/);
  });

  it.each([
    ['device_id of 129 characters', 'd'.repeat(129), /device_id must be at most 128 characters/],
    ['device_id with a slash-free bad character', 'dev*1', /device_id may contain only/],
  ])('%s -> 400 IOTDA.000006 naming device_id', async (_name, deviceId, msg) => {
    const s = setupSim();
    expectError(await s.listQueued('', deviceId), 400, 'IOTDA.000006', msg);
  });

  it('an unknown (well-formed) device is 404 IOTDA.014000, verbatim as the fixture', async () => {
    const s = setupSim();
    const r = await s.show('abc', 'no-such-device');
    expect(r.status).toBe(404);
    expect(r.body).toEqual(readFixture('404-iotda-014000-device-not-found.json'));
  });

  it("another device's command is not found under this device", async () => {
    const s = setupSim();
    const created = await s.create(DELAY, s.fleet.devices[1]);
    expectError(await s.show(String(created.body.command_id)), 404, 'IOTDA.014000');
    expect((await s.show(String(created.body.command_id), s.fleet.devices[1])).status).toBe(200);
  });

  it('an unknown project is 403 IOTDA.000004; a malformed one is 400 naming project_id', async () => {
    const s = setupSim();
    expectError(
      await s.call('GET', `${s.devicePath(s.device, 'otherproject01')}/async-commands`),
      403,
      'IOTDA.000004',
      'Invalid access token.',
    );
    expectError(
      await s.call('GET', `${s.devicePath(s.device, 'p'.repeat(65))}/async-commands`),
      400,
      'IOTDA.000006',
      /project_id must be 1\.\.64/,
    );
  });
});

describe('create body', () => {
  it.each([
    ['paras missing', { send_strategy: 'delay' }, /^Invalid input data\. paras: /],
    ['paras an array', { paras: [1], send_strategy: 'delay' }, /^Invalid input data\. paras: /],
    [
      'paras over 32 KiB',
      { paras: { big: 'x'.repeat(33_000) }, send_strategy: 'delay' },
      /paras must be at most 32768 bytes/,
    ],
    ['expire_time negative', { ...DELAY, expire_time: -1 }, /expire_time must be at least 0/],
    ['expire_time fractional', { ...DELAY, expire_time: 1.5 }, /expire_time must be a whole number/],
    ['expire_time a string', { ...DELAY, expire_time: '60' }, /^Invalid input data\. expire_time: /],
    ['send_strategy unknown', { ...DELAY, send_strategy: 'later' }, /^Invalid input data\. send_strategy: /],
    [
      'service_id too long',
      { ...DELAY, service_id: 's'.repeat(65) },
      /service_id must be at most 64 characters/,
    ],
    [
      'command_name too long',
      { ...DELAY, command_name: 'c'.repeat(129) },
      /command_name must be at most 128/,
    ],
    ['a JSON array body', [1, 2], /^Invalid input data\. body: /],
  ])('%s -> 400 IOTDA.000006 naming the field', async (_name, body, msg) => {
    const s = setupSim();
    expectError(await s.create(body as Record<string, unknown>), 400, 'IOTDA.000006', msg);
  });

  it('no body at all -> 400 IOTDA.000006 naming body', async () => {
    const s = setupSim();
    const r = await s.inject({
      method: 'POST',
      url: `${s.devicePath()}/async-commands`,
      headers: s.tokenHeader,
    });
    expectError(r, 400, 'IOTDA.000006', /^Invalid input data\. body: /);
  });

  it('malformed JSON -> 400 IOTDA.000008 with the parser detail', async () => {
    const s = setupSim();
    const r = await s.inject({
      method: 'POST',
      url: `${s.devicePath()}/async-commands`,
      headers: { ...s.tokenHeader, 'content-type': 'application/json' },
      payload: '{"paras": {',
    });
    expectError(
      r,
      400,
      'IOTDA.000008',
      /^Invalid input\. The request format is invalid\. .*malformed JSON body/,
    );
  });

  it('a non-JSON media type -> 400 IOTDA.000008 naming the Content-Type', async () => {
    const s = setupSim();
    const r = await s.inject({
      method: 'POST',
      url: `${s.devicePath()}/async-commands`,
      headers: { ...s.tokenHeader, 'content-type': 'text/plain' },
      payload: 'paras=1',
    });
    expectError(r, 400, 'IOTDA.000008', /unsupported Content-Type text\/plain/);
  });

  it('a body over the platform limit -> 400 IOTDA.000008 naming the limit', async () => {
    const s = setupSim({ bodyLimitBytes: 256 });
    const r = await s.create({ ...DELAY, paras: { big: 'x'.repeat(1_000) } });
    expectError(r, 400, 'IOTDA.000008', /the body exceeds 256 bytes/);
  });
});

describe('list queries', () => {
  it.each([
    ['limit=0', /limit must be at least 1/],
    ['limit=51', /limit must be at most 50/],
    ['limit=ten', /^Invalid input data\. limit: expected a decimal integer/],
    ['offset=501', /offset must be at most 500/],
    ['status=EXPIRED', /^Invalid input data\. status: /],
    ['start_time=2024-03-05', /^Invalid input data\. start_time: /],
    ['start_time=20240306T000000Z&end_time=20240305T000000Z', /start_time must not be after end_time/],
    ['limit=1&limit=2', /^Invalid input data\. limit: /],
    ['marker=nosuchrecord', /^Invalid input data\. marker: no record nosuchrecord/],
  ])('GET async-commands?%s -> 400 IOTDA.000006 naming the parameter', async (query, msg) => {
    const s = setupSim();
    expectError(await s.listQueued(query), 400, 'IOTDA.000006', msg);
  });

  it('the history takes its own statuses (EXPIRED yes, PENDING no)', async () => {
    const s = setupSim();
    expect((await s.listHistory('status=EXPIRED')).status).toBe(200);
    expectError(await s.listHistory('status=PENDING'), 400, 'IOTDA.000006', /status/);
  });
});

describe('unknown paths and the missing cancel API', () => {
  it('there is no cancel: DELETE, PUT and POST .../cancel get 404 APIG.0101, and the command stays PENDING', async () => {
    const s = setupSim();
    const id = String((await s.create(DELAY)).body.command_id);
    const base = `${s.devicePath()}/async-commands/${id}`;
    for (const r of [
      await s.call('DELETE', base),
      await s.call('PUT', base, { status: 'CANCELED' }),
      await s.call('POST', `${base}/cancel`, {}),
      await s.call('POST', `${s.devicePath()}/async-commands/cancel`, { command_id: id }),
    ]) {
      expectError(
        r,
        404,
        'APIG.0101',
        'The API does not exist or has not been published in the environment.',
      );
      expect(String(r.body.request_id)).toMatch(/^[0-9a-f]{32}$/);
    }
    expect((await s.show(id)).body.status).toBe('PENDING');
  });

  it('unknown paths under /v5/iot/ are 404 APIG.0101; paths of no vendor keep the platform policy', async () => {
    const s = setupSim();
    expectError(await s.call('GET', `/v5/iot/${s.fleet.projectId}/devices`), 404, 'APIG.0101');
    expectError(await s.call('GET', `${s.devicePath()}/async-commands/x/y`), 404, 'APIG.0101');
    // An empty last segment is the show route with an empty id: refused as input, not as an unknown API.
    expectError(
      await s.call('GET', `${s.devicePath()}/async-commands/`),
      400,
      'IOTDA.000006',
      'Invalid input data. command_id must not be empty',
    );
    const elsewhere = await s.call('GET', '/v6/iot/x');
    expect([elsewhere.status, elsewhere.body.error]).toEqual([404, 'not-found']);
  });
});

describe('the journal', () => {
  it('records the IoTDA error code of each answer, and none for a success', async () => {
    const s = setupSim();
    await s.create(DELAY);
    await s.show('nope');
    await s.call('DELETE', `${s.devicePath()}/async-commands/x`);
    const j = await s.control('GET', '/journal?vendor=iotda');
    const entries = j.body.entries as { status: number; errorCode?: string }[];
    expect(entries.map((e) => [e.status, e.errorCode])).toEqual([
      [200, undefined],
      [404, 'IOTDA.014000'],
      [404, 'APIG.0101'],
    ]);
  });
});

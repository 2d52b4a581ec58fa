// Unit tests of the IoTDA client: input refused before sending, errors as data (HTTP 200 ones too), back-off, auth on the wire.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../../contracts/common/problem.ts';
import { readFixture } from '../../contracts/iotda/pact-bodies.ts';
import type { IotdaCredentials } from '../../contracts/iotda/requests.ts';
import { verifySignature } from '../../contracts/iotda/signing.ts';
import { createClient, type ClientConfig, iotdaBackoff } from './client.ts';

const ORIGIN = 'http://iotda.test';
const PROJECT = 'proj_0001';
const DEVICE = '5f2b1c0d9a8e7f6a5b4c3d2e_water-meter-01';
const COMMAND = '0b6d2c1e-3f4a-4b5c-8d9e-0f1a2b3c4d01';
const TOKEN: IotdaCredentials = { kind: 'token', token: 'MIItoken' };
const AKSK: IotdaCredentials = { kind: 'aksk', ak: 'AK0001', sk: 'secret-0001' };
const SHOW_PATH = `/v5/iot/${PROJECT}/devices/${DEVICE}/async-commands/${COMMAND}`;
const JSON_HEADERS = { 'content-type': 'application/json' };

type Seen = { path: string; method: string; headers: Record<string, string>; body: string | undefined };

/** The headers undici hands the mock: the plain object `send()` built (or a Headers instance). */
const normaliseHeaders = (h: unknown): Record<string, string> => {
  const entries =
    h instanceof Headers ? [...h.entries()] : Object.entries((h ?? {}) as Record<string, unknown>);
  return Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), String(v)]));
};

let agent: MockAgent;
let seen: Seen[];
let clock: { now: number; waits: number[] };

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  seen = [];
  clock = { now: Date.UTC(2024, 2, 5, 8, 15, 0), waits: [] };
});
afterEach(async () => {
  await agent.close();
});

/** Queues one answer for the next matching request and records what the client sent. */
const answer = (status: number, body: unknown, path: string | RegExp = /.*/, method = /.*/) => {
  agent
    .get(ORIGIN)
    .intercept({ path, method })
    .reply((opts) => {
      seen.push({
        path: opts.path,
        method: opts.method,
        headers: normaliseHeaders(opts.headers),
        body: typeof opts.body === 'string' ? opts.body : undefined,
      });
      return {
        statusCode: status,
        data: typeof body === 'string' ? body : JSON.stringify(body),
        responseOptions: { headers: JSON_HEADERS },
      };
    });
};

const client = (extra: Partial<ClientConfig> = {}) =>
  createClient({
    baseUrl: ORIGIN,
    projectId: PROJECT,
    credentials: TOKEN,
    dispatcher: agent,
    backoff: iotdaBackoff({
      maxRetries: 2,
      marginMs: 10,
      now: () => clock.now,
      sleep: async (ms) => {
        clock.waits.push(ms);
        clock.now += ms;
      },
    }),
    now: () => clock.now,
    ...extra,
  });

const problem = <T>(r: Result<T>): Problem => {
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r.problem;
};
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.problem)}`);
  return r.value;
};

describe('input validation (nothing is sent)', () => {
  const createBase = { device_id: DEVICE, paras: { v: 1 }, send_strategy: 'delay' as const };
  it.each<[string, () => Promise<Result<unknown>>, string]>([
    [
      'device_id too long',
      () => client().showAsyncCommand({ device_id: 'd'.repeat(129), command_id: COMMAND }),
      'device_id',
    ],
    [
      'device_id with a slash',
      () => client().showAsyncCommand({ device_id: 'a/b', command_id: COMMAND }),
      'device_id',
    ],
    [
      'command_id too long',
      () => client().showAsyncCommand({ device_id: DEVICE, command_id: 'c'.repeat(101) }),
      'command_id',
    ],
    [
      'command_id with a space',
      () => client().showAsyncCommand({ device_id: DEVICE, command_id: 'a b' }),
      'command_id',
    ],
    [
      'expire_time above 172800',
      () => client().createAsyncCommand({ ...createBase, expire_time: 172_801 }),
      'expire_time',
    ],
    [
      'expire_time below 0',
      () => client().createAsyncCommand({ ...createBase, expire_time: -5 }),
      'expire_time',
    ],
    [
      'send_strategy outside the enum',
      () => client().createAsyncCommand({ ...createBase, send_strategy: 'soon' as 'delay' }),
      'send_strategy',
    ],
    [
      'paras not an object',
      () =>
        client().createAsyncCommand({ ...createBase, paras: ['ON'] as unknown as Record<string, unknown> }),
      'paras',
    ],
    ['limit 0', () => client().listAsyncCommands({ device_id: DEVICE, limit: 0 }), 'limit'],
    ['limit 51', () => client().listAsyncHistoryCommands({ device_id: DEVICE, limit: 51 }), 'limit'],
    ['offset 501', () => client().listAsyncCommands({ device_id: DEVICE, offset: 501 }), 'offset'],
    [
      'a history status on the queue',
      () => client().listAsyncCommands({ device_id: DEVICE, status: 'EXPIRED' as 'PENDING' }),
      'status',
    ],
    [
      'an unknown field',
      () => client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND, extra: 1 } as never),
      'extra',
    ],
    [
      'project_id with a slash (config)',
      () => client({ projectId: 'a/b' }).showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }),
      'project_id',
    ],
  ])('refuses %s, naming the field', async (_name, call, field) => {
    const p = problem(await call());
    expect(p).toMatchObject({ kind: 'invalid-input', vendor: 'iotda', field });
    expect(seen).toEqual([]);
  });

  it('says what it received', async () => {
    const p = problem(await client().createAsyncCommand({ ...createBase, expire_time: 172_801 }));
    expect(p).toMatchObject({ received: 172_801, reason: expect.stringContaining('172800') });
  });
});

describe('answers', () => {
  it.each([
    ['200-show-pending.json', 'PENDING', 'PENDING'],
    ['200-show-successful.json', 'SUCCESSFUL', 'SUCCEEDED'],
    ['200-show-timeout.json', 'TIMEOUT', 'TIMED_OUT'],
  ])('%s: the canonical state sits next to the IoTDA status', async (file, status, canonical) => {
    answer(200, readFixture(file), SHOW_PATH);
    const v = value(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect([v.status, v.canonicalState]).toEqual([status, canonical]);
  });

  it('reads the tolerant variant (null times) without complaint', async () => {
    answer(200, readFixture('200-show-pending-null-times-variant.json'));
    const v = value(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect(v.sent_time).toBeUndefined();
  });

  it.each([
    ['400-iotda-000006-invalid-input.json', 400, 'IOTDA.000006'],
    ['401-iotda-000002-authentication-failed.json', 401, 'IOTDA.000002'],
    ['403-iotda-001000-application-missing.json', 403, 'IOTDA.001000'],
    ['404-iotda-014000-device-not-found.json', 404, 'IOTDA.014000'],
    ['500-iotda-000001-internal-error.json', 500, 'IOTDA.000001'],
    ['200-iotda-014111-command-timed-out.json', 200, 'IOTDA.014111'],
  ])('%s becomes a vendor error (HTTP %i)', async (file, status, code) => {
    const body = readFixture(file) as { error_msg: string };
    answer(status, body);
    const p = problem(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect(p).toEqual({
      kind: 'vendor-error',
      vendor: 'iotda',
      httpStatus: status,
      code,
      message: body.error_msg,
      body,
    });
  });

  it('a 200 body that is neither a command nor an error is an invalid response, with issues', async () => {
    answer(200, { device_id: DEVICE, status: 'DONE' });
    const p = problem(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect(p).toMatchObject({ kind: 'invalid-response', httpStatus: 200 });
    expect(p.kind === 'invalid-response' && p.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['status', 'command_id']),
    );
  });

  it('an error status without an error body is an invalid response', async () => {
    answer(502, '<html>Bad Gateway</html>');
    const p = problem(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect(p).toMatchObject({ kind: 'invalid-response', httpStatus: 502, body: '<html>Bad Gateway</html>' });
  });

  it('no answer at all is a transport problem', async () => {
    agent.get(ORIGIN).intercept({ path: /.*/ }).replyWithError(new Error('connection reset'));
    const p = problem(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect(p).toMatchObject({ kind: 'transport', vendor: 'iotda' });
  });

  it('lists: canonical state per entry and the page as given', async () => {
    answer(200, readFixture('200-list-queued.json'));
    const v = value(
      await client().listAsyncCommands({ device_id: DEVICE, limit: 10, marker: 'abc', offset: 5 }),
    );
    expect(v.commands.map((c) => c.canonicalState)).toEqual(['PENDING', 'SENT']);
    expect(v.page).toEqual({ count: 2, marker: '5f2b1c0d9a8e7f6a5b4c3d21' });
    expect(seen[0]?.path).toBe(
      `/v5/iot/${PROJECT}/devices/${DEVICE}/async-commands?limit=10&marker=abc&offset=5`,
    );
  });

  it('create: sends the body as given and reads 200 PENDING', async () => {
    answer(200, readFixture('200-create-delay-pending.json'));
    const v = value(
      await client({ instanceId: 'inst-1' }).createAsyncCommand({
        device_id: DEVICE,
        paras: { valve: 'CLOSE' },
        expire_time: 600,
        send_strategy: 'delay',
      }),
    );
    expect(v.canonicalState).toBe('PENDING');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      headers: { 'x-auth-token': 'MIItoken', 'instance-id': 'inst-1' },
    });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      paras: { valve: 'CLOSE' },
      expire_time: 600,
      send_strategy: 'delay',
    });
  });
});

describe('throttle back-off on APIG.0308', () => {
  const throttled = readFixture('429-apig-0308-throttled.json');

  it('waits for the next window and retries, then succeeds', async () => {
    answer(429, throttled);
    answer(200, readFixture('200-show-sent.json'));
    const r = await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND });
    expect(value(r).canonicalState).toBe('SENT');
    expect(seen).toHaveLength(2);
    expect(clock.waits).toEqual([1_010]);
  });

  it('backs off on APIG.0308 whatever the HTTP status', async () => {
    answer(403, throttled);
    answer(200, readFixture('200-show-sent.json'));
    expect((await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND })).ok).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('gives up after maxRetries and reports throttled with the last answer', async () => {
    for (let i = 0; i < 3; i++) answer(429, throttled);
    const p = problem(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND }));
    expect(p).toMatchObject({
      kind: 'throttled',
      vendor: 'iotda',
      attempts: 3,
      last: { code: 'APIG.0308', httpStatus: 429 },
    });
    expect(clock.waits).toHaveLength(2);
  });

  it('does not retry other errors', async () => {
    answer(500, readFixture('500-iotda-000001-internal-error.json'));
    expect(problem(await client().showAsyncCommand({ device_id: DEVICE, command_id: COMMAND })).kind).toBe(
      'vendor-error',
    );
    expect(seen).toHaveLength(1);
  });

  it('signs every retry afresh with the date of that attempt', async () => {
    answer(429, throttled);
    answer(200, readFixture('200-show-sent.json'));
    await client({ credentials: AKSK }).showAsyncCommand({ device_id: DEVICE, command_id: COMMAND });
    const dates = seen.map((s) => s.headers['x-sdk-date']);
    expect(dates).toEqual(['20240305T081500Z', '20240305T081501Z']);
    expect(seen[0]?.headers.authorization).not.toBe(seen[1]?.headers.authorization);
  });
});

describe('AK/SK on the wire: a 127.0.0.1 server verifies every request with verifySignature', () => {
  const serve = async (handler: (req: IncomingMessage, body: string, res: ServerResponse) => void) => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  };

  const verifyingServer = (okBody: unknown) =>
    serve((req, body, res) => {
      const result = verifySignature(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
        (ak) => (ak === 'AK0001' ? 'secret-0001' : undefined),
      );
      res.setHeader('content-type', 'application/json');
      if (result.ok) {
        res.statusCode = 200;
        res.end(JSON.stringify(okBody));
      } else {
        res.statusCode = 401;
        res.end(
          JSON.stringify({
            error_code: 'IOTDA.000002',
            error_msg: 'Authentication failed.',
            why: result.failure,
          }),
        );
      }
    });

  const wireClient = (baseUrl: string, credentials: IotdaCredentials = AKSK) =>
    createClient({
      baseUrl,
      projectId: PROJECT,
      credentials,
      instanceId: 'inst-1',
      backoff: iotdaBackoff({ maxRetries: 0 }),
    });

  it('GET show, GET list with an awkward query, and POST create all verify', async () => {
    const server = await verifyingServer(readFixture('200-show-sent.json'));
    try {
      const c = wireClient(server.url);
      expect(value(await c.showAsyncCommand({ device_id: DEVICE, command_id: COMMAND })).status).toBe('SENT');
    } finally {
      await server.close();
    }
    const lists = await verifyingServer(readFixture('200-list-history.json'));
    try {
      const v = await wireClient(lists.url).listAsyncHistoryCommands({
        device_id: DEVICE,
        limit: 50,
        marker: 'a b+c/~*',
        command_name: 'SET VALVE',
        start_time: '20240301T000000Z',
      });
      expect(value(v).commands).toHaveLength(2);
    } finally {
      await lists.close();
    }
    const creates = await verifyingServer(readFixture('200-create-delay-pending.json'));
    try {
      const v = await wireClient(creates.url).createAsyncCommand({
        device_id: DEVICE,
        paras: { valve: 'CLOSE', note: 'ünïcode ✓' },
        send_strategy: 'delay',
      });
      expect(value(v).status).toBe('PENDING');
    } finally {
      await creates.close();
    }
  });

  it('a wrong secret is refused by the server (the check can fail)', async () => {
    const server = await verifyingServer(readFixture('200-show-sent.json'));
    try {
      const p = problem(
        await wireClient(server.url, { kind: 'aksk', ak: 'AK0001', sk: 'wrong' }).showAsyncCommand({
          device_id: DEVICE,
          command_id: COMMAND,
        }),
      );
      expect(p).toMatchObject({
        kind: 'vendor-error',
        httpStatus: 401,
        body: { why: { reason: 'signature-mismatch' } },
      });
    } finally {
      await server.close();
    }
  });
});

// Strict schemas vs tolerant readers of IoTDA, one test per documented variant, and the documented request limits.
import { describe, expect, it } from 'vitest';
import { IotdaErrorBody, IotdaErrorBodyTolerant, isThrottle } from './errors.ts';
import { readFixture } from './pact-bodies.ts';
import {
  AkskAuthHeaders,
  CreateAsyncCommandBody,
  CreateAsyncCommandBodyTolerant,
  ListAsyncCommandsQuery,
  ListAsyncCommandsWireQuery,
  ListAsyncHistoryCommandsQuery,
  RequestAuthHeaders,
  ShowAsyncCommandInput,
  TokenAuthHeaders,
} from './requests.ts';
import {
  CreateAsyncCommandResponse,
  ListAsyncHistoryCommandsResponse,
  ListCommandsResponseTolerant,
  ShowAsyncCommandResponse,
  ShowAsyncCommandResponseTolerant,
} from './responses.ts';

const fixture = (name: string) => readFixture(name) as Record<string, unknown>;
const pathsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.map(String).join('.'));

describe('show async command: strict vs tolerant', () => {
  it('the verbatim seed sample (DELIVERED with result and response_time) passes the strict schema', () => {
    expect(ShowAsyncCommandResponse.safeParse(fixture('200-show-delivered-seed-sample.json')).success).toBe(
      true,
    );
  });

  it('variant: not-reached times sent as null: strict refuses, tolerant reads them as absent', () => {
    const body = fixture('200-show-pending-null-times-variant.json');
    expect(ShowAsyncCommandResponse.safeParse(body).success).toBe(false);
    const t = ShowAsyncCommandResponseTolerant.parse(body);
    expect([t.sent_time, t.delivered_time, t.response_time, t.result]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('variant: an unknown extra field: strict refuses (drift is visible), tolerant keeps it', () => {
    const body = { ...fixture('200-show-sent.json'), tags: ['x'] };
    expect(ShowAsyncCommandResponse.safeParse(body).success).toBe(false);
    expect(ShowAsyncCommandResponseTolerant.parse(body)).toMatchObject({ tags: ['x'] });
  });

  it('strict: a PENDING command has no sent time or result', () => {
    const r = ShowAsyncCommandResponse.safeParse({
      ...fixture('200-show-pending.json'),
      sent_time: '20240305T091000Z',
    });
    expect(pathsOf(r)).toEqual(['sent_time']);
    const r2 = ShowAsyncCommandResponse.safeParse({
      ...fixture('200-show-expired.json'),
      result: { code: 0 },
    });
    expect(pathsOf(r2)).toEqual(['result']);
  });

  it('strict: a reached stage needs its time, and times never go backwards', () => {
    const { sent_time: _s, ...noSent } = fixture('200-show-sent.json');
    expect(pathsOf(ShowAsyncCommandResponse.safeParse(noSent))).toEqual(['sent_time']);
    const backwards = { ...fixture('200-show-delivered.json'), delivered_time: '20240305T090000Z' };
    expect(pathsOf(ShowAsyncCommandResponse.safeParse(backwards))).toEqual(['delivered_time']);
    // The tolerant reader does not judge consistency.
    expect(ShowAsyncCommandResponseTolerant.safeParse(backwards).success).toBe(true);
  });

  it.each([
    ['status CANCELED (IoTDA has none)', { status: 'CANCELED' }, 'status'],
    ['status in lower case', { status: 'pending' }, 'status'],
    ['an ISO time instead of yyyyMMddTHHmmssZ', { created_time: '2024-03-05T08:15:00Z' }, 'created_time'],
    ['a device_id with a dot', { device_id: 'meter.01' }, 'device_id'],
    ['a command_id of 101 characters', { command_id: 'c'.repeat(101) }, 'command_id'],
    ['send_strategy outside the enum', { send_strategy: 'later' }, 'send_strategy'],
  ])('both readers refuse %s', (_name, patch, field) => {
    const body = { ...fixture('200-show-pending.json'), ...patch };
    expect(pathsOf(ShowAsyncCommandResponse.safeParse(body))).toContain(field);
    expect(pathsOf(ShowAsyncCommandResponseTolerant.safeParse(body))).toContain(field);
  });

  it('strict: expire_time is at most 172800', () => {
    const body = { ...fixture('200-show-pending.json'), expire_time: 172_801 };
    expect(pathsOf(ShowAsyncCommandResponse.safeParse(body))).toEqual(['expire_time']);
  });
});

describe('create async command', () => {
  it('strict: delay answers PENDING and immediately answers SENT, not the other way round', () => {
    const delay = fixture('200-create-delay-pending.json');
    expect(pathsOf(CreateAsyncCommandResponse.safeParse({ ...delay, status: 'SENT' }))).toEqual(['status']);
    const now = fixture('200-create-immediately-sent.json');
    expect(pathsOf(CreateAsyncCommandResponse.safeParse({ ...now, status: 'PENDING' }))).toEqual(['status']);
  });

  const body = { paras: { value: 'ON' }, send_strategy: 'delay' };
  it('request body: send_strategy is required in what we send; a tolerant server defaults it to delay', () => {
    expect(pathsOf(CreateAsyncCommandBody.safeParse({ paras: {} }))).toEqual(['send_strategy']);
    expect(CreateAsyncCommandBodyTolerant.parse({ paras: {} }).send_strategy).toBe('delay');
  });

  it.each([
    ['expire_time above 2 days', { expire_time: 172_801 }, 'expire_time'],
    ['a negative expire_time', { expire_time: -1 }, 'expire_time'],
    ['a fractional expire_time', { expire_time: 1.5 }, 'expire_time'],
    ['paras as an array', { paras: [1, 2] }, 'paras'],
    ['paras as a string', { paras: 'ON' }, 'paras'],
    ['paras over 32K of JSON', { paras: { v: 'x'.repeat(32 * 1024) } }, 'paras'],
    ['a service_id of 65 characters', { service_id: 's'.repeat(65) }, 'service_id'],
    ['a command_name of 129 characters', { command_name: 'c'.repeat(129) }, 'command_name'],
    ['send_strategy outside the enum', { send_strategy: 'soon' }, 'send_strategy'],
  ])('refuses %s', (_name, patch, field) => {
    expect(pathsOf(CreateAsyncCommandBody.safeParse({ ...body, ...patch }))).toEqual([field]);
  });

  it('accepts the documented bounds', () => {
    for (const expire_time of [0, 86_400, 172_800])
      expect(CreateAsyncCommandBody.safeParse({ ...body, expire_time }).success).toBe(true);
    expect(
      CreateAsyncCommandBody.safeParse({ ...body, service_id: 's'.repeat(64), command_name: 'c'.repeat(128) })
        .success,
    ).toBe(true);
  });
});

describe('ids', () => {
  it('device_id up to 128 and command_id up to 100 characters of [A-Za-z0-9_-]', () => {
    expect(
      ShowAsyncCommandInput.safeParse({ device_id: 'd'.repeat(128), command_id: 'c'.repeat(100) }).success,
    ).toBe(true);
    expect(pathsOf(ShowAsyncCommandInput.safeParse({ device_id: 'd'.repeat(129), command_id: 'c' }))).toEqual(
      ['device_id'],
    );
    expect(pathsOf(ShowAsyncCommandInput.safeParse({ device_id: 'd', command_id: 'c/1' }))).toEqual([
      'command_id',
    ]);
    expect(pathsOf(ShowAsyncCommandInput.safeParse({ device_id: '', command_id: 'c' }))).toEqual([
      'device_id',
    ]);
  });
});

describe('list queries and answers', () => {
  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 51 }, 'limit'],
    [{ offset: 501 }, 'offset'],
    [{ status: 'EXPIRED' }, 'status'],
    [{ start_time: '20240306T000000Z', end_time: '20240305T000000Z' }, 'start_time'],
  ])('queue query refuses %j', (query, field) => {
    expect(pathsOf(ListAsyncCommandsQuery.safeParse(query))).toEqual([field]);
  });

  it('the history query takes history statuses, the queue query queue statuses', () => {
    expect(
      ListAsyncHistoryCommandsQuery.safeParse({ status: 'EXPIRED', limit: 50, offset: 500 }).success,
    ).toBe(true);
    expect(ListAsyncHistoryCommandsQuery.safeParse({ status: 'PENDING' }).success).toBe(false);
    expect(ListAsyncCommandsQuery.safeParse({ status: 'DELIVERED', limit: 1 }).success).toBe(true);
  });

  it('the wire query reads strings as integers and refuses non-numbers', () => {
    expect(ListAsyncCommandsWireQuery.parse({ limit: '10', offset: '0' })).toMatchObject({
      limit: 10,
      offset: 0,
    });
    expect(ListAsyncCommandsWireQuery.safeParse({ limit: 'ten' }).success).toBe(false);
    expect(ListAsyncCommandsWireQuery.safeParse({ limit: '0' }).success).toBe(false);
  });

  it('variant: a history page with count and entries with paras: strict refuses, tolerant reads it', () => {
    const body = fixture('200-list-history-count-and-paras-variant.json');
    const strict = pathsOf(ListAsyncHistoryCommandsResponse.safeParse(body));
    expect(strict).toEqual(expect.arrayContaining(['page', 'commands.0']));
    const t = ListCommandsResponseTolerant.parse(body);
    expect(t.page.count).toBe(1);
    expect(t.commands[0]).toMatchObject({ status: 'TIMEOUT', paras: { valve: 'OPEN' } });
  });

  it('tolerant: a missing page or null marker reads as an empty page', () => {
    expect(ListCommandsResponseTolerant.parse({ commands: [] }).page).toEqual({
      count: undefined,
      marker: undefined,
    });
    expect(ListCommandsResponseTolerant.parse({ commands: null, page: { marker: null } })).toMatchObject({
      commands: [],
      page: { marker: undefined },
    });
  });
});

describe('auth headers', () => {
  it('token or AK/SK, and nothing else', () => {
    expect(TokenAuthHeaders.safeParse({ 'x-auth-token': 'MII...' }).success).toBe(true);
    const aksk = {
      authorization: `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${'a'.repeat(64)}`,
      'x-sdk-date': '20240305T081500Z',
    };
    expect(AkskAuthHeaders.safeParse(aksk).success).toBe(true);
    expect(RequestAuthHeaders.safeParse({ ...aksk, 'x-sdk-date': '2024-03-05' }).success).toBe(false);
    expect(RequestAuthHeaders.safeParse({ authorization: 'Bearer x' }).success).toBe(false);
    expect(RequestAuthHeaders.safeParse({}).success).toBe(false);
  });
});

describe('error bodies', () => {
  it('variant: the gateway adds request_id: strict refuses, tolerant keeps it', () => {
    const body = fixture('429-apig-0308-throttled.json');
    expect(IotdaErrorBody.safeParse(body).success).toBe(false);
    expect(IotdaErrorBodyTolerant.parse(body)).toMatchObject({
      error_code: 'APIG.0308',
      request_id: expect.any(String),
    });
  });

  it('tolerant: a missing error_msg reads as empty, a missing error_code is not an error body', () => {
    expect(IotdaErrorBodyTolerant.parse({ error_code: 'IOTDA.000001' }).error_msg).toBe('');
    expect(IotdaErrorBodyTolerant.safeParse({ error_msg: 'x' }).success).toBe(false);
    expect(IotdaErrorBodyTolerant.safeParse(fixture('200-show-pending.json')).success).toBe(false);
  });

  it('throttle: APIG.0308 whatever the status, or HTTP 429', () => {
    expect(isThrottle(429, undefined)).toBe(true);
    expect(isThrottle(403, 'APIG.0308')).toBe(true);
    expect(isThrottle(400, 'IOTDA.000006')).toBe(false);
  });
});

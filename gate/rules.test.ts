// Each audit rule on hand-made journals: what it must report, and the near misses it must not.
import { describe, expect, it } from 'vitest';
import { ThrottleConfig } from '../simulators/model/throttle.ts';
import { audit, RULES, totalsOf } from './rules/index.ts';
import { noBackoffRule } from './rules/no-backoff.ts';
import { pollRateRule } from './rules/poll-rate.ts';
import { quirkRule } from './rules/quirk.ts';
import { recancelRule } from './rules/recancel.ts';
import { requestSchemaRule } from './rules/request-schema.ts';
import { reopensAt, throttleWindowRule } from './rules/throttle-window.ts';
import { AuditContext, type AuditContextInput, type AuditEntry } from './rules/types.ts';

const OC_APP = 'app0000000000000000000000001';
const OC_CMDS = '/iocm/app/cmd/v1.4.0/deviceCommands';
const OC_TASKS = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
const ENOS = '/connect-service/v2.1/commands';
const ocHeaders = { app_key: OC_APP, authorization: 'Bearer tok' };
const enosHeaders = {
  'apim-accesstoken': 't',
  'apim-signature': 'a'.repeat(64),
  'apim-timestamp': '1700000000000',
};

let seq = 0;
const entry = (e: Partial<AuditEntry> & Pick<AuditEntry, 'url'>): AuditEntry => ({
  seq: ++seq,
  at: seq * 10_000,
  wallAt: seq * 10_000,
  vendor: 'oceanconnect',
  method: 'GET',
  headers: ocHeaders,
  body: '',
  status: 200,
  responseBody: '{}',
  ...e,
});
const oc = (e: Partial<AuditEntry> = {}) => entry({ url: `${OC_CMDS}?deviceId=dev-1`, ...e });
const enos = (query: string, e: Partial<AuditEntry> = {}) =>
  entry({ vendor: 'enos', method: 'POST', url: `${ENOS}?${query}`, headers: enosHeaders, ...e });
const ctx = (c: AuditContextInput = {}) => AuditContext.parse(c);

describe('request-schema', () => {
  const check = (e: AuditEntry) => requestSchemaRule.check([e], ctx()).map((v) => v.message);

  it('flags an EnOS request whose apim-signature the platform refused (1003)', () => {
    expect(check(enos('action=cancel&orgId=o1&assetId=a1', { errorCode: '1003' }))).toEqual([
      'apim-signature does not match the request (EnOS answered 1003)',
    ]);
  });

  it('accepts well-formed OceanConnect, EnOS and IoTDA requests', () => {
    expect(check(oc())).toEqual([]);
    expect(
      check(
        oc({
          method: 'POST',
          url: OC_CMDS,
          body: JSON.stringify({ deviceId: 'd', command: { serviceId: 's', method: 'm' } }),
        }),
      ),
    ).toEqual([]);
    expect(check(enos('action=cancel&orgId=o1&assetId=a1&commandId=c1'))).toEqual([]);
    expect(check(enos('action=cancel&orgId=o1&productKey=p&deviceKey=k'))).toEqual([]);
    expect(check(enos('action=cancel&orgId=o1&assetId=a1', { errorCode: '11905' }))).toEqual([]);
    expect(
      check(
        entry({
          vendor: 'iotda',
          url: '/v5/iot/proj1/devices/dev1/async-commands/cmd1',
          headers: { 'x-auth-token': 'tok' },
        }),
      ),
    ).toEqual([]);
  });

  it('reports a missing app_key or Authorization on OceanConnect', () => {
    expect(check(oc({ headers: { authorization: 'Bearer t' } }))).toEqual(['missing app_key header']);
    expect(check(oc({ headers: { app_key: OC_APP } }))).toEqual(['missing Authorization header']);
    expect(check(oc({ headers: { app_key: OC_APP, authorization: 'tok' } }))[0]).toMatch(/^Authorization: /);
  });

  it('reports bad JSON and schema failures in bodies', () => {
    expect(check(oc({ method: 'POST', url: OC_TASKS, body: '{"deviceId":' }))[0]).toMatch(
      /^bad JSON in revocation-task body/,
    );
    expect(check(oc({ method: 'POST', url: OC_TASKS, body: '{"deviceId":""}' }))[0]).toMatch(
      /^revocation-task body: deviceId/,
    );
  });

  it('reports a missing orgId and a missing device on EnOS', () => {
    expect(check(enos('action=cancel&assetId=a1'))[0]).toMatch(/^cancel query: orgId/);
    expect(check(enos('action=cancel&orgId=o1'))).toEqual([
      'cancel query: assetId: the device is missing: give assetId or productKey+deviceKey',
    ]);
    expect(check(enos('action=cancel&orgId=o1&productKey=p'))[0]).toMatch(/deviceKey/);
    expect(check(enos('action=cancel&orgId=o1&assetId=a1', { headers: {} }))).toContain(
      'missing apim-signature header',
    );
  });

  it('reports bad IoTDA ids and missing auth', () => {
    const long = 'x'.repeat(300);
    expect(
      check(
        entry({
          vendor: 'iotda',
          url: `/v5/iot/p/devices/${long}/async-commands`,
          headers: { 'x-auth-token': 't' },
        }),
      )[0],
    ).toMatch(/^path: device_id/);
    expect(
      check(entry({ vendor: 'iotda', url: '/v5/iot/p/devices/d/async-commands', headers: {} }))[0],
    ).toMatch(/X-Auth-Token/);
  });

  it('checks IoTDA list queries', () => {
    const list = (url: string) => check(entry({ vendor: 'iotda', url, headers: { 'x-auth-token': 't' } }));
    expect(list('/v5/iot/p/devices/d/async-commands?limit=5&offset=0')).toEqual([]);
    expect(list('/v5/iot/p/devices/d/async-commands?limit=abc')[0]).toMatch(
      /^list-async-commands query: limit/,
    );
    expect(list('/v5/iot/p/devices/d/async-commands-history?status=PENDING')[0]).toMatch(
      /^list-async-history-commands query: status/,
    );
  });

  it('checks the OceanConnect login form; leaves EnOS token calls and login headers alone', () => {
    const login = (body: string) =>
      check(oc({ method: 'POST', url: '/iocm/app/sec/v1.1.0/login', headers: {}, body }));
    expect(login(`appId=${OC_APP}&secret=s3cret`)).toEqual([]);
    expect(login(`appId=${OC_APP}`)[0]).toMatch(/^login form: secret/);
    expect(check(enos('', { url: '/apim-token-service/v2.0/token/get', headers: {} }))).toEqual([]);
  });
});

describe('throttle-window', () => {
  const cfg = ThrottleConfig.parse({ limit: 2, windowMs: 60_000 });
  const c = ctx({ throttle: { oceanconnect: cfg } });

  it('computes when an epoch-aligned fixed window reopens, and gives up on the others', () => {
    expect(reopensAt(cfg, 61_000)).toBe(120_000);
    expect(reopensAt(ThrottleConfig.parse({ algorithm: 'token-bucket' }), 61_000)).toBeUndefined();
  });

  it('reports the first call inside the window after 1010009, with the count of the rest', () => {
    const es = [
      oc({ at: 61_000, status: 403, errorCode: '1010009' }),
      oc({ at: 62_000, status: 403, errorCode: '1010009' }),
      oc({ at: 63_000, status: 403, errorCode: '1010009' }),
      oc({ at: 121_000 }),
    ];
    const vs = throttleWindowRule.check(es, c);
    expect(vs).toHaveLength(1);
    expect(vs[0]?.request.seq).toBe(es[1]?.seq);
    expect(vs[0]?.message).toMatch(/and 1 more calls inside the window/);
  });

  it('accepts a client that waits for the next window', () => {
    const es = [oc({ at: 61_000, status: 403, errorCode: '1010009' }), oc({ at: 120_000 })];
    expect(throttleWindowRule.check(es, c)).toEqual([]);
  });

  it('without a computable window, only calls the platform refused again count', () => {
    const bucket = ctx({ throttle: { oceanconnect: ThrottleConfig.parse({ algorithm: 'sliding-window' }) } });
    const es = [
      oc({ at: 1_000, status: 403, errorCode: '1010009' }),
      oc({ at: 2_000, status: 403, errorCode: '1010009' }),
    ];
    expect(throttleWindowRule.check(es, bucket)).toHaveLength(1);
    expect(throttleWindowRule.check([es[0] as AuditEntry, oc({ at: 3_000 })], bucket)).toEqual([]);
  });
});

describe('recancel', () => {
  const cancel = 'action=cancel&orgId=o1&assetId=a1&commandId=c1';

  it('reports a cancel of the same command after 11905', () => {
    const es = [enos(cancel, { errorCode: '11905' }), enos(cancel, { errorCode: '11905' })];
    const vs = recancelRule.check(es, ctx());
    expect(vs.map((v) => v.request.seq)).toEqual([es[1]?.seq]);
  });

  it('accepts a retry after another error, and a cancel of another command', () => {
    expect(recancelRule.check([enos(cancel, { errorCode: '99500' }), enos(cancel)], ctx())).toEqual([]);
    expect(
      recancelRule.check([enos(cancel, { errorCode: '11905' }), enos(cancel.replace('c1', 'c2'))], ctx()),
    ).toEqual([]);
  });
});

describe('no-backoff', () => {
  it('reports the same request retried sooner than the least back-off after an error', () => {
    const es = [oc({ at: 1_000, status: 500, errorCode: '100001' }), oc({ at: 1_200 })];
    expect(noBackoffRule.check(es, ctx({ minBackoffMs: 1000 }))).toHaveLength(1);
  });

  it('accepts a retry after the back-off, a repeat after a success, and leaves 1010009 to its own rule', () => {
    expect(
      noBackoffRule.check([oc({ at: 1_000, status: 500, errorCode: '100001' }), oc({ at: 2_500 })], ctx()),
    ).toEqual([]);
    expect(noBackoffRule.check([oc({ at: 1_000 }), oc({ at: 1_001 })], ctx())).toEqual([]);
    expect(
      noBackoffRule.check([oc({ at: 1_000, status: 403, errorCode: '1010009' }), oc({ at: 1_001 })], ctx()),
    ).toEqual([]);
  });
});

describe('poll-rate', () => {
  it('reports GETs of one URL closer than 1000 / max-poll-rate, once per URL', () => {
    const es = [oc({ at: 1_000 }), oc({ at: 1_100 }), oc({ at: 1_200 }), oc({ at: 5_000 })];
    const vs = pollRateRule.check(es, ctx({ maxPollRate: 1 }));
    expect(vs).toHaveLength(1);
    expect(vs[0]?.message).toMatch(/2 polls too soon/);
  });

  it('accepts polls at the rate, other URLs and non-GETs', () => {
    expect(pollRateRule.check([oc({ at: 1_000 }), oc({ at: 1_500 })], ctx({ maxPollRate: 2 }))).toEqual([]);
    expect(
      pollRateRule.check([oc({ at: 1_000 }), oc({ at: 1_001, url: `${OC_CMDS}?deviceId=dev-2` })], ctx()),
    ).toEqual([]);
    expect(
      pollRateRule.check([oc({ at: 1_000, method: 'POST' }), oc({ at: 1_001, method: 'POST' })], ctx()),
    ).toEqual([]);
  });

  it('tolerates the jitter measured for a client pacing at exactly the rate (991-1005 ms for 1 s), not more', () => {
    const paced = [0, 991, 1996, 2991, 3996].map((at) => oc({ at: 10_000 + at }));
    expect(pollRateRule.check(paced, ctx({ maxPollRate: 1, timeScale: 1 }))).toEqual([]);
    // One wall ms of the client's clock plus 10 of the path's jitter: 11 platform ms at time scale 1.
    expect(pollRateRule.check([oc({ at: 1_000 }), oc({ at: 1_989 })], ctx({ timeScale: 1 }))).toEqual([]);
    expect(pollRateRule.check([oc({ at: 1_000 }), oc({ at: 1_988.9 })], ctx({ timeScale: 1 }))).toHaveLength(
      1,
    );
    // At 3 platform ms per wall ms the same jitter is 33 platform ms.
    expect(pollRateRule.check([oc({ at: 1_000 }), oc({ at: 1_967 })], ctx({ timeScale: 3 }))).toEqual([]);
    expect(pollRateRule.check([oc({ at: 1_000 }), oc({ at: 1_966 })], ctx({ timeScale: 3 }))).toHaveLength(1);
  });

  it('prints the exact limits, not rounded ones', () => {
    const vs = pollRateRule.check(
      [oc({ at: 1_000 }), oc({ at: 1_200.5 })],
      ctx({ maxPollRate: 3, timeScale: 3 }),
    );
    expect(vs[0]?.message).toBe(
      'polled 200.5 ms (platform) after request #' +
        `${(vs[0]?.request.seq ?? 0) - 1}; at most 3 per platform second allows one every 333.333 ms (300.333 ms with the 33 ms tolerated for the clock's step and the path's jitter)`,
    );
  });
});

describe('quirk', () => {
  const taskBody = JSON.stringify({
    taskId: 't1',
    status: 'WAITTING',
    deviceCommands: [{ commandId: 'c1', status: 'PENDDING' }],
  });
  const waitting = () => oc({ method: 'POST', url: OC_TASKS, status: 201, responseBody: taskBody });

  it('names the answer that carried each quirk with its field, however many requests followed', () => {
    const carrier = waitting();
    const later = Array.from({ length: 12 }, () => oc());
    const vs = quirkRule.check([oc(), carrier, ...later], ctx({ exitCode: 1 }));
    expect(vs.map((v) => v.request.seq)).toEqual([carrier.seq]);
    expect(vs[0]?.message).toContain('status = "WAITTING"');
    expect(vs[0]?.message).toContain('deviceCommands[0].status = "PENDDING"');
  });

  it('points at the last answer carrying a quirk, not a later poll that carried none', () => {
    const first = waitting();
    const second = waitting();
    const vs = quirkRule.check([first, second, oc()], ctx({ exitCode: 1 }));
    expect(vs.map((v) => v.request.seq)).toEqual([second.seq]);
  });

  it('names an error sent with HTTP 200 by its code', () => {
    const http200 = oc({
      method: 'POST',
      url: OC_TASKS,
      status: 200,
      errorCode: '100418',
      responseBody: '{"error_code":"100418","error_desc":"device data not existed"}',
    });
    expect(quirkRule.check([http200], ctx({ exitCode: 1 }))[0]?.message).toContain(
      'HTTP status = 200 with error code 100418',
    );
  });

  it('says nothing when the command passed, or when no answer carried a quirk', () => {
    expect(quirkRule.check([waitting()], ctx({ exitCode: 0 }))).toEqual([]);
    expect(quirkRule.check([oc(), oc()], ctx({ exitCode: 1 }))).toEqual([]);
  });
});

describe('one finding per request and cause', () => {
  it('reports a quick retry of a GET after an error once, naming the other rule', () => {
    const es = [oc({ at: 1_000, status: 500, errorCode: '100001' }), oc({ at: 1_100 })];
    const vs = audit(es, { maxPollRate: 1, minBackoffMs: 1000 });
    expect(vs.map((v) => v.rule)).toEqual(['no-backoff']);
    expect(vs[0]?.message).toContain('(also poll-rate)');
  });

  it('joins one rule’s several findings on a request, keeps findings of other causes apart', () => {
    const bad = oc({ at: 1_100, headers: {} });
    const vs = audit([oc({ at: 1_000 }), bad], { maxPollRate: 1 });
    expect(vs.map((v) => v.rule)).toEqual(['request-schema', 'poll-rate']);
    expect(vs[0]?.message).toBe('missing app_key header; missing Authorization header');
  });

  it('totals every rule, zeros included', () => {
    const vs = audit([oc({ at: 1_000 }), oc({ at: 1_100, headers: {} })], { maxPollRate: 1 });
    expect(totalsOf(vs)).toEqual({
      'request-schema': 1,
      'throttle-window': 0,
      recancel: 0,
      'no-backoff': 0,
      'poll-rate': 1,
      quirk: 0,
    });
  });
});

describe('audit', () => {
  it('runs every rule and orders violations by request', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    const first = oc({ at: 1_000, headers: { authorization: 'Bearer t' } });
    const second = oc({ at: 1_100 });
    const vs = audit([second, first], { maxPollRate: 1 });
    expect(vs.map((v) => [v.rule, v.request.seq])).toEqual([
      ['request-schema', first.seq],
      ['poll-rate', second.seq],
    ]);
  });
});

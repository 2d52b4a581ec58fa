// One test per documented disagreement (DECISIONS.md): what the strict schema pins and what the tolerant reader accepts.
import { describe, expect, it } from 'vitest';
import {
  CancelQuery,
  CancelQueryStrictV23,
  ENDPOINTS,
  InvokeServiceQuery,
  SearchBody,
  SetMeasurepointBody,
} from './requests.ts';
import {
  CancelledCommandStrict,
  CancelledCommandTolerant,
  CancelResponseStrict,
  CancelResponseTolerant,
  CommandStrict,
  CommandTolerant,
  TokenResponseStrict,
  TokenResponseTolerant,
} from './responses.ts';

/** A command exactly as the strict schema pins it. */
const pinned = {
  commandId: '2278935391225618432',
  orgId: 'o15541858646501',
  productKey: 'bXuuAiku',
  deviceKey: 'mqtt_01',
  assetId: 'oxWwM9i5',
  createTime: 1560505243577,
  createLocalTime: '2019-06-14 17:40:23',
  commandType: 1,
  commandName: { defaultValue: 'Int_value', i18nValue: { en_US: 'Int_value' } },
  timeout: 1,
  pendingTtl: 6000,
  state: 1,
  tslIdentifier: 'Int_value',
  inputData: 222,
  outputData: null,
};
const envelope = (data: unknown, extra: Record<string, unknown> = {}) => ({
  code: 0,
  msg: 'OK',
  requestId: '7d863d517eae4f18a2776452eb1305bb',
  data,
  ...extra,
});
const query = (qs: string) => Object.fromEntries(new URLSearchParams(qs));

describe('cancel: commandId optional (000 text, 001) vs Mandatory (000 table, 2.3+)', () => {
  it('the contract follows the text: no commandId = cancel all', () => {
    expect(CancelQuery.safeParse({ orgId: 'o1', assetId: 'a1' }).success).toBe(true);
  });
  it('the 2.3+ rule is kept as CancelQueryStrictV23 and refuses a missing commandId', () => {
    const r = CancelQueryStrictV23.safeParse({ orgId: 'o1', assetId: 'a1' });
    expect(r.error?.issues[0]?.path).toEqual(['commandId']);
  });
  it("parses the seeds' request URLs as wire query strings", () => {
    const one =
      'deviceKey=yourDeviceKey&productKey=yourProductKey&orgId=yourOrgId&commandId=2278935391225618432';
    expect(CancelQuery.parse(query(one)).commandId).toBe('2278935391225618432');
    const all = 'deviceKey=mqtt_01&productKey=bXuuAiku&orgId=o15541858646501';
    expect(CancelQuery.parse(query(all)).commandId).toBeUndefined();
  });
  it('accepts GET as well as POST from a caller (cancelCommand.py sends GET); our client sends POST', () => {
    expect(ENDPOINTS.cancel.acceptedMethods).toEqual(['POST', 'GET']);
    expect(ENDPOINTS.cancel.clientMethod).toBe('POST');
  });
});

describe('device identification: assetId XOR productKey+deviceKey', () => {
  it.each([
    [{ orgId: 'o1' }, 'assetId'],
    [{ orgId: 'o1', assetId: 'a', productKey: 'p', deviceKey: 'd' }, 'assetId'],
    [{ orgId: 'o1', productKey: 'p' }, 'deviceKey'],
    [{ orgId: 'o1', deviceKey: 'd' }, 'productKey'],
    [{ assetId: 'a' }, 'orgId'],
  ])('%j is refused at %s', (q, field) => {
    expect(CancelQuery.safeParse(q).error?.issues[0]?.path).toEqual([field]);
  });
});

describe('wire integers', () => {
  it('reads pendingTtl/timeout from query text and checks the documented ranges', () => {
    const ok = InvokeServiceQuery.parse(query('orgId=o&assetId=a&serviceId=s&pendingTtl=172800&timeout=60'));
    expect([ok.pendingTtl, ok.timeout]).toEqual([172800, 60]);
    for (const bad of ['pendingTtl=172801', 'pendingTtl=-1', 'timeout=0', 'timeout=61', 'timeout=1.5'])
      expect(InvokeServiceQuery.safeParse(query(`orgId=o&assetId=a&serviceId=s&${bad}`)).success).toBe(false);
  });
});

describe('createLocaltime (table) vs createLocalTime (samples)', () => {
  it('strict pins createLocalTime and refuses the table spelling', () => {
    expect(CommandStrict.safeParse(pinned).success).toBe(true);
    const { createLocalTime, ...rest } = pinned;
    expect(CommandStrict.safeParse({ ...rest, createLocaltime: createLocalTime }).success).toBe(false);
  });
  it('tolerant reads both spellings into createLocalTime', () => {
    const { createLocalTime, ...rest } = pinned;
    expect(CommandTolerant.parse({ ...rest, createLocaltime: createLocalTime }).createLocalTime).toBe(
      createLocalTime,
    );
    expect(CommandTolerant.parse(pinned).createLocalTime).toBe(createLocalTime);
    expect(CommandTolerant.safeParse(rest).success).toBe(false);
  });
});

describe('createTime string (000) vs number (001)', () => {
  it('strict pins a number', () => {
    expect(CommandStrict.safeParse({ ...pinned, createTime: '1560505243577' }).success).toBe(false);
  });
  it('tolerant normalises the string to a number', () => {
    expect(CommandTolerant.parse({ ...pinned, createTime: '1560505243577' }).createTime).toBe(1560505243577);
    expect(CommandTolerant.safeParse({ ...pinned, createTime: '2019-06-14' }).success).toBe(false);
  });
});

describe('createLocalTime text (000) vs number (001)', () => {
  it('strict pins yyyy-MM-dd HH:mm:ss', () => {
    expect(CommandStrict.safeParse({ ...pinned, createLocalTime: 1560505243577 }).success).toBe(false);
    expect(CommandStrict.safeParse({ ...pinned, createLocalTime: '2019-06-14T17:40:23' }).success).toBe(
      false,
    );
  });
  it('tolerant keeps the number as sent', () => {
    expect(CommandTolerant.parse({ ...pinned, createLocalTime: 1560505243577 }).createLocalTime).toBe(
      1560505243577,
    );
  });
});

describe('msg "OK" (000) vs "Success" with submsg null (001)', () => {
  it('strict pins "OK" without submsg', () => {
    expect(CancelResponseStrict.safeParse(envelope([pinned])).success).toBe(true);
    expect(CancelResponseStrict.safeParse(envelope([pinned], { msg: 'Success' })).success).toBe(false);
    expect(CancelResponseStrict.safeParse(envelope([pinned], { submsg: null })).success).toBe(false);
  });
  it('tolerant accepts both', () => {
    expect(CancelResponseTolerant.parse(envelope([pinned], { msg: 'Success', submsg: null })).msg).toBe(
      'Success',
    );
  });
});

describe('cancel answer reports state 1 (snapshot before the change)', () => {
  it('strict pins 1 and refuses 2', () => {
    expect(CancelledCommandStrict.safeParse(pinned).success).toBe(true);
    expect(CancelledCommandStrict.safeParse({ ...pinned, state: 2 }).success).toBe(false);
  });
  it('tolerant reads 1 and 2 as canonical CANCELED, keeping the vendor state', () => {
    expect(CancelledCommandTolerant.parse(pinned)).toMatchObject({ state: 1, canonicalState: 'CANCELED' });
    expect(CancelledCommandTolerant.parse({ ...pinned, state: 2 })).toMatchObject({
      state: 2,
      canonicalState: 'CANCELED',
    });
  });
  it('tolerant refuses a "cancelled" command in any other state', () => {
    for (const state of [3, 4, 5, 6, 7])
      expect(CancelledCommandTolerant.safeParse({ ...pinned, state }).error?.issues[0]?.path).toEqual([
        'state',
      ]);
  });
  it('outside cancel answers the state maps as it is', () => {
    expect(CommandTolerant.parse(pinned).canonicalState).toBe('PENDING');
    expect(CommandTolerant.parse({ ...pinned, state: 4 }).canonicalState).toBe('SENT');
  });
});

describe('inputData: bare number 222 although documented as a map', () => {
  it('a measurement point setting (type 1) may carry the bare value, strict and tolerant', () => {
    expect(CommandStrict.safeParse(pinned).success).toBe(true);
    expect(CommandTolerant.parse(pinned).inputData).toBe(222);
  });
  it('a service invocation (type 2) must carry a map', () => {
    const service = { ...pinned, commandType: 2 };
    expect(CommandStrict.safeParse(service).error?.issues[0]?.path).toEqual(['inputData']);
    expect(CommandTolerant.safeParse(service).success).toBe(false);
    expect(CommandStrict.safeParse({ ...service, inputData: { service_input: 555 } }).success).toBe(true);
  });
});

describe('outputData: null present (000) vs absent (001)', () => {
  it('strict requires the key', () => {
    const { outputData: _o, ...absent } = pinned;
    expect(CommandStrict.safeParse(absent).error?.issues[0]?.path).toEqual(['outputData']);
  });
  it('tolerant reads absent as null', () => {
    const { outputData: _o, ...absent } = pinned;
    expect(CommandTolerant.parse(absent).outputData).toBeNull();
    expect(CommandTolerant.parse({ ...pinned, outputData: { out: 1 } }).outputData).toEqual({ out: 1 });
  });
});

describe('commandName is StringI18n', () => {
  it('strict requires {defaultValue, i18nValue}', () => {
    expect(CommandStrict.safeParse({ ...pinned, commandName: 'Int_value' }).success).toBe(false);
    expect(CommandStrict.safeParse({ ...pinned, commandName: { defaultValue: 'x' } }).success).toBe(false);
    expect(
      CommandStrict.safeParse({ ...pinned, commandName: { defaultValue: '', i18nValue: {} } }).success,
    ).toBe(true);
  });
  it('tolerant fills a missing i18nValue with {}', () => {
    expect(CommandTolerant.parse({ ...pinned, commandName: { defaultValue: 'x' } }).commandName).toEqual({
      defaultValue: 'x',
      i18nValue: {},
    });
  });
});

describe('token answer: status (table) vs stauts (return sample)', () => {
  const answer = { msg: 'SUCCESS', business: 'apim-token-service', data: { accessToken: 't', expire: 7200 } };
  it('strict pins status', () => {
    expect(TokenResponseStrict.safeParse({ status: 0, ...answer }).success).toBe(true);
    expect(TokenResponseStrict.safeParse({ stauts: 0, ...answer }).success).toBe(false);
  });
  it('tolerant reads both into status', () => {
    expect(TokenResponseTolerant.parse({ stauts: 0, ...answer }).status).toBe(0);
    expect(TokenResponseTolerant.parse({ status: 0, ...answer }).status).toBe(0);
    expect(TokenResponseTolerant.safeParse(answer).success).toBe(false);
  });
});

describe('request bodies', () => {
  it('setMeasurepoint value: string, number, array or object; not null or boolean', () => {
    for (const value of ['1', 1.0, [1], { a: 1 }])
      expect(SetMeasurepointBody.safeParse({ value }).success).toBe(true);
    for (const value of [null, true, undefined])
      expect(SetMeasurepointBody.safeParse({ value }).success).toBe(false);
  });
  it('search refuses pagination.sorters, which the search page says is not supported', () => {
    const r = SearchBody.safeParse({
      pagination: { pageNo: 1, pageSize: 5, sorters: [{ field: 'createTime' }] },
    });
    expect(r.error?.issues[0]?.path).toEqual(['pagination']);
    expect(r.error?.issues[0]?.message).toMatch(/sorters/);
  });
});

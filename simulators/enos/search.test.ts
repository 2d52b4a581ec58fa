// The EnOS search action: expressions the simulator understands, newest-first order, pagination, projection, refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { SearchResponseStrict } from '../../contracts/enos/responses.ts';
import type { CommandStrict } from '../../contracts/enos/responses.ts';
import { parseExpression } from './search-expression.ts';
import { startEnos } from './test-support.ts';

type Sim = ReturnType<typeof startEnos>;
let sim: Sim;
afterEach(async () => {
  await sim?.close();
});

const command = (over: Partial<CommandStrict>): CommandStrict => ({
  commandId: '1',
  orgId: 'o',
  productKey: 'p',
  deviceKey: 'd',
  assetId: 'a',
  createTime: Date.UTC(2019, 7, 13, 1, 0, 0),
  createLocalTime: '2019-08-13 09:00:00',
  commandType: 1,
  commandName: { defaultValue: 'Int_value', i18nValue: { en_US: 'Int_value' } },
  timeout: 30,
  pendingTtl: 0,
  state: 1,
  tslIdentifier: 'Int_value',
  inputData: 1,
  outputData: null,
  ...over,
});

describe('search expressions', () => {
  const test = (text: string, c: Partial<CommandStrict>) => {
    const p = parseExpression(text, 480);
    if (!p.ok) throw new Error(p.reason);
    return p.test(command(c));
  };

  it('state = N, state != N, state in (...), joined with and', () => {
    expect(test('state = 1', { state: 1 })).toBe(true);
    expect(test('state = 1', { state: 2 })).toBe(false);
    expect(test('state != 1', { state: 2 })).toBe(true);
    expect(test('state in (2, 3)', { state: 3 })).toBe(true);
    expect(test('state in (2,3)', { state: 1 })).toBe(false);
    expect(test('state = 1 AND commandType = 2', { state: 1, commandType: 2, inputData: {} })).toBe(true);
    expect(test('state = 1 and commandType = 2', { state: 1, commandType: 1 })).toBe(false);
  });

  it('createTime against epoch ms or local time of the org zone (the search page example)', () => {
    const at = Date.UTC(2019, 7, 13, 1, 0, 0); // 09:00:00 at UTC+8
    expect(test('createTime >= "2019-08-13 09:00:00"', { createTime: at })).toBe(true);
    expect(test('createTime > "2019-08-13 09:00:00"', { createTime: at })).toBe(false);
    expect(test(`createTime < ${at + 1}`, { createTime: at })).toBe(true);
  });

  it('commandId and tslIdentifier equality, commandName like with %', () => {
    expect(test('commandId = "42"', { commandId: '42' })).toBe(true);
    expect(test("tslIdentifier = 'Int_value'", {})).toBe(true);
    expect(test('commandName.en_US like "Int%"', {})).toBe(true);
    expect(test('commandName.en_US like "%x"', {})).toBe(false);
  });

  it('refuses what it does not understand, saying why', () => {
    for (const [text, reason] of [
      ['state = 1 or state = 2', /only "and"/],
      ['colour = 1', /cannot search on colour/],
      ['state = "1"', /state takes = or != with an integer/],
      ['state in (1', /expected , or \)/],
      ['createTime >= "yesterday"', /epoch milliseconds or/],
      ['state = 1 ;', /cannot read/],
    ] as const) {
      const p = parseExpression(text, 480);
      expect(p.ok ? 'accepted' : p.reason, text).toMatch(reason);
    }
  });
});

describe('search action', () => {
  it('filters on state, newest first, one page, with the total', async () => {
    sim = startEnos();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await sim.cache());
      sim.advance(1000);
    }
    await sim.call('POST', { action: 'cancel', ...sim.byAsset, commandId: ids[1] });
    const r = await sim.call(
      'POST',
      { action: 'search', ...sim.byAsset },
      { expression: 'state = 1', pagination: { pageNo: 1, pageSize: 3 } },
    );
    expect(SearchResponseStrict.safeParse(r.body).success).toBe(true);
    expect((r.body.data as CommandStrict[]).map((c) => c.commandId)).toEqual([ids[4], ids[3], ids[2]]);
    expect(r.body.pagination).toEqual({
      sortedBy: [{ field: 'createDate', order: 'DESC' }],
      pageNo: 1,
      pageSize: 3,
      totalSize: 4,
    });
    const page2 = await sim.call(
      'POST',
      { action: 'search', ...sim.byAsset },
      { expression: 'state = 1', pagination: { pageNo: 2, pageSize: 3 } },
    );
    expect((page2.body.data as CommandStrict[]).map((c) => c.commandId)).toEqual([ids[0]]);
  });

  it('without a body: every command, default page size 10; projection keeps only the named fields', async () => {
    sim = startEnos();
    for (let i = 0; i < 12; i++) await sim.cache();
    const all = await sim.call('POST', { action: 'search', ...sim.byKeys });
    expect([
      (all.body.data as unknown[]).length,
      (all.body.pagination as { totalSize: number }).totalSize,
    ]).toEqual([10, 12]);
    const projected = await sim.call(
      'POST',
      { action: 'search', ...sim.byKeys },
      { projection: ['commandId', 'state'], pagination: { pageNo: 1, pageSize: 1 } },
    );
    expect(Object.keys((projected.body.data as object[])[0]!)).toEqual(['commandId', 'state']);
  });

  it("accepts the body of the vendor's searchCommand.py sample: createLocaltime (the table's spelling) too", async () => {
    sim = startEnos({}, { utcOffsetMinutes: 480 });
    const id = await sim.cache();
    // The request body of SearchCommand_assetId / SearchCommand_Keys in EnvisionIot/sample-code-python.
    const sampleBody = {
      projection: [
        'commandId',
        'orgId',
        'productKey',
        'deviceKey',
        'assetId',
        'createTime',
        'createLocaltime',
        'commandType',
        'commandName',
        'timeout',
        'pendingTtl',
        'state',
        'tslIdentifier',
        'inputData',
        'outputData',
      ],
      pagination: { pageNo: 1, pageSize: 50 },
    };
    const r = await sim.call('POST', { action: 'search', ...sim.byAsset }, sampleBody);
    expect([r.body.code, r.body.msg]).toEqual([0, 'OK']);
    const [found] = r.body.data as Record<string, unknown>[];
    expect(Object.keys(found!)).toEqual(sampleBody.projection);
    expect(found).toMatchObject({ commandId: id, createLocaltime: '2026-01-01 08:00:00', state: 1 });
    const both = await sim.call(
      'POST',
      { action: 'search', ...sim.byKeys },
      { projection: ['createLocalTime', 'createLocaltime'] },
    );
    expect((both.body.data as object[])[0]).toEqual({
      createLocalTime: '2026-01-01 08:00:00',
      createLocaltime: '2026-01-01 08:00:00',
    });
  });

  it('refuses a bad expression, sorters and unknown projection fields with 99400', async () => {
    sim = startEnos();
    const msg = async (body: unknown) =>
      (await sim.call('POST', { action: 'search', ...sim.byAsset }, body)).body.msg;
    expect(await msg({ expression: 'state = 1 or state = 2' })).toMatch(
      /^Invalid Argument expression: only "and"/,
    );
    expect(await msg({ pagination: { pageNo: 1, pageSize: 1, sorters: [] } })).toMatch(
      /^Invalid Argument pagination: not supported by search: sorters/,
    );
    expect(await msg({ projection: ['colour'] })).toBe('Invalid Argument projection: unknown field colour');
    expect(await msg({ pagination: { pageNo: 0, pageSize: 1 } })).toMatch(
      /^Invalid Argument pagination\.pageNo:/,
    );
  });
});

// The structural diff verify-pact uses, the quirk table and the matching rules, on small hand-made values.
import { describe, expect, it } from 'vitest';
import { diffJson } from './diff.ts';
import { acceptedByRules, arrayRuleOf, ruleFor } from './matching.ts';
import { explain, misspellingFixed } from './quirks.ts';

describe('diffJson', () => {
  it('finds added, removed, retyped and changed leaves', () => {
    const d = diffJson(
      { a: 1, b: 'x', c: { s: 'PENDDING' }, l: [{ t: 1 }], n: null },
      { a: '1', c: { s: 'PENDING', extra: true }, l: [{ t: 2 }, { t: 3 }], n: 'now' },
    );
    expect(d).toEqual([
      { path: '$.a', kind: 'type', expected: 1, actual: '1' },
      { path: '$.b', kind: 'removed', expected: 'x' },
      { path: '$.c.s', kind: 'value', expected: 'PENDDING', actual: 'PENDING' },
      { path: '$.c.extra', kind: 'added', actual: true },
      { path: '$.l[0].t', kind: 'value', expected: 1, actual: 2 },
      { path: '$.n', kind: 'value', expected: null, actual: 'now' },
    ]);
  });

  it("with Pact's array rules: exact arrays need the same length; arrays matched by example honour min/max", () => {
    const rules = {
      '$.byExample': { matchers: [{ match: 'type', min: 1, max: 2 }] },
      '$.byExample[*].s': { matchers: [{ match: 'regex', regex: '^P' }] },
    };
    const expected = { exact: [1, 2], byExample: [{ s: 'PENDING' }] };
    const pact = (actual: unknown) => diffJson(expected, actual, '$', arrayRuleOf(rules));
    expect(pact({ exact: [1, 2], byExample: [{ s: 'PENDING' }, { s: 'PENDING' }] })).toEqual([]);
    expect(pact({ exact: [1, 2, 3], byExample: [{ s: 'PENDING' }] })).toEqual([
      { path: '$.exact', kind: 'length', expected: 2, actual: 3 },
    ]);
    // Every element is compared with the example, however many there are; too many or too few is a length problem.
    expect(
      pact({ exact: [1, 2], byExample: [{ s: 'PENDING' }, { s: 'SENT' }, { s: 'PENDING' }] }).map((d) => [
        d.path,
        d.kind,
      ]),
    ).toEqual([
      ['$.byExample[1].s', 'value'],
      ['$.byExample', 'length'],
    ]);
    expect(pact({ exact: [1, 2], byExample: [] })).toEqual([
      { path: '$.byExample', kind: 'length', expected: { min: 1, max: 2 }, actual: 0 },
    ]);
    // Without array rules (drift), lengths are data.
    expect(diffJson(expected, { exact: [1, 2, 3], byExample: [] })).toEqual([]);
  });
});

describe('quirks', () => {
  const base = { vendor: 'oceanconnect' as const, actualBody: {}, method: 'POST', requestPath: '/x' };
  it('knows the vendor spellings one way only', () => {
    expect(misspellingFixed('WAITTING', 'WAITING')).toBe(true);
    expect(misspellingFixed('WAITING', 'WAITTING')).toBe(false);
  });
  it('explains IoTDA 200 for a create and EnOS createTime and msg', () => {
    expect(explain({ ...base, vendor: 'iotda', path: '(status)', expected: 201, actual: 200 })[0]).toContain(
      'IoTDA answers a created async command with HTTP 200',
    );
    expect(
      explain({ ...base, vendor: 'enos', path: '$.data[0].createTime', expected: '1', actual: 1 })[0],
    ).toContain('accept both');
    expect(
      explain({ ...base, vendor: 'enos', path: '$.msg', expected: 'OK', actual: 'Success' })[0],
    ).toContain('never match on msg');
  });
  it('explains nothing it does not know', () => {
    expect(explain({ ...base, path: '$.status', expected: 'SENT', actual: 'DELIVERED' })).toEqual([]);
    expect(
      explain({
        ...base,
        path: '(status)',
        expected: 404,
        actual: 200,
        actualBody: { error_code: '100001' },
      }),
    ).toEqual([]);
  });
});

describe('matching rules', () => {
  const rules = {
    '$.taskId': { combine: 'AND', matchers: [{ match: 'type' }] },
    '$.items[*].id': { matchers: [{ match: 'regex', regex: '^\\d+$' }] },
    '$.obj': { matchers: [{ match: 'type' }] },
  };
  it('finds exact, wildcard and inherited rules', () => {
    expect(ruleFor(rules, '$.taskId')).toBe(rules['$.taskId']);
    expect(ruleFor(rules, '$.items[3].id')).toBe(rules['$.items[*].id']);
    expect(ruleFor(rules, '$.obj.deep[0]')).toBe(rules['$.obj']);
    expect(ruleFor(rules, '$.taskIdentity')).toBeUndefined();
  });
  it('accepts values the matchers allow and nothing else', () => {
    expect(acceptedByRules(rules, { path: '$.taskId', kind: 'value', expected: 'a', actual: 'b' })).toBe(
      true,
    );
    expect(acceptedByRules(rules, { path: '$.taskId', kind: 'type', expected: 'a', actual: 1 })).toBe(false);
    expect(
      acceptedByRules(rules, { path: '$.items[0].id', kind: 'value', expected: '1', actual: '22' }),
    ).toBe(true);
    expect(acceptedByRules(rules, { path: '$.items[0].id', kind: 'value', expected: '1', actual: 'x' })).toBe(
      false,
    );
    expect(acceptedByRules(rules, { path: '$.status', kind: 'value', expected: 'A', actual: 'B' })).toBe(
      false,
    );
  });
});

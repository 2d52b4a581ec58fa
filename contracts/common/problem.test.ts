// Zod issues as data: dotted paths, and a failed union reported by the option the value came clearly closest to.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QueryCommandsResponseTolerant } from '../oceanconnect/responses.ts';
import { invalidInput, issuesOf } from './problem.ts';

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a refusal');
  return issuesOf(r.error).map((i) => [i.path, i.code]);
};

const Item = z.object({ id: z.string(), status: z.enum(['PENDING', 'SENT']) });
const Page = z.union([
  z.object({ pagination: z.object({ totalSize: z.number() }), data: z.array(Item) }),
  z.object({ totalCount: z.number(), data: z.array(Item) }),
]);

describe('issuesOf', () => {
  it('names nested fields with a dotted path, the root as (root)', () => {
    expect(issues(z.object({ a: z.array(z.object({ b: z.number() })) }), { a: [{ b: 'x' }] })).toEqual([
      ['a.0.b', 'invalid_type'],
    ]);
    expect(issues(z.string(), 1)).toEqual([['(root)', 'invalid_type']]);
  });

  it('names the broken field inside whichever shape of a union the value has', () => {
    const item = { id: 'c1', status: 'PENDDING' };
    expect(issues(Page, { pagination: { totalSize: 1 }, data: [item] })).toEqual([
      ['data.0.status', 'invalid_value'],
    ]);
    expect(issues(Page, { totalCount: 1, data: [item] })).toEqual([['data.0.status', 'invalid_value']]);
    expect(issues(z.object({ page: Page }), { page: { pagination: { totalSize: 'x' }, data: [] } })).toEqual([
      ['page.pagination.totalSize', 'invalid_type'],
    ]);
  });

  it('keeps the union issue when no option is clearly closer', () => {
    expect(issues(z.union([z.string(), z.number()]), true)).toEqual([['(root)', 'invalid_union']]);
    // Each shape misses one top-level field: nothing says which was meant.
    expect(issues(z.object({ page: Page }), { page: { totalCount: '1', data: [] } })).toEqual([
      ['page', 'invalid_union'],
    ]);
  });

  it('names the field in an OceanConnect query page the client refuses', () => {
    const page = {
      pagination: { pageNo: 0, pageSize: 10, totalSize: 1 },
      data: [{ commandId: 'c1', status: 'NOT_A_STATUS' }],
    };
    const paths = issues(QueryCommandsResponseTolerant, page).map(([p]) => p);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p?.startsWith('data.0.'))).toBe(true);
  });
});

describe('invalidInput: the one rule every client refuses its input by', () => {
  const refused = (schema: z.ZodType, input: unknown) => {
    const r = schema.safeParse(input);
    if (r.success) throw new Error('expected a refusal');
    return invalidInput('enos', r.error, input);
  };
  const Body = z.strictObject({ pagination: z.strictObject({ pageNo: z.number().int().min(1) }) });

  it('names the field by its dotted path and says what it received', () => {
    expect(refused(Body, { pagination: { pageNo: 0 } })).toEqual({
      kind: 'invalid-input',
      vendor: 'enos',
      field: 'pagination.pageNo',
      reason: 'Too small: expected number to be >=1',
      received: 0,
    });
  });

  it('names an unknown key under its parent, at the root by itself, and the value itself as (input)', () => {
    expect(refused(Body, { pagination: { pageNo: 1, sorters: [] } })).toMatchObject({
      field: 'pagination.sorters',
      received: [],
    });
    expect(refused(Body, { pagination: { pageNo: 1 }, extra: 1 })).toMatchObject({
      field: 'extra',
      received: 1,
    });
    expect(refused(z.string(), 5)).toMatchObject({ field: '(input)', received: 5 });
  });
});

// compareAnswer on small hand-made answers: each change class once, and the differences that are data (order, free-form content, allowed values).
import { describe, expect, it } from 'vitest';
import type { DriftFacts } from '../contracts/common/drift.ts';
import { DRIFT_FACTS as ENOS } from '../contracts/enos/drift.ts';
import { DRIFT_FACTS as IOTDA } from '../contracts/iotda/drift.ts';
import { DRIFT_FACTS as OC } from '../contracts/oceanconnect/drift.ts';
import { compareAnswer } from './compare.ts';

const ok = (body: unknown) => ({ status: 200, body });
const kinds = (facts: DriftFacts, pinned: unknown, now: unknown) =>
  compareAnswer(facts, ok(pinned), ok(now)).map((c) => [c.kind, c.field, c.was, c.now]);

const queued = (status: string, extra: Record<string, unknown> = {}) => ({
  command_id: `c-${status}`,
  device_id: 'd',
  status,
  created_time: '20240305T081500Z',
  send_strategy: 'delay',
  ...extra,
});

describe('compareAnswer', () => {
  it('applies formats and enums to every element, beyond the pinned length', () => {
    const pinned = { commands: [queued('PENDING'), queued('SENT', { sent_time: '20240305T091000Z' })] };
    const now = {
      commands: [
        queued('PENDING'),
        queued('SENT', { sent_time: '20240305T091000Z' }),
        queued('CANCELED', { created_time: '2024-03-05T08:15:00Z' }),
      ],
    };
    expect(kinds(IOTDA, pinned, now)).toEqual([
      [
        'value-not-allowed',
        '$.commands[*].status',
        'one of "PENDING", "EXPIRED", "SENT", "DELIVERED", "SUCCESSFUL", "FAILED", "TIMEOUT"',
        '"CANCELED"',
      ],
      [
        'value-not-allowed',
        '$.commands[*].created_time',
        "yyyyMMdd'T'HHmmss'Z' (e.g. 20151212T121212Z)",
        '9999-99-99T99:99:99Z (e.g. "2024-03-05T08:15:00Z")',
      ],
    ]);
  });

  it('takes array order, other allowed values and data for data', () => {
    const pinned = { commands: [queued('PENDING'), queued('SENT', { sent_time: '20240305T091000Z' })] };
    const now = {
      commands: [
        queued('SENT', { sent_time: '20250101T000000Z', command_id: 'x' }),
        queued('PENDING'),
        queued('DELIVERED'),
      ],
    };
    expect(kinds(IOTDA, pinned, now)).toEqual([]);
  });

  it('compares free-form fields by type only', () => {
    const pinned = { paras: { valve: 'CLOSE' }, result: { code: 0 } };
    expect(kinds(IOTDA, pinned, { paras: { state: 'ON', level: 3 }, result: { anything: [1] } })).toEqual([]);
    expect(kinds(IOTDA, pinned, { paras: 'ON', result: { code: 0 } })).toEqual([
      ['field-retyped', '$.paras', 'object', 'string'],
    ]);
  });

  it('retypes: turning null (unless documented nullable), array to object, numeric string to number', () => {
    expect(kinds(ENOS, { code: 0, data: [] }, { code: 0, data: null })).toEqual([
      ['field-retyped', '$.data', 'array', 'null'],
    ]);
    expect(kinds(OC, { data: [] }, { data: {} })).toEqual([['field-retyped', '$.data', 'array', 'object']]);
    expect(kinds(OC, { error_code: '100418' }, { error_code: 100418 })).toEqual([
      ['field-retyped', '$.error_code', 'numeric string', 'number'],
    ]);
    expect(kinds(OC, { executeTime: '20240305T081500Z' }, { executeTime: null })).toEqual([]);
  });

  it('messages for an unchanged code are info; a changed code is breaking and carries its message', () => {
    const pinned = { error_code: 'IOTDA.000002', error_msg: 'Authentication failed.' };
    expect(kinds(IOTDA, pinned, { ...pinned, error_msg: 'The request is unauthorized.' })).toEqual([
      ['message-changed', '$.error_msg', '"Authentication failed."', '"The request is unauthorized."'],
    ]);
    expect(kinds(IOTDA, pinned, { error_code: 'IOTDA.000001', error_msg: 'Internal server error.' })).toEqual(
      [['code-changed', '$.error_code', '"IOTDA.000002"', '"IOTDA.000001"']],
    );
  });

  it('a fixed misspelling, a documented variant, an added and a removed field, a status', () => {
    expect(kinds(OC, { status: 'WAITTING', totalCount: 1 }, { status: 'WAITING', extra: true })).toEqual([
      ['misspelling-fixed', '$.status', '"WAITTING"', '"WAITING"'],
      ['field-removed', '$.totalCount', 'number', '(absent)'],
      ['field-added', '$.extra', '(absent)', 'boolean'],
    ]);
    expect(kinds(ENOS, { data: { createTime: 1 } }, { data: { createTime: '1' } })).toEqual([
      ['documented-variant', '$.data.createTime', 'number', 'numeric string'],
    ]);
    expect(
      compareAnswer(OC, { status: 201, body: { a: 1 } }, { status: 200, body: { a: 1 } }).map((c) => [
        c.kind,
        c.was,
        c.now,
      ]),
    ).toEqual([['status-changed', 'HTTP 201', 'HTTP 200']]);
    // A success answered by an error: the status says it; the bodies are not compared field by field.
    expect(
      compareAnswer(
        OC,
        { status: 201, body: { taskId: 't' } },
        { status: 403, body: { error_code: '1010005' } },
      ).map((c) => c.kind),
    ).toEqual(['status-changed']);
  });
});

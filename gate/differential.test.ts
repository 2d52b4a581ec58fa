// The differential judges on hand-made runs: where two runs part, which answer a verdict names, each fault verdict's condition.
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../contracts/control/api.ts';
import { quirkById } from '../contracts/quirks.ts';
import { failureById } from '../contracts/failures.ts';
import { faultCases, judgeFault } from './differential/faults.ts';
import { divergence, judgeQuirk, turningAnswer } from './differential/quirks.ts';
import type { RunOutcome } from './run-once.ts';

const TASKS = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
let seq = 0;
const entry = (e: Partial<JournalEntry>): JournalEntry => ({
  seq: ++seq,
  at: seq * 1000,
  wallAt: seq * 1000,
  vendor: 'oceanconnect',
  method: 'GET',
  url: TASKS,
  headers: {},
  body: '',
  status: 200,
  responseBody: '{}',
  endpoint: 'queryRevocationTasks',
  ...e,
});
const task = (status: string) =>
  entry({
    method: 'POST',
    status: 201,
    endpoint: 'createRevocationTask',
    responseBody: JSON.stringify({ taskId: 't', status }),
  });
const run = (
  exitCode: number | null,
  entries: JournalEntry[],
  extra: Partial<RunOutcome> = {},
): RunOutcome => ({
  exitCode,
  timedOut: false,
  entries,
  violations: [],
  resets: [],
  limits: { maxPollRate: 1, minBackoffMs: 1000, timeScale: 1, pathJitterWallMs: 10 },
  wallMs: 1,
  ...extra,
});
const quirk = (id: string) => {
  const q = quirkById(id);
  if (!q) throw new Error(id);
  return q;
};
const failure = (id: string) => {
  const f = failureById(id);
  if (!f) throw new Error(id);
  return f;
};

describe('the quirk judge', () => {
  it('finds where two runs part, by vendor, method and endpoint (ids may differ)', () => {
    const a = [entry({}), task('WAITTING'), entry({})];
    const b = [entry({}), task('WAITING'), entry({ method: 'POST', endpoint: 'createCommand' })];
    expect(divergence(a, b)).toBe(2);
    expect(divergence(a, a)).toBeUndefined();
    expect(divergence(a, a.slice(0, 2))).toBe(2);
  });

  it('names the last answer carrying the quirk before the runs part, not a later one', () => {
    const first = task('WAITTING');
    const second = task('WAITTING');
    const withQuirk = [first, entry({}), second, task('WAITTING')];
    const without = [task('WAITING'), entry({}), task('WAITING'), entry({ method: 'DELETE', endpoint: 'x' })];
    expect(turningAnswer(withQuirk, without, quirk('oceanconnect.waitting'))?.entry.seq).toBe(second.seq);
  });

  it('a quirk of an answer’s shape the client depends on is a warning, not a misspelling', () => {
    const snapshot = entry({
      vendor: 'enos',
      method: 'POST',
      url: '/connect-service/v2.1/commands?action=cancel&orgId=o',
      endpoint: 'cancel',
      responseBody: JSON.stringify({ code: 0, data: [{ commandId: 'c', state: 1 }] }),
    });
    const v = judgeQuirk(quirk('enos.cancel-snapshot'), run(0, [snapshot]), run(1, [snapshot]));
    expect(v.verdict).toBe('depends-on-quirk');
    expect(v.severity).toBe('warning');
    expect(v.evidence?.detail).toBe('data[0].state = 1');
  });
});

describe('the fault judge', () => {
  const create = { vendor: 'oceanconnect', endpoint: 'createRevocationTask' };

  it('lists each endpoint the run called with each failure documented for it', () => {
    const cases = faultCases(run(0, [task('WAITTING'), task('WAITTING')]), [
      failure('oceanconnect.100001'),
      failure('enos.11905'),
      failure('network.latency-spike'),
    ]);
    expect(cases.map((c) => `${c.endpoint} ${c.failure.id}`)).toEqual([
      'createRevocationTask oceanconnect.100001',
      'createRevocationTask network.latency-spike',
    ]);
  });

  it('not fired when the endpoint was not called; recovered from a latency spike by the held call itself', () => {
    const c = { ...create, failure: failure('network.latency-spike') };
    expect(judgeFault(c, run(0, [entry({})])).verdict).toBe('not-fired');
    const held = { ...task('WAITTING'), injected: 'network.latency-spike' };
    expect(judgeFault(c, run(0, [held])).verdict).toBe('recovered');
  });

  it('ignored when no later call of the endpoint succeeded; a later call of another endpoint does not count', () => {
    const c = { ...create, failure: failure('oceanconnect.100001') };
    const injected = entry({
      method: 'POST',
      status: 500,
      errorCode: '100001',
      endpoint: 'createRevocationTask',
      injected: 'oceanconnect.100001',
      responseBody: '{"error_code":"100001"}',
    });
    const v = judgeFault(c, run(0, [injected, entry({})]));
    expect(v.verdict).toBe('ignored');
    expect(v.evidence).toMatchObject({ seq: injected.seq, status: 500, detail: '{"error_code":"100001"}' });
    expect(judgeFault(c, run(0, [injected, task('WAITTING')])).verdict).toBe('recovered');
    expect(judgeFault(c, run(3, [injected])).verdict).toBe('failed-loudly');
  });

  it('accepts a final answer (11905) without a retry', () => {
    const c = { vendor: 'enos', endpoint: 'cancel', failure: failure('enos.11905') };
    const refused = entry({ vendor: 'enos', endpoint: 'cancel', errorCode: '11905', injected: 'enos.11905' });
    expect(judgeFault(c, run(0, [refused])).verdict).toBe('recovered');
  });
});

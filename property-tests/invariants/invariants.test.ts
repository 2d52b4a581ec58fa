// Each invariant flags a step that breaks it and accepts one that keeps it (none of them can pass vacuously).
import { describe, expect, it } from 'vitest';
import type { CommandView } from '../../simulators/model/command.ts';
import type { CallRecord, Observation, Snapshot } from '../harness/observations.ts';
import { INVARIANTS, invariantNamed } from './index.ts';
import type { Invariant } from './types.ts';

const T0 = Date.UTC(2026, 0, 1);

const cmd = (id: string, over: Partial<CommandView> = {}): CommandView => ({
  commandId: id,
  deviceKey: 'd1',
  seq: Number(id.replace(/\D/g, '')),
  state: 'PENDING',
  payload: null,
  createdAt: T0,
  ttlMs: 5000,
  expiresAt: T0 + 5000,
  timeoutMs: 30_000,
  sentAt: null,
  deliveredAt: null,
  respondedAt: null,
  finishedAt: null,
  issuedTimes: 0,
  result: null,
  ...over,
});

const snap = (now: number, commands: CommandView[]): Snapshot => ({ now, commands, devices: undefined });
const obs = (before: Snapshot, after: Snapshot, calls: CallRecord[] = []): Observation => ({
  label: 'step',
  before,
  after,
  calls,
});
const call = (over: Partial<CallRecord>): CallRecord => ({
  vendor: 'oceanconnect',
  op: 'create',
  at: T0,
  outcome: 'ok',
  ...over,
});

const check = (inv: Invariant, o: Observation, history: CallRecord[] = o.calls) =>
  inv.check(o, { throttle: { limit: 2, windowMs: 1000, originMs: 0 }, history });
const named = (name: string): Invariant => {
  const inv = invariantNamed(name);
  if (!inv) throw new Error(`no invariant ${name}`);
  return inv;
};

/** Each invariant: a step it must flag, and a correct step of the same kind it must accept. */
const CASES: Record<string, { broken: Observation; fine: Observation; history?: CallRecord[] }> = {
  'only-pending-cancelled': {
    broken: obs(
      snap(T0, [cmd('c1', { state: 'SENT', sentAt: T0 })]),
      snap(T0, [cmd('c1', { state: 'CANCELED', sentAt: T0, finishedAt: T0 })]),
    ),
    fine: obs(snap(T0, [cmd('c1')]), snap(T0, [cmd('c1', { state: 'CANCELED', finishedAt: T0 })]), [
      call({ op: 'cancel', ids: ['c1'] }),
    ]),
  },
  'delivered-never-revoked': {
    broken: obs(
      snap(T0, [cmd('c1', { state: 'DELIVERED', sentAt: T0, deliveredAt: T0 })]),
      snap(T0, [cmd('c1', { state: 'DELIVERED', sentAt: T0, deliveredAt: T0 })]),
      [call({ op: 'revoke', device: 'd1', ids: ['c1'], totalCount: 1 })],
    ),
    fine: obs(snap(T0, [cmd('c1')]), snap(T0, [cmd('c1', { state: 'CANCELED', finishedAt: T0 })]), [
      call({ op: 'revoke', device: 'd1', ids: ['c1'], totalCount: 1 }),
    ]),
  },
  'cancel-all-exact': {
    broken: obs(
      snap(T0, [cmd('c1'), cmd('c2')]),
      snap(T0, [cmd('c1', { state: 'CANCELED', finishedAt: T0 }), cmd('c2')]),
      [call({ vendor: 'enos', op: 'cancel-all', device: 'd1', ids: ['c1'] })],
    ),
    fine: obs(
      snap(T0, [cmd('c1'), cmd('c2')]),
      snap(T0, [
        cmd('c1', { state: 'CANCELED', finishedAt: T0 }),
        cmd('c2', { state: 'CANCELED', finishedAt: T0 }),
      ]),
      [call({ vendor: 'enos', op: 'cancel-all', device: 'd1', ids: ['c1', 'c2'] })],
    ),
  },
  'total-count': {
    broken: obs(snap(T0, []), snap(T0, []), [call({ op: 'revoke', ids: ['c1', 'c2'], totalCount: 1 })]),
    fine: obs(snap(T0, []), snap(T0, []), [call({ op: 'revoke', ids: ['c1', 'c2'], totalCount: 2 })]),
  },
  'terminal-stays-terminal': {
    broken: obs(
      snap(T0, [cmd('c1', { state: 'EXPIRED', finishedAt: T0 + 5000 })]),
      snap(T0, [cmd('c1', { state: 'SENT', sentAt: T0 })]),
    ),
    fine: obs(
      snap(T0, [cmd('c1', { state: 'EXPIRED', finishedAt: T0 + 5000 })]),
      snap(T0 + 9000, [cmd('c1', { state: 'EXPIRED', finishedAt: T0 + 5000 })]),
    ),
  },
  'expiry-at-ttl': {
    broken: obs(snap(T0, [cmd('c1')]), snap(T0 + 5000, [cmd('c1')])),
    fine: obs(
      snap(T0, [cmd('c1')]),
      snap(T0 + 5000, [cmd('c1', { state: 'EXPIRED', finishedAt: T0 + 5000 })]),
    ),
  },
  'queue-order': {
    broken: obs(
      snap(T0, [cmd('c1'), cmd('c2')]),
      snap(T0, [cmd('c1'), cmd('c2', { state: 'SENT', sentAt: T0 })]),
    ),
    fine: obs(
      snap(T0, [cmd('c1'), cmd('c2')]),
      snap(T0, [cmd('c1', { state: 'SENT', sentAt: T0 }), cmd('c2')]),
    ),
  },
  'none-lost-or-duplicated': {
    broken: obs(snap(T0, [cmd('c1')]), snap(T0, [cmd('c2')]), [call({ op: 'create', createdId: 'c2' })]),
    fine: obs(snap(T0, [cmd('c1')]), snap(T0, [cmd('c1'), cmd('c2')]), [
      call({ op: 'create', createdId: 'c2' }),
    ]),
  },
  'throttle-window': {
    broken: obs(snap(T0, []), snap(T0, []), [call({ app: 'a', outcome: 'throttled', code: '1010009' })]),
    fine: obs(snap(T0, []), snap(T0, []), [call({ app: 'a' })]),
  },
  'timestamps-round-trip': {
    broken: obs(snap(T0, []), snap(T0, [cmd('c1', { createdAt: T0 + 1500 })]), [
      call({ times: [{ commandId: 'c1', field: 'createdAt', value: '20260101T000002Z', format: 'huawei' }] }),
    ]),
    fine: obs(snap(T0, []), snap(T0, [cmd('c1', { createdAt: T0 + 1500 })]), [
      call({ times: [{ commandId: 'c1', field: 'createdAt', value: '20260101T000001Z', format: 'huawei' }] }),
    ]),
  },
  'vendor-spelling': {
    broken: obs(snap(T0, [cmd('c1')]), snap(T0, [cmd('c1', { state: 'CANCELED', finishedAt: T0 })]), [
      call({ op: 'revoke', ids: ['c1'], totalCount: 1, taskStatus: 'WAITTING', statuses: ['PENDING'] }),
    ]),
    fine: obs(snap(T0, [cmd('c1')]), snap(T0, [cmd('c1', { state: 'CANCELED', finishedAt: T0 })]), [
      call({ op: 'revoke', ids: ['c1'], totalCount: 1, taskStatus: 'WAITTING', statuses: ['PENDDING'] }),
      call({ op: 'query', statuses: ['PENDING', 'CANCELED'] }),
    ]),
  },
};

describe('invariants', () => {
  it('each has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(INVARIANTS.map((i) => i.name).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: flags a step that breaks it, accepts one that keeps it`, () => {
      expect(check(named(name), c.broken)).not.toEqual([]);
      expect(check(named(name), c.fine)).toEqual([]);
    });
  }

  it('throttle-window: a call admitted past the limit of its window is flagged', () => {
    const inv = named('throttle-window');
    const history = [call({ app: 'a' }), call({ app: 'a' }), call({ app: 'a', at: T0 + 999 })];
    expect(check(inv, obs(snap(T0, []), snap(T0, []), [history[2]!]), history)).toHaveLength(1);
    const nextWindow = [...history.slice(0, 2), call({ app: 'a', at: T0 + 1000 })];
    expect(check(inv, obs(snap(T0, []), snap(T0, []), [nextWindow[2]!]), nextWindow)).toEqual([]);
  });
});

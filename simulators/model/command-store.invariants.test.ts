import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransition } from '../../contracts/common/lifecycle.ts';
import type { CommandView } from './command.ts';
import { setup } from './test-support.ts';

const DEVICES = ['d0', 'd1', 'd2'];
const CAP = 4;
const IDS = ['a', 'b', 'c', 'cmd-3'];

type Op =
  | {
      op: 'create';
      dev: string;
      ttlMs: number;
      timeoutMs: number;
      sendImmediately?: boolean;
      commandId?: string;
    }
  | { op: 'cancel'; id: string }
  | { op: 'cancelAll'; dev: string }
  | { op: 'online'; dev: string; online: boolean }
  | {
      op: 'behaviour';
      dev: string;
      ackDelayMs: number;
      responseDelayMs: number;
      failureRatio: number;
      silent: boolean;
    }
  | { op: 'advance'; ms: number };

const dev = fc.constantFrom(...DEVICES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        op: fc.constant('create' as const),
        dev,
        ttlMs: fc.oneof(
          { weight: 1, arbitrary: fc.constant(0) },
          { weight: 4, arbitrary: fc.integer({ min: 1, max: 5000 }) },
        ),
        timeoutMs: fc.integer({ min: 1, max: 2500 }),
        sendImmediately: fc.option(fc.boolean(), { freq: 4, nil: undefined }),
        commandId: fc.option(fc.constantFrom(...IDS), { freq: 2, nil: undefined }),
      },
      { noNullPrototype: true },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('cancel' as const),
      id: fc.constantFrom(...IDS, 'cmd-1', 'cmd-2'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancelAll' as const), dev }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('online' as const), dev, online: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('behaviour' as const),
      dev,
      ackDelayMs: fc.integer({ min: 0, max: 600 }),
      responseDelayMs: fc.integer({ min: 0, max: 600 }),
      failureRatio: fc.constantFrom(0, 0.5, 1),
      silent: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 800 }) }),
  },
);

const inFlight = (c: CommandView) => c.state === 'SENT' || c.state === 'DELIVERED';

describe('command store: invariants under random operations', () => {
  it('holds the lifecycle, queue, cap and deadline rules after every operation', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 10, maxLength: 80, size: 'max' }),
        fc.integer(),
        (ops, seed) => {
          const { store, clock, journal } = setup({ pendingCap: CAP, seed });
          for (const d of DEVICES)
            store.addDevice(d, { online: d === 'd0', behaviour: { ackDelayMs: 100, responseDelayMs: 200 } });
          for (const o of ops) {
            switch (o.op) {
              case 'create': {
                const { dev: d, op: _, sendImmediately, commandId, ...input } = o;
                store.create(d, {
                  payload: null,
                  ...input,
                  ...(sendImmediately === undefined ? {} : { sendImmediately }),
                  ...(commandId === undefined ? {} : { commandId }),
                });
                break;
              }
              case 'cancel':
                store.cancel(o.id);
                break;
              case 'cancelAll':
                store.cancelAll(o.dev);
                break;
              case 'online':
                store.setOnline(o.dev, o.online);
                break;
              case 'behaviour': {
                const { dev: d, op: _, ...b } = o;
                store.setBehaviour(d, b);
                break;
              }
              case 'advance':
                clock.advance(o.ms);
                break;
            }
            checkInvariants(store, clock.now(), journal);
          }
        },
      ),
      { seed: 4242, numRuns: 250 },
    );
  });
});

/** Every broken rule, in words: the property expects none. */
const checkInvariants = (
  store: ReturnType<typeof setup>['store'],
  now: number,
  journal: ReturnType<typeof setup>['journal'],
) => {
  const broken: string[] = [];
  const rule = (holds: boolean, what: string) => {
    if (!holds) broken.push(what);
  };
  const all = store.listAll().items;
  const stats = store.stats();
  rule(
    Object.values(stats.byState).reduce((a, b) => a + b, 0) === all.length,
    'byState sums to the commands',
  );
  for (const [state, n] of Object.entries(stats.byState))
    rule(all.filter((c) => c.state === state).length === n, `byState.${state} counts the ${state} commands`);

  for (const key of DEVICES) {
    const device = store.getDevice(key)!;
    const mine = store.list(key);
    const flying = mine.filter(inFlight);
    const pending = mine.filter((c) => c.state === 'PENDING');
    rule(flying.length <= 1, `${key}: at most one in flight`);
    rule(device.inFlight === (flying[0]?.commandId ?? null), `${key}: device names its command in flight`);
    rule(pending.length === device.pending, `${key}: pending count`);
    rule(pending.length <= CAP, `${key}: pending within the cap`);
    rule(!device.online || pending.length === 0 || flying.length === 1, `${key}: online with work is busy`);
    for (const c of mine) {
      const id = `${key}/${c.commandId}`;
      if (c.state === 'PENDING') rule(c.expiresAt > now, `${id}: PENDING past its deadline`);
      if (inFlight(c)) rule(c.sentAt! + c.timeoutMs > now, `${id}: in flight past its timeout`);
      if (c.state === 'EXPIRED')
        rule(c.finishedAt === c.expiresAt, `${id}: expired exactly at createdAt + ttl`);
      if (c.state === 'TIMED_OUT')
        rule(c.finishedAt === c.sentAt! + c.timeoutMs, `${id}: timed out at the deadline`);
      if (c.state === 'SUCCEEDED' || c.state === 'FAILED') {
        rule(c.finishedAt === c.respondedAt, `${id}: finished when it responded`);
        rule(c.respondedAt! < c.sentAt! + c.timeoutMs, `${id}: responded before the deadline`);
      }
      if (c.sentAt === null) continue;
      rule(c.ttlMs === 0 || c.sentAt < c.expiresAt, `${id}: sent before its deadline`);
      // one at a time, in queue order: everything older left the queue and finished before this one went
      for (const older of mine) {
        if (older.seq >= c.seq) break;
        rule(
          older.finishedAt !== null && older.finishedAt <= c.sentAt,
          `${id}: sent before ${older.commandId} ended`,
        );
      }
    }
  }

  let last = Number.NEGATIVE_INFINITY;
  for (const change of journal) {
    const valid = change.from === null ? change.to === 'PENDING' : canTransition(change.from, change.to);
    rule(valid, `journal: ${change.commandId} ${change.from} -> ${change.to} is not a lifecycle transition`);
    rule(
      change.at >= last && change.at <= now,
      `journal: ${change.commandId} change at ${change.at} out of order`,
    );
    last = change.at;
  }
  expect(broken).toEqual([]);
};

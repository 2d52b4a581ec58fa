import { describe, expect, it } from 'vitest';
import { seedTimesOf } from './seed.ts';
import { okOf, setup, T0 } from './test-support.ts';

const DAY = 86_400_000;
const timing = { ackDelayMs: 100, responseDelayMs: 200 };

describe('seedTimesOf', () => {
  const base = { commandId: 'c', payload: null, createdAt: 1000, ttlMs: 500 };
  it('keeps given times and fills only what the state needs', () => {
    expect(seedTimesOf({ ...base, state: 'PENDING', sentAt: null })).toEqual({
      sentAt: null,
      deliveredAt: null,
      respondedAt: null,
      finishedAt: null,
    });
    expect(seedTimesOf({ ...base, state: 'SENT' })).toMatchObject({ sentAt: 1000, deliveredAt: null });
    expect(seedTimesOf({ ...base, state: 'DELIVERED', sentAt: 1100 })).toMatchObject({
      sentAt: 1100,
      deliveredAt: 1100,
    });
    expect(seedTimesOf({ ...base, state: 'EXPIRED' })).toMatchObject({ sentAt: null, finishedAt: 1500 });
    expect(seedTimesOf({ ...base, state: 'CANCELED' })).toMatchObject({ finishedAt: 1000 });
    expect(seedTimesOf({ ...base, state: 'SUCCEEDED', sentAt: 1010, deliveredAt: 1020 })).toEqual({
      sentAt: 1010,
      deliveredAt: 1020,
      respondedAt: 1020,
      finishedAt: 1020,
    });
    expect(seedTimesOf({ ...base, state: 'FAILED', respondedAt: 1300, finishedAt: 1400 })).toMatchObject({
      respondedAt: 1300,
      finishedAt: 1400,
    });
    expect(seedTimesOf({ ...base, state: 'TIMED_OUT', sentAt: 1010 })).toMatchObject({
      respondedAt: null,
      finishedAt: 1010,
    });
  });
});

describe('command store: seed (provider states)', () => {
  it('refuses what create refuses: unknown device, duplicate id, a full queue, a taken in-flight slot', () => {
    const { store } = setup({ pendingCap: 1 });
    const pending = { commandId: 'p1', state: 'PENDING' as const, payload: 0, createdAt: T0, ttlMs: DAY };
    expect(store.seed('nope', pending)).toMatchObject({ ok: false, reason: 'unknown-device' });
    store.addDevice('d1');
    okOf(store.seed('d1', pending));
    expect(store.seed('d1', pending)).toMatchObject({ ok: false, reason: 'duplicate-id', commandId: 'p1' });
    expect(store.seed('d1', { ...pending, commandId: 'p2' })).toMatchObject({
      reason: 'cap-reached',
      cap: 1,
    });
    okOf(store.seed('d1', { ...pending, commandId: 's1', state: 'SENT' }));
    expect(store.seed('d1', { ...pending, commandId: 's2', state: 'DELIVERED' })).toMatchObject({
      reason: 'device-busy',
      inFlight: 's1',
    });
    expect(() => store.seed('d1', { ...pending, commandId: 'bad', ttlMs: -1 })).toThrow();
  });

  it('a PENDING seed joins the end of the queue and expires at createdAt + ttl', () => {
    const { store, at, stateOf, historyOf } = setup();
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    at(100);
    const c = okOf(
      store.seed('d1', { commandId: 'old', state: 'PENDING', payload: 'x', createdAt: T0 - 50, ttlMs: 1000 }),
    ).command;
    expect(c).toMatchObject({
      state: 'PENDING',
      createdAt: T0 - 50,
      expiresAt: T0 + 950,
      issuedTimes: 0,
      seq: 1,
    });
    expect(store.getDevice('d1')?.pending).toBe(2);
    at(949);
    expect(stateOf('old')).toBe('PENDING');
    at(950);
    expect(store.get('old')).toMatchObject({ state: 'EXPIRED', finishedAt: T0 + 950 });
    expect(historyOf('old')).toEqual([
      [null, 'PENDING', 100],
      ['PENDING', 'EXPIRED', 950],
    ]);
    store.setOnline('d1', true);
    expect(stateOf('cmd-1')).toBe('SENT');
  });

  it('a PENDING seed already past its deadline expires now, and one on an idle online device is sent now', () => {
    const { store, at } = setup();
    store.addDevice('d1');
    store.addDevice('d2', { online: true, behaviour: timing });
    at(100);
    const late = {
      commandId: 'late',
      state: 'PENDING' as const,
      payload: 0,
      createdAt: T0 - 5000,
      ttlMs: 1000,
    };
    expect(okOf(store.seed('d1', late)).command).toMatchObject({ state: 'EXPIRED', finishedAt: T0 + 100 });
    const fresh = { commandId: 'fresh', state: 'PENDING' as const, payload: 0, createdAt: T0, ttlMs: DAY };
    expect(okOf(store.seed('d2', fresh)).command).toMatchObject({ state: 'SENT', sentAt: T0 + 100 });
  });

  it('a SENT seed continues its delivery from its own sentAt, and the queue moves on after it', () => {
    const { store, at, historyOf, stateOf } = setup();
    store.addDevice('d1', { online: true, behaviour: timing });
    at(50);
    const sent = {
      commandId: 's',
      state: 'SENT' as const,
      payload: 0,
      createdAt: T0,
      ttlMs: DAY,
      sentAt: T0 + 10,
    };
    expect(okOf(store.seed('d1', sent)).command).toMatchObject({
      state: 'SENT',
      sentAt: T0 + 10,
      issuedTimes: 1,
    });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    expect(stateOf('cmd-1')).toBe('PENDING');
    at(DAY);
    expect(historyOf('s')).toEqual([
      [null, 'SENT', 50],
      ['SENT', 'DELIVERED', 110],
      ['DELIVERED', 'SUCCEEDED', 310],
    ]);
    expect(store.get('cmd-1')?.sentAt).toBe(T0 + 310);
  });

  it('an in-flight seed whose steps lie in the past takes them now; a silent device times it out', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1', { online: true, behaviour: timing });
    store.addDevice('d2', { online: true, behaviour: { silent: true } });
    at(1000);
    const old = { state: 'SENT' as const, payload: 0, createdAt: T0, ttlMs: DAY, sentAt: T0 };
    okOf(store.seed('d1', { ...old, commandId: 'a' }));
    expect(historyOf('a').map((h) => h[1])).toEqual(['SENT', 'DELIVERED']);
    expect(store.get('a')?.deliveredAt).toBe(T0 + 1000);
    okOf(store.seed('d2', { ...old, commandId: 'b', state: 'DELIVERED', timeoutMs: 5000 }));
    at(4999);
    expect(store.get('b')?.state).toBe('DELIVERED');
    at(5000);
    expect(store.get('b')).toMatchObject({ state: 'TIMED_OUT', finishedAt: T0 + 5000 });
  });

  it('terminal seeds are only stored: no queue place, no slot, not cancellable', () => {
    const { store, journal } = setup({ pendingCap: 1 });
    store.addDevice('d1', { online: true });
    const done = {
      commandId: 'done',
      state: 'SUCCEEDED' as const,
      payload: { m: 1 },
      createdAt: T0 - 1000,
      ttlMs: DAY,
      sentAt: T0 - 900,
      result: { out: 1 },
    };
    expect(okOf(store.seed('d1', done)).command).toMatchObject({
      state: 'SUCCEEDED',
      finishedAt: T0 - 900,
      respondedAt: T0 - 900,
      issuedTimes: 1,
      result: { out: 1 },
    });
    okOf(store.seed('d1', { ...done, commandId: 'gone', state: 'CANCELED', sentAt: null }));
    expect(store.get('gone')).toMatchObject({ state: 'CANCELED', issuedTimes: 0, finishedAt: T0 - 1000 });
    expect(store.cancel('done')).toMatchObject({ reason: 'not-pending', state: 'SUCCEEDED' });
    expect(store.getDevice('d1')).toMatchObject({ pending: 0, inFlight: null, commands: 2 });
    expect(store.stats().byState).toMatchObject({ SUCCEEDED: 1, CANCELED: 1 });
    expect(journal.map((c) => [c.commandId, c.from, c.to, c.at - T0])).toEqual([
      ['done', null, 'SUCCEEDED', 0],
      ['gone', null, 'CANCELED', 0],
    ]);
    expect(okOf(store.create('d1', { payload: 0, ttlMs: DAY })).command.state).toBe('SENT');
  });
});

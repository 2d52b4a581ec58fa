import { describe, expect, it } from 'vitest';
import { deviceSeed, mulberry32 } from './rng.ts';
import { okOf, setup, T0 } from './test-support.ts';

const DAY = 86_400_000;
const timing = { ackDelayMs: 100, responseDelayMs: 200 };

describe('delivery: one command', () => {
  it('goes SENT at once, DELIVERED after ackDelayMs, SUCCEEDED after responseDelayMs more', () => {
    const { store, at, stateOf, historyOf } = setup();
    store.addDevice('d1', { online: true, behaviour: { ...timing, result: { out: 42 } } });
    at(1);
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    at(100);
    expect(stateOf('cmd-1')).toBe('SENT');
    at(101);
    expect(stateOf('cmd-1')).toBe('DELIVERED');
    at(300);
    expect(stateOf('cmd-1')).toBe('DELIVERED');
    at(301);
    expect(store.get('cmd-1')).toMatchObject({
      state: 'SUCCEEDED',
      sentAt: T0 + 1,
      deliveredAt: T0 + 101,
      respondedAt: T0 + 301,
      finishedAt: T0 + 301,
      issuedTimes: 1,
      result: { out: 42 },
    });
    expect(historyOf('cmd-1')).toEqual([
      [null, 'PENDING', 1],
      ['PENDING', 'SENT', 1],
      ['SENT', 'DELIVERED', 101],
      ['DELIVERED', 'SUCCEEDED', 301],
    ]);
    expect(store.getDevice('d1')?.inFlight).toBeNull();
  });

  it('zero delays complete within the call that sent the command', () => {
    const { store } = setup();
    store.addDevice('d1', { online: true, behaviour: { ackDelayMs: 0, responseDelayMs: 0 } });
    expect(okOf(store.create('d1', { payload: 0, ttlMs: DAY })).command).toMatchObject({
      state: 'SUCCEEDED',
      sentAt: T0,
      finishedAt: T0,
    });
  });
});

describe('delivery: the queue', () => {
  it('holds commands while offline and sends them one at a time, in order, once online', () => {
    const { store, at, journal } = setup();
    store.addDevice('d1', { behaviour: timing });
    for (let i = 0; i < 3; i++) okOf(store.create('d1', { payload: i, ttlMs: DAY }));
    at(1000);
    expect(store.list('d1').map((c) => c.state)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    store.setOnline('d1', true);
    expect(store.list('d1').map((c) => c.state)).toEqual(['SENT', 'PENDING', 'PENDING']);
    at(10_000);
    expect(store.list('d1').map((c) => [c.sentAt! - T0, c.deliveredAt! - T0, c.finishedAt! - T0])).toEqual([
      [1000, 1100, 1300],
      [1300, 1400, 1600],
      [1600, 1700, 1900],
    ]);
    // never two in flight: replay the journal
    let inFlight = 0;
    for (const c of journal) {
      if (c.to === 'SENT') inFlight++;
      if (c.from === 'SENT' || c.from === 'DELIVERED') if (c.to !== 'DELIVERED') inFlight--;
      expect(inFlight).toBeLessThanOrEqual(1);
    }
    expect(inFlight).toBe(0);
  });

  it('queues a new command behind one in flight and sends it when that one finishes', () => {
    const { store, at, stateOf } = setup();
    store.addDevice('d1', { online: true, behaviour: timing });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    at(50);
    okOf(store.create('d1', { payload: 1, ttlMs: DAY }));
    expect(stateOf('cmd-2')).toBe('PENDING');
    at(300);
    expect([stateOf('cmd-1'), stateOf('cmd-2'), store.get('cmd-2')?.sentAt]).toEqual([
      'SUCCEEDED',
      'SENT',
      T0 + 300,
    ]);
  });

  it('a head whose deadline falls at the instant the device frees up expires; the next one goes', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1', { online: true, behaviour: timing });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY })); // finishes at 300
    okOf(store.create('d1', { payload: 1, ttlMs: 300 })); // deadline 300
    okOf(store.create('d1', { payload: 2, ttlMs: 301 })); // deadline 301
    at(1000);
    expect(historyOf('cmd-2').at(-1)).toEqual(['PENDING', 'EXPIRED', 300]);
    expect(historyOf('cmd-3')).toEqual([
      [null, 'PENDING', 0],
      ['PENDING', 'SENT', 300],
      ['SENT', 'DELIVERED', 400],
      ['DELIVERED', 'SUCCEEDED', 600],
    ]);
  });

  it('going online sends at that very instant, after expiring what is due', () => {
    const { store, at, stateOf } = setup();
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 0, ttlMs: 500 }));
    okOf(store.create('d1', { payload: 1, ttlMs: 900 }));
    at(500);
    store.setOnline('d1', true);
    expect([stateOf('cmd-1'), stateOf('cmd-2'), store.get('cmd-2')?.sentAt]).toEqual([
      'EXPIRED',
      'SENT',
      T0 + 500,
    ]);
  });
});

describe('delivery: failures and timeouts', () => {
  it('failureRatio 0 always succeeds, 1 always fails with the failure result', () => {
    const { store, at } = setup();
    store.addDevice('ok', { online: true, behaviour: { ...timing, failureRatio: 0 } });
    store.addDevice('bad', { online: true, behaviour: { ...timing, failureRatio: 1, failureResult: 'E42' } });
    for (let i = 0; i < 10; i++) {
      okOf(store.create('ok', { payload: i, ttlMs: DAY }));
      okOf(store.create('bad', { payload: i, ttlMs: DAY }));
    }
    at(DAY);
    expect(new Set(store.list('ok').map((c) => c.state))).toEqual(new Set(['SUCCEEDED']));
    expect(new Set(store.list('bad').map((c) => `${c.state}:${c.result}`))).toEqual(new Set(['FAILED:E42']));
    expect(store.list('bad')[0]?.respondedAt).toBe(T0 + 300);
  });

  it('draws outcomes from the seeded per-device RNG: reproducible, and different under another seed', () => {
    const outcomes = (seed: number) => {
      const { store, at } = setup({ seed, pendingCap: 200 });
      store.addDevice('d1', { online: true, behaviour: { ...timing, failureRatio: 0.3 } });
      store.addDevice('d2', { online: true, behaviour: { ...timing, failureRatio: 0.3 } });
      for (let i = 0; i < 150; i++) {
        okOf(store.create('d1', { payload: i, ttlMs: DAY }));
        if (i % 3 === 0) okOf(store.create('d2', { payload: i, ttlMs: DAY })); // interleaved traffic on d2
      }
      at(DAY);
      return store.list('d1').map((c) => c.state);
    };
    const a = outcomes(7);
    expect(outcomes(7)).toEqual(a);
    expect(outcomes(8)).not.toEqual(a);
    // the i-th response of a device fails iff the i-th draw of mulberry32(deviceSeed(seed, key)) < failureRatio
    const draw = mulberry32(deviceSeed(7, 'd1'));
    expect(a).toEqual(a.map(() => (draw() < 0.3 ? 'FAILED' : 'SUCCEEDED')));
    const failed = a.filter((s) => s === 'FAILED').length;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(80);
  });

  it('a silent device never acknowledges: TIMED_OUT from SENT at sentAt + timeoutMs, then the next goes', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1', { online: true, behaviour: { ...timing, silent: true } });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY, timeoutMs: 5000 }));
    okOf(store.create('d1', { payload: 1, ttlMs: DAY, timeoutMs: 1000 }));
    at(4999);
    expect(store.get('cmd-1')?.state).toBe('SENT');
    at(5000);
    expect(store.get('cmd-1')).toMatchObject({
      state: 'TIMED_OUT',
      finishedAt: T0 + 5000,
      deliveredAt: null,
    });
    expect(store.get('cmd-1')?.respondedAt).toBeNull();
    expect(store.get('cmd-2')?.sentAt).toBe(T0 + 5000);
    at(6000);
    expect(historyOf('cmd-2').map((h) => [h[1], h[2]])).toEqual([
      ['PENDING', 0],
      ['SENT', 5000],
      ['TIMED_OUT', 6000],
    ]);
  });

  it('a response due exactly at the deadline times out; one a millisecond earlier counts', () => {
    const run = (responseDelayMs: number) => {
      const { store, at } = setup();
      store.addDevice('d1', { online: true, behaviour: { ackDelayMs: 100, responseDelayMs } });
      okOf(store.create('d1', { payload: 0, ttlMs: DAY, timeoutMs: 1000 }));
      at(DAY);
      return store.get('cmd-1')!;
    };
    expect(run(900)).toMatchObject({ state: 'TIMED_OUT', finishedAt: T0 + 1000, deliveredAt: T0 + 100 });
    expect(run(899)).toMatchObject({ state: 'SUCCEEDED', finishedAt: T0 + 999 });
  });

  it('an acknowledgement not before the deadline times out from SENT', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1', { online: true, behaviour: { ackDelayMs: 2000, responseDelayMs: 0 } });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY, timeoutMs: 2000 }));
    at(DAY);
    expect(historyOf('cmd-1').at(-1)).toEqual(['SENT', 'TIMED_OUT', 2000]);
  });

  it('a device going offline after SENT stops answering: TIMED_OUT, and its queue waits for it', () => {
    const { store, at, stateOf } = setup();
    store.addDevice('d1', { online: true, behaviour: timing });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY, timeoutMs: 1000 }));
    okOf(store.create('d1', { payload: 1, ttlMs: DAY }));
    at(50);
    store.setOnline('d1', false);
    at(999);
    expect(stateOf('cmd-1')).toBe('SENT');
    at(1000);
    expect([stateOf('cmd-1'), stateOf('cmd-2')]).toEqual(['TIMED_OUT', 'PENDING']);
    at(2000);
    store.setOnline('d1', true);
    expect(store.get('cmd-2')?.sentAt).toBe(T0 + 2000);
  });

  it('behaviour is read at each step: turning silent after delivery leads to a timeout', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1', { online: true, behaviour: timing });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY, timeoutMs: 1000 }));
    at(150);
    store.setBehaviour('d1', { silent: true });
    at(DAY);
    expect(historyOf('cmd-1').map((h) => [h[1], h[2]])).toEqual([
      ['PENDING', 0],
      ['SENT', 0],
      ['DELIVERED', 100],
      ['TIMED_OUT', 1000],
    ]);
  });
});

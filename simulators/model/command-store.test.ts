import { describe, expect, it } from 'vitest';
import { perVendor } from '../../vendors/index.ts';
import { assertTransition } from './command.ts';
import { okOf, setup, T0 } from './test-support.ts';

const DAY = 86_400_000;

describe('command store: devices', () => {
  it('adds devices offline with the default behaviour and refuses duplicates and unknown keys', () => {
    const { store } = setup({ defaultBehaviour: { ackDelayMs: 7 } });
    const d = okOf(store.addDevice('d1')).device;
    expect(d).toMatchObject({ deviceKey: 'd1', online: false, pending: 0, inFlight: null, commands: 0 });
    expect(d.behaviour).toMatchObject({
      ackDelayMs: 7,
      responseDelayMs: 1000,
      failureRatio: 0,
      silent: false,
    });
    expect(store.addDevice('d1')).toEqual({ ok: false, reason: 'duplicate-device', deviceKey: 'd1' });
    expect(store.setOnline('nope', true)).toEqual({ ok: false, reason: 'unknown-device', deviceKey: 'nope' });
    expect(store.setBehaviour('nope', {})).toEqual({
      ok: false,
      reason: 'unknown-device',
      deviceKey: 'nope',
    });
    expect(store.create('nope', { payload: 1, ttlMs: 1000 })).toEqual({
      ok: false,
      reason: 'unknown-device',
      deviceKey: 'nope',
    });
    expect(store.cancelAll('nope')).toEqual({ ok: false, reason: 'unknown-device', deviceKey: 'nope' });
    expect(store.getDevice('nope')).toBeUndefined();
    expect(store.list('nope')).toEqual([]);
  });

  it('merges behaviour changes and validates them', () => {
    const { store } = setup();
    store.addDevice('d1', { online: true, behaviour: { failureRatio: 0.25 } });
    const d = okOf(store.setBehaviour('d1', { silent: true })).device;
    expect(d.behaviour).toMatchObject({ failureRatio: 0.25, silent: true });
    expect(() => store.setBehaviour('d1', { failureRatio: 2 })).toThrow();
    expect(store.listDevices().map((x) => x.deviceKey)).toEqual(['d1']);
  });
});

describe('command store: create', () => {
  it('records a PENDING command with its deadlines and the vendor payload untouched', () => {
    const { store, at } = setup();
    store.addDevice('d1');
    at(5);
    const payload = { serviceId: 's', method: 'm', paras: { a: 1 } };
    const c = okOf(store.create('d1', { payload, ttlMs: 60_000 })).command;
    expect(c).toEqual({
      commandId: 'cmd-1',
      deviceKey: 'd1',
      seq: 0,
      state: 'PENDING',
      payload,
      createdAt: T0 + 5,
      ttlMs: 60_000,
      expiresAt: T0 + 60_005,
      timeoutMs: 30_000,
      sentAt: null,
      deliveredAt: null,
      respondedAt: null,
      finishedAt: null,
      issuedTimes: 0,
      result: null,
    });
    expect(store.get('cmd-1')?.payload).toBe(payload);
    expect(okOf(store.create('d1', { payload: null, ttlMs: 1, timeoutMs: 5_000 })).command).toMatchObject({
      commandId: 'cmd-2',
      seq: 1,
      timeoutMs: 5_000,
    });
  });

  it('generates ids from a counter with a prefix, skipping explicit ids already taken, and refuses duplicates', () => {
    const { store } = setup({ idPrefix: 'x' });
    store.addDevice('d1');
    expect(okOf(store.create('d1', { commandId: 'x2', payload: 0, ttlMs: DAY })).command.commandId).toBe(
      'x2',
    );
    expect(okOf(store.create('d1', { payload: 0, ttlMs: DAY })).command.commandId).toBe('x1');
    expect(okOf(store.create('d1', { payload: 0, ttlMs: DAY })).command.commandId).toBe('x3');
    expect(store.create('d1', { commandId: 'x1', payload: 0, ttlMs: DAY })).toEqual({
      ok: false,
      reason: 'duplicate-id',
      commandId: 'x1',
    });
    expect(store.stats().commands).toBe(3);
  });

  it('throws on inputs no vendor layer may pass', () => {
    const { store } = setup();
    store.addDevice('d1');
    expect(() => store.create('d1', { payload: 0, ttlMs: -1 })).toThrow(RangeError);
    expect(() => store.create('d1', { payload: 0, ttlMs: 1.5 })).toThrow(RangeError);
    expect(() => store.create('d1', { payload: 0, ttlMs: 1, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => store.create('d1', { commandId: '', payload: 0, ttlMs: 1 })).toThrow(RangeError);
  });
});

describe('command store: pending cap', () => {
  it('refuses the command over the cap, per device, and frees a place when one leaves the queue', () => {
    const { store } = setup({ pendingCap: 3 });
    store.addDevice('d1');
    store.addDevice('d2');
    for (let i = 0; i < 3; i++) okOf(store.create('d1', { payload: i, ttlMs: DAY }));
    expect(store.create('d1', { payload: 3, ttlMs: DAY })).toEqual({
      ok: false,
      reason: 'cap-reached',
      deviceKey: 'd1',
      cap: 3,
    });
    okOf(store.create('d2', { payload: 0, ttlMs: DAY }));
    okOf(store.cancel('cmd-2'));
    okOf(store.create('d1', { payload: 4, ttlMs: DAY }));
    expect(store.create('d1', { payload: 5, ttlMs: DAY }).ok).toBe(false);
    expect(store.getDevice('d1')?.pending).toBe(3);
  });

  it('applies the vendor caps (EnOS 50, OceanConnect and IoTDA 20)', () => {
    const caps = perVendor((v) => v.pendingCap);
    expect(caps).toEqual({ enos: 50, oceanconnect: 20, iotda: 20 });
    for (const cap of Object.values(caps)) {
      const { store } = setup({ pendingCap: cap });
      store.addDevice('d');
      for (let i = 0; i < cap; i++) okOf(store.create('d', { payload: i, ttlMs: DAY }));
      const refused = store.create('d', { payload: cap, ttlMs: DAY });
      expect(refused).toMatchObject({ ok: false, reason: 'cap-reached', cap });
    }
  });

  it('does not count commands in flight or finished, nor immediate ones', () => {
    const { store } = setup({ pendingCap: 1 });
    store.addDevice('d1', { online: true });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY })); // sent at once
    okOf(store.create('d1', { payload: 1, ttlMs: DAY })); // pending behind it
    expect(store.create('d1', { payload: 2, ttlMs: DAY })).toMatchObject({ reason: 'cap-reached' });
  });
});

describe('command store: expiry', () => {
  it('expires a pending command exactly at createdAt + ttl, not a millisecond earlier', () => {
    const { store, at, stateOf, historyOf } = setup();
    store.addDevice('d1');
    at(100);
    okOf(store.create('d1', { payload: 0, ttlMs: 1000 }));
    at(1099);
    expect(stateOf('cmd-1')).toBe('PENDING');
    at(1100);
    expect(stateOf('cmd-1')).toBe('EXPIRED');
    expect(store.get('cmd-1')?.finishedAt).toBe(T0 + 1100);
    expect(historyOf('cmd-1')).toEqual([
      [null, 'PENDING', 100],
      ['PENDING', 'EXPIRED', 1100],
    ]);
    expect(store.getDevice('d1')?.pending).toBe(0);
  });

  it('stamps each expiry at its own instant when settled lazily much later', () => {
    const { store, at } = setup();
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 0, ttlMs: 300 }));
    at(10);
    okOf(store.create('d1', { payload: 1, ttlMs: 100 }));
    at(DAY);
    expect(store.list('d1').map((c) => [c.state, c.finishedAt! - T0])).toEqual([
      ['EXPIRED', 300],
      ['EXPIRED', 110],
    ]);
  });

  it('a cancel at the very instant of expiry is refused: the command already expired', () => {
    const { store, at } = setup();
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 0, ttlMs: 500 }));
    at(500);
    expect(store.cancel('cmd-1')).toEqual({
      ok: false,
      reason: 'not-pending',
      commandId: 'cmd-1',
      state: 'EXPIRED',
    });
  });

  it('a command cancelled before its deadline never expires', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 0, ttlMs: 500 }));
    expect(store.stats().scheduled).toBe(1);
    okOf(store.cancel('cmd-1'));
    expect(store.stats().scheduled).toBe(0);
    at(10_000);
    expect(historyOf('cmd-1').map((h) => h[1])).toEqual(['PENDING', 'CANCELED']);
  });
});

describe('command store: ttl 0 and sendImmediately', () => {
  it('ttl 0 to an offline device is refused device-offline and leaves no record', () => {
    const { store, journal } = setup();
    store.addDevice('d1');
    expect(store.create('d1', { payload: 0, ttlMs: 0 })).toEqual({
      ok: false,
      reason: 'device-offline',
      deviceKey: 'd1',
    });
    expect(store.stats().commands).toBe(0);
    expect(journal).toEqual([]);
  });

  it('ttl 0 to an idle online device is sent at once', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1', { online: true });
    at(7);
    const c = okOf(store.create('d1', { payload: 0, ttlMs: 0 })).command;
    expect(c).toMatchObject({ state: 'SENT', sentAt: T0 + 7, issuedTimes: 1 });
    expect(historyOf(c.commandId)).toEqual([
      [null, 'PENDING', 7],
      ['PENDING', 'SENT', 7],
    ]);
  });

  it('an immediate command to a busy device is refused device-busy, naming the command in flight', () => {
    const { store } = setup();
    store.addDevice('d1', { online: true });
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    expect(store.create('d1', { payload: 1, ttlMs: DAY, sendImmediately: true })).toEqual({
      ok: false,
      reason: 'device-busy',
      deviceKey: 'd1',
      inFlight: 'cmd-1',
    });
    expect(store.create('d1', { payload: 1, ttlMs: 0 })).toMatchObject({ reason: 'device-busy' });
  });

  it('sendImmediately with a ttl still refuses an offline device', () => {
    const { store } = setup();
    store.addDevice('d1');
    expect(store.create('d1', { payload: 0, ttlMs: 5000, sendImmediately: true })).toMatchObject({
      reason: 'device-offline',
    });
  });

  it('ttl 0 with sendImmediately false is created and expires at the same instant', () => {
    const { store, at, historyOf } = setup();
    store.addDevice('d1');
    store.addDevice('d2', { online: true });
    at(3);
    expect(okOf(store.create('d1', { payload: 0, ttlMs: 0, sendImmediately: false })).command.state).toBe(
      'EXPIRED',
    );
    expect(okOf(store.create('d2', { payload: 0, ttlMs: 0, sendImmediately: false })).command.state).toBe(
      'EXPIRED',
    );
    expect(historyOf('cmd-2')).toEqual([
      [null, 'PENDING', 3],
      ['PENDING', 'EXPIRED', 3],
    ]);
  });
});

describe('command store: cancel', () => {
  it('cancels a PENDING command, answering the snapshots before and after', () => {
    const { store, at } = setup();
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 'p', ttlMs: DAY }));
    at(40);
    const r = okOf(store.cancel('cmd-1'));
    expect(r.before).toMatchObject({ commandId: 'cmd-1', state: 'PENDING', finishedAt: null, payload: 'p' });
    expect(r.after).toMatchObject({ commandId: 'cmd-1', state: 'CANCELED', finishedAt: T0 + 40 });
    expect(store.get('cmd-1')).toEqual(r.after);
  });

  it('refuses an unknown id and every state but PENDING, naming the state', () => {
    const { store, at, stateOf } = setup({ defaultBehaviour: { ackDelayMs: 10, responseDelayMs: 10 } });
    expect(store.cancel('nope')).toEqual({ ok: false, reason: 'not-found', commandId: 'nope' });
    store.addDevice('d1', { online: true });
    store.addDevice('d2');
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.create('d2', { payload: 0, ttlMs: 5 }));
    okOf(store.create('d2', { payload: 0, ttlMs: DAY }));
    okOf(store.cancel('cmd-3'));
    const refusalAt = (id: string) => store.cancel(id);
    expect(refusalAt('cmd-1')).toEqual({
      ok: false,
      reason: 'not-pending',
      commandId: 'cmd-1',
      state: 'SENT',
    });
    expect(refusalAt('cmd-3')).toMatchObject({ reason: 'not-pending', state: 'CANCELED' });
    at(10);
    expect(refusalAt('cmd-1')).toMatchObject({ reason: 'not-pending', state: 'DELIVERED' });
    expect(refusalAt('cmd-2')).toMatchObject({ reason: 'not-pending', state: 'EXPIRED' });
    at(20);
    expect(refusalAt('cmd-1')).toMatchObject({ reason: 'not-pending', state: 'SUCCEEDED' });
    expect(stateOf('cmd-1')).toBe('SUCCEEDED');
  });
});

describe('command store: cancelAll', () => {
  it('cancels exactly the PENDING commands in queue order, with before and after snapshots', () => {
    const { store, at } = setup();
    store.addDevice('d1', { online: true, behaviour: { silent: true } });
    store.addDevice('d2');
    okOf(store.create('d1', { commandId: 'z', payload: 0, ttlMs: DAY })); // in flight
    for (const id of ['m', 'a', 'q', 'b'])
      okOf(store.create('d1', { commandId: id, payload: id, ttlMs: DAY }));
    okOf(store.create('d2', { commandId: 'other', payload: 0, ttlMs: DAY }));
    okOf(store.cancel('q'));
    at(50);
    const r = okOf(store.cancelAll('d1'));
    expect(r.before.map((c) => [c.commandId, c.state, c.finishedAt])).toEqual([
      ['m', 'PENDING', null],
      ['a', 'PENDING', null],
      ['b', 'PENDING', null],
    ]);
    expect(r.after.map((c) => [c.commandId, c.state, c.finishedAt])).toEqual([
      ['m', 'CANCELED', T0 + 50],
      ['a', 'CANCELED', T0 + 50],
      ['b', 'CANCELED', T0 + 50],
    ]);
    expect(store.get('z')?.state).toBe('SENT');
    expect(store.get('other')?.state).toBe('PENDING');
    expect(store.list('d1', { states: ['PENDING'] })).toEqual([]);
    expect(store.getDevice('d1')?.pending).toBe(0);
    expect(okOf(store.cancelAll('d1'))).toEqual({ ok: true, before: [], after: [] });
  });

  it('leaves the device usable: new commands queue and are delivered afterwards', () => {
    const { store, stateOf } = setup({ pendingCap: 2 });
    store.addDevice('d1');
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.cancelAll('d1'));
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    store.setOnline('d1', true);
    expect([stateOf('cmd-3'), stateOf('cmd-4')]).toEqual(['SENT', 'PENDING']);
  });
});

describe('command store: listing', () => {
  const seeded = () => {
    const s = setup();
    s.store.addDevice('d1');
    s.store.addDevice('d2');
    for (let i = 0; i < 5; i++) {
      s.at(i * 10);
      okOf(s.store.create(i % 2 ? 'd2' : 'd1', { payload: i, ttlMs: DAY }));
    }
    okOf(s.store.cancel('cmd-3'));
    return s;
  };

  it('lists one device by creation order, filtered by state, either way', () => {
    const { store } = seeded();
    expect(store.list('d1').map((c) => c.commandId)).toEqual(['cmd-1', 'cmd-3', 'cmd-5']);
    expect(store.list('d1', { states: ['PENDING'] }).map((c) => c.commandId)).toEqual(['cmd-1', 'cmd-5']);
    expect(store.list('d1', { order: 'desc' }).map((c) => c.commandId)).toEqual(['cmd-5', 'cmd-3', 'cmd-1']);
  });

  it('pages through every command with total and nextOffset', () => {
    const { store } = seeded();
    const p1 = store.listAll({ limit: 2 });
    expect([p1.items.map((c) => c.commandId), p1.total, p1.nextOffset]).toEqual([['cmd-1', 'cmd-2'], 5, 2]);
    const p3 = store.listAll({ limit: 2, offset: 4 });
    expect([p3.items.map((c) => c.commandId), p3.total, p3.nextOffset]).toEqual([['cmd-5'], 5, null]);
    const desc = store.listAll({ order: 'desc', states: ['PENDING'], limit: 3 });
    expect([desc.items.map((c) => c.commandId), desc.total, desc.nextOffset]).toEqual([
      ['cmd-5', 'cmd-4', 'cmd-2'],
      4,
      3,
    ]);
    const window = store.listAll({ createdFrom: T0 + 10, createdTo: T0 + 30, deviceKey: 'd2' });
    expect(window.items.map((c) => c.commandId)).toEqual(['cmd-2', 'cmd-4']);
    expect(store.listAll({ offset: 99 })).toEqual({ items: [], total: 5, nextOffset: null });
  });

  it('hands out copies: changing one does not change the store', () => {
    const { store } = seeded();
    const c = store.get('cmd-1')!;
    c.state = 'SUCCEEDED';
    expect(store.get('cmd-1')?.state).toBe('PENDING');
  });
});

describe('command store: journal, stats, reset', () => {
  it('reports every change to listeners until they unsubscribe', () => {
    const { store } = setup();
    store.addDevice('d1');
    const seen: string[] = [];
    const off = store.onChange((c) => seen.push(`${c.commandId}:${c.from}->${c.to}`));
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.cancel('cmd-1'));
    off();
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    expect(seen).toEqual(['cmd-1:null->PENDING', 'cmd-1:PENDING->CANCELED']);
  });

  it('counts commands by state and resets to empty, restarting ids', () => {
    const { store, at } = setup();
    store.addDevice('d1', { online: true, behaviour: { silent: true } });
    store.addDevice('d2');
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.create('d1', { payload: 0, ttlMs: DAY }));
    okOf(store.create('d2', { payload: 0, ttlMs: 10 }));
    at(10);
    const s = store.stats();
    expect(s).toMatchObject({
      now: T0 + 10,
      devices: 2,
      onlineDevices: 1,
      commands: 3,
      inFlight: 1,
      scheduled: 2,
    });
    expect(s.byState).toMatchObject({ SENT: 1, PENDING: 1, EXPIRED: 1, CANCELED: 0 });
    store.reset();
    expect(store.stats()).toMatchObject({
      devices: 0,
      commands: 0,
      inFlight: 0,
      scheduled: 0,
      onlineDevices: 0,
    });
    store.addDevice('d1');
    expect(okOf(store.create('d1', { payload: 0, ttlMs: DAY })).command.commandId).toBe('cmd-1');
  });

  it('an impossible transition is a thrown bug', () => {
    expect(() => assertTransition('c', 'SUCCEEDED', 'SENT', 0)).toThrow(/cannot go from SUCCEEDED to SENT/);
    expect(() => assertTransition('c', 'SENT', 'CANCELED', 0)).toThrow();
    expect(() => assertTransition('c', 'PENDING', 'SENT', 0)).not.toThrow();
  });
});

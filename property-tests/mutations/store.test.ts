// The deliberate faults of the engine (a store subclass, the throttle's switch): off by default, and each does what the mutation check expects of it.
import { describe, expect, it } from 'vitest';
import { setup as storeSetup, T0 } from '../../simulators/model/test-support.ts';
import { Throttle } from '../../simulators/model/throttle.ts';
import { MUTATIONS } from './faults.ts';
import { STORE_MUTATIONS, storesWith } from './store.ts';
import { MutantThrottle, THROTTLE_MUTATIONS } from './throttle.ts';

/** The model's test set-up with a store carrying the named faults (none: a plain CommandStore). */
const setup = (faults: { mutations?: string[] } = {}) => storeSetup({}, storesWith(faults.mutations ?? []));

const online = { online: true, behaviour: { ackDelayMs: 100, responseDelayMs: 100 } };

describe('mutation switches of the engine (property-tests mutation check)', () => {
  it('names only faults the simulator config declares', () => {
    for (const name of [...STORE_MUTATIONS, ...THROTTLE_MUTATIONS])
      expect(MUTATIONS as readonly string[]).toContain(name);
  });

  it('are all off by default: a SENT command cannot be cancelled, expiry is at the TTL, cancel-all takes all', () => {
    const { store, at, stateOf } = setup();
    store.addDevice('on', online);
    store.addDevice('off');
    const sent = store.create('on', { payload: null, ttlMs: 5000 });
    expect(sent.ok && store.cancel(sent.command.commandId)).toMatchObject({
      ok: false,
      reason: 'not-pending',
    });
    store.create('off', { payload: null, ttlMs: 1000, commandId: 'a' });
    store.create('off', { payload: null, ttlMs: 9000, commandId: 'b' });
    at(1000);
    expect(stateOf('a')).toBe('EXPIRED');
    const all = store.cancelAll('off');
    expect(all.ok && all.before.map((c) => c.commandId)).toEqual(['b']);
  });

  it('cancel-takes-sent: cancel and cancel-all take the command in flight and send the next one', () => {
    const { store, stateOf } = setup({ mutations: ['cancel-takes-sent'] });
    store.addDevice('on', online);
    store.create('on', { payload: null, ttlMs: 5000, commandId: 'a' });
    store.create('on', { payload: null, ttlMs: 5000, commandId: 'b' });
    expect(store.cancel('a')).toMatchObject({ ok: true, after: { state: 'CANCELED' } });
    expect(stateOf('b')).toBe('SENT');
    const all = store.cancelAll('on');
    expect(all.ok && all.after.map((c) => [c.commandId, c.state])).toEqual([['b', 'CANCELED']]);
    expect(store.getDevice('on')?.inFlight).toBeNull();
  });

  it('expiry-one-second-late: a pending command expires one second after its TTL', () => {
    const { store, at, stateOf, historyOf } = setup({ mutations: ['expiry-one-second-late'] });
    store.addDevice('off');
    store.create('off', { payload: null, ttlMs: 2000, commandId: 'a' });
    at(2000);
    expect(stateOf('a')).toBe('PENDING');
    at(3000);
    expect(historyOf('a').at(-1)).toEqual(['PENDING', 'EXPIRED', 3000]);
  });

  it('cancel-all-skips-last: the newest pending command stays pending', () => {
    const { store, stateOf } = setup({ mutations: ['cancel-all-skips-last'] });
    store.addDevice('off');
    for (const id of ['a', 'b', 'c']) store.create('off', { payload: null, ttlMs: 9000, commandId: id });
    const all = store.cancelAll('off');
    expect(all.ok && all.before.map((c) => c.commandId)).toEqual(['a', 'b']);
    expect(stateOf('c')).toBe('PENDING');
  });

  it('throttle-off-by-one: a fixed window admits limit + 1 calls, and keeps the fault across configure()', () => {
    const count = (t: Throttle) =>
      Array.from({ length: 5 }, () => t.check('app', T0)).filter((d) => d.allowed).length;
    expect(count(new Throttle({ limit: 3, windowMs: 1000 }))).toBe(3);
    const faulty = new MutantThrottle({ limit: 3, windowMs: 1000 }, ['throttle-off-by-one']);
    expect(count(faulty)).toBe(4);
    faulty.configure({ limit: 2, windowMs: 1000 });
    expect(count(faulty)).toBe(3);
    expect(faulty.mutations).toEqual(['throttle-off-by-one']);
  });
});

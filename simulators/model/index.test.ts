import { describe, expect, it } from 'vitest';
import { vendorOf } from '../../vendors/index.ts';
import * as model from './index.ts';

describe('model index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'SimClock',
      'Scheduler',
      'Throttle',
      'predictAllowed',
      'CommandStore',
      'DeviceBehaviour',
      'CommandView',
      'StoreRefusal',
      'measureMemoryPerCommand',
      'mulberry32',
      'SeedCommandInput',
      'pageOf',
    ])
      expect(model).toHaveProperty(name);
  });

  it('wires clock, store and throttle together', () => {
    const clock = new model.SimClock({ startEpochMs: 0, frozen: true });
    const store = new model.CommandStore(clock, { pendingCap: vendorOf('enos').pendingCap });
    const throttle = new model.Throttle();
    store.addDevice('d', { online: true, behaviour: { ackDelayMs: 1, responseDelayMs: 1 } });
    expect(throttle.check('app', clock.now()).allowed).toBe(true);
    const created = store.create('d', { payload: { serviceId: 's' }, ttlMs: 1000 });
    expect(created.ok && created.command.state).toBe('SENT');
    clock.advance(2);
    expect(model.CommandView.parse(store.get('cmd-1')).state).toBe('SUCCEEDED');
  });
});

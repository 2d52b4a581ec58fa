// The lifecycle model on hand-written scenarios: expiry on the dot, queue order, ack, response, timeout, caps, cancels.
import { describe, expect, it } from 'vitest';
import { LifecycleModel } from './lifecycle.ts';

const T0 = Date.UTC(2026, 0, 1);
const cached = (ttlMs: number, timeoutMs = 30_000) => ({ ttlMs, timeoutMs, immediately: false });

const make = (cap = 3) => new LifecycleModel({ now: T0, cap, defaultTimeoutMs: 30_000, devices: ['a', 'b'] });
const stateOf = (m: LifecycleModel, id: string) => m.get(id)?.state;

describe('lifecycle model', () => {
  it('expires a cached command exactly at createdAt + TTL, not a millisecond before', () => {
    const m = make();
    m.create('a', cached(5000), 'c1');
    m.advance(4999);
    expect(stateOf(m, 'c1')).toBe('PENDING');
    m.advance(1);
    expect(m.get('c1')).toMatchObject({ state: 'EXPIRED', finishedAt: T0 + 5000 });
  });

  it('sends at once to an online idle device, then acknowledges and answers after the device delays', () => {
    const m = make();
    m.setOnline('a', true);
    m.create('a', cached(60_000), 'c1');
    expect(m.get('c1')).toMatchObject({ state: 'SENT', sentAt: T0 });
    expect(m.nextEventAt()).toBe(T0 + 500);
    m.advance(500);
    expect(m.get('c1')).toMatchObject({ state: 'DELIVERED', deliveredAt: T0 + 500 });
    m.advance(1000);
    expect(m.get('c1')).toMatchObject({ state: 'SUCCEEDED', respondedAt: T0 + 1500, finishedAt: T0 + 1500 });
    expect(m.device('a').inFlight).toBeNull();
  });

  it('drains a queue one at a time in creation order, the next sent at the instant the previous ends', () => {
    const m = make();
    for (const id of ['c1', 'c2', 'c3']) m.create('a', cached(60_000), id);
    m.setOnline('a', true);
    expect(m.commands.map((c) => c.state)).toEqual(['SENT', 'PENDING', 'PENDING']);
    m.advance(1500);
    expect(m.commands.map((c) => c.state)).toEqual(['SUCCEEDED', 'SENT', 'PENDING']);
    expect(m.get('c2')?.sentAt).toBe(T0 + 1500);
  });

  it('times a command out at sentAt + timeout when the device goes offline or stays silent', () => {
    const m = make();
    m.setOnline('a', true);
    m.create('a', cached(60_000, 2000), 'c1');
    m.setOnline('a', false);
    m.advance(1999);
    expect(stateOf(m, 'c1')).toBe('SENT');
    m.advance(1);
    expect(m.get('c1')).toMatchObject({ state: 'TIMED_OUT', finishedAt: T0 + 2000 });

    m.setOnline('b', true);
    m.setBehaviour('b', { ackDelayMs: 0, responseDelayMs: 0, fails: false, silent: true });
    m.create('b', cached(60_000, 3000), 'c2');
    m.advance(3000);
    expect(m.get('c2')).toMatchObject({ state: 'TIMED_OUT', deliveredAt: null });
  });

  it('lets a deadline win a tie: a response due exactly at the timeout is a timeout', () => {
    const m = make();
    m.setOnline('a', true);
    m.create('a', cached(60_000, 1500), 'c1');
    m.advance(1500);
    expect(m.get('c1')).toMatchObject({ state: 'TIMED_OUT', deliveredAt: T0 + 500, respondedAt: null });
  });

  it('expires, rather than sends, a queued command whose TTL ends when the device frees up', () => {
    const m = make();
    m.setOnline('a', true);
    m.create('a', cached(60_000), 'c1');
    m.create('a', cached(1500), 'c2');
    m.advance(1500);
    expect(m.get('c1')?.state).toBe('SUCCEEDED');
    expect(m.get('c2')).toMatchObject({ state: 'EXPIRED', sentAt: null, finishedAt: T0 + 1500 });
  });

  it('answers FAILED with the response of a failing device', () => {
    const m = make();
    m.setOnline('a', true);
    m.setBehaviour('a', { ackDelayMs: 0, responseDelayMs: 0, fails: true, silent: false });
    m.create('a', cached(60_000), 'c1');
    expect(m.get('c1')).toMatchObject({ state: 'FAILED', respondedAt: T0 });
  });

  it('refuses past the cap, and refuses a send-now command the device cannot take', () => {
    const m = make(2);
    m.create('a', cached(9000), 'c1');
    m.create('a', cached(9000), 'c2');
    expect(m.canCreate('a', cached(9000))).toEqual({ ok: false, reason: 'cap-reached' });
    expect(m.canCreate('a', { ttlMs: 0, timeoutMs: 1000, immediately: true })).toEqual({
      ok: false,
      reason: 'device-offline',
    });
    m.setOnline('b', true);
    m.create('b', { ttlMs: 0, timeoutMs: 1000, immediately: true }, 'c3');
    expect(m.canCreate('b', { ttlMs: 0, timeoutMs: 1000, immediately: true })).toEqual({
      ok: false,
      reason: 'device-busy',
    });
    expect(() => m.create('a', cached(9000), 'c4')).toThrow(/cap-reached/);
  });

  it('cancels only PENDING commands; cancel-all answers the pending ones in queue order and leaves none', () => {
    const m = make();
    m.setOnline('a', true);
    for (const id of ['c1', 'c2', 'c3']) m.create('a', cached(60_000), id);
    expect(m.canCancel('c1')).toEqual({ ok: false, reason: 'not-pending', state: 'SENT' });
    expect(m.canCancel('nope')).toEqual({ ok: false, reason: 'not-found' });
    expect(m.cancelAll('a').map((c) => [c.commandId, c.state])).toEqual([
      ['c2', 'PENDING'],
      ['c3', 'PENDING'],
    ]);
    expect(m.pendingOf('a')).toEqual([]);
    expect(stateOf(m, 'c1')).toBe('SENT');
  });

  it('records a finished command that was never sent (OceanConnect failed send-now)', () => {
    const m = make();
    expect(m.addFinished('a', 'f1', 'FAILED', { responded: false })).toMatchObject({
      state: 'FAILED',
      sentAt: null,
      respondedAt: null,
      finishedAt: T0,
    });
    expect(m.nextEventAt()).toBeUndefined();
  });
});

// intentOf on state names and expected answers: what a third party's interaction asks for, and the cue it was read from.
import { describe, expect, it } from 'vitest';
import { type Asked, intentOf } from './intent.ts';

const asked = (over: Partial<Asked>): Asked => ({
  stateNames: [],
  namesCommand: false,
  method: 'POST',
  expected: { status: 200, body: {} },
  codes: { unknownCommand: ['11404'], unknownDevice: ['100418'] },
  statusOf: (v) => (v === 'SENT' ? 'SENT' : v === 1 ? 'PENDING' : undefined),
  ...over,
});
const kind = (over: Partial<Asked>) => {
  const i = intentOf(asked(over));
  return i && (i.kind === 'command-in-state' ? `${i.kind} ${i.state}` : i.kind);
};

describe('intentOf', () => {
  it('reads state names first', () => {
    expect(kind({ stateNames: ['meter 42 has never been seen'] })).toBe('unknown-device');
    expect(kind({ stateNames: ['the widget does not exist'] })).toBe('unknown-device');
    expect(kind({ stateNames: ['command abc is unknown'] })).toBe('unknown-command');
    expect(kind({ stateNames: ['valve 3 has no pending commands'] })).toBe('no-pending');
    expect(kind({ stateNames: ['the queue is empty'] })).toBe('no-pending');
    expect(kind({ stateNames: ['a command was delivered to valve 3'] })).toBe('command-in-state DELIVERED');
    expect(kind({ stateNames: ['meter 9 has a command that timed out'] })).toBe('command-in-state TIMED_OUT');
  });

  it('then the expected answer: a vendor code, a 404, the state a read of one command shows', () => {
    expect(kind({ expected: { status: 200, body: { code: 11404 } } })).toBe('unknown-command');
    expect(kind({ expected: { status: 200, body: { error_code: '100418' } } })).toBe('unknown-device');
    expect(kind({ expected: { status: 404, body: {} }, namesCommand: true })).toBe('unknown-command');
    expect(kind({ expected: { status: 404, body: {} } })).toBe('unknown-device');
    expect(
      kind({ method: 'GET', namesCommand: true, expected: { status: 200, body: { data: { state: 1 } } } }),
    ).toBe('command-in-state PENDING');
    // A cancel's answer shows the state after the call, not the one the command must be in before it.
    expect(
      kind({ method: 'POST', namesCommand: true, expected: { status: 200, body: { status: 'SENT' } } }),
    ).toBe(undefined);
  });

  it('says nothing when nothing says', () => {
    expect(kind({ stateNames: ['meter 9 is registered'] })).toBe(undefined);
  });
});

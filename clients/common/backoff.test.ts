import { describe, expect, it } from 'vitest';
import { defaultBackoff, WindowTracker, withThrottleBackoff } from './backoff.ts';

const fakeClock = () => {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    policy: defaultBackoff({
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
      marginMs: 10,
    }),
    advance: (ms: number) => {
      now += ms;
    },
  };
};

describe('throttle back-off', () => {
  it('waits until the current window closes, then retries once', async () => {
    const clock = fakeClock();
    const tracker = new WindowTracker(clock.policy);
    tracker.noteCall(); // opens the window
    clock.advance(45_000);
    let calls = 0;
    const { outcome, attempts } = await withThrottleBackoff(
      clock.policy,
      tracker,
      async () => ++calls,
      (n) => n === 1,
    );
    expect(outcome).toBe(2);
    expect(attempts).toBe(2);
    expect(clock.waits).toEqual([15_010]);
  });

  it('gives up after maxRetries and reports the throttled outcome', async () => {
    const clock = fakeClock();
    const policy = { ...clock.policy, maxRetries: 2 };
    const { attempts, throttled } = await withThrottleBackoff(
      policy,
      new WindowTracker(policy),
      async () => 'throttled',
      () => true,
    );
    expect(attempts).toBe(3);
    expect(throttled).toBe(true);
    expect(clock.waits).toHaveLength(2);
  });

  it('scales waits by the simulator time scale', async () => {
    const clock = fakeClock();
    const policy = { ...clock.policy, timeScale: 60 };
    const tracker = new WindowTracker(policy);
    tracker.noteCall();
    expect(tracker.waitAfterThrottle()).toBe(1_000 + 10);
  });

  it('does not retry when back-off is off', async () => {
    const clock = fakeClock();
    const policy = { ...clock.policy, maxRetries: 0 };
    const { attempts } = await withThrottleBackoff(
      policy,
      new WindowTracker(policy),
      async () => 1,
      () => true,
    );
    expect(attempts).toBe(1);
  });
});

// Back-off for the per-application throttle (403 1010009, APIG.0308): wait for the next window, retry a bounded number of times.

export type BackoffPolicy = {
  /** Retries after the first throttled answer; 0 turns back-off off. */
  maxRetries: number;
  /** Length of the vendor's throttle window in milliseconds of platform time (OceanConnect: 60 s). */
  windowMs: number;
  /** Platform seconds per wall second, so a simulator running at --time-scale N is waited on N times faster. */
  timeScale: number;
  /** Extra wall-clock margin added to every wait, so the retry lands after the boundary. */
  marginMs: number;
  /** Injected for tests; resolves after `ms` wall milliseconds. */
  sleep: (ms: number) => Promise<void>;
  /** Injected for tests; wall-clock now in milliseconds. */
  now: () => number;
};

export const defaultBackoff = (overrides: Partial<BackoffPolicy> = {}): BackoffPolicy => ({
  maxRetries: 3,
  windowMs: 60_000,
  timeScale: 1,
  marginMs: 50,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  ...overrides,
});

/**
 * Tracks the start of the client's current throttle window (the first call made after the previous window ended),
 * so that a throttled call waits only until that window closes rather than a whole window.
 */
export class WindowTracker {
  private windowStart: number | undefined;
  private readonly policy: BackoffPolicy;

  constructor(policy: BackoffPolicy) {
    this.policy = policy;
  }

  private wallWindowMs(): number {
    return this.policy.windowMs / this.policy.timeScale;
  }

  /** Call before every request. */
  noteCall(): void {
    const now = this.policy.now();
    if (this.windowStart === undefined || now - this.windowStart >= this.wallWindowMs())
      this.windowStart = now;
  }

  /** Wall milliseconds to wait after a throttled answer: until the current window closes, plus the margin. */
  waitAfterThrottle(): number {
    const now = this.policy.now();
    const start = this.windowStart ?? now;
    const remaining = Math.max(0, start + this.wallWindowMs() - now);
    // A window opened by someone else's calls may end later than ours thinks: never wait less than a tenth of one.
    const wait = Math.max(remaining, this.wallWindowMs() / 10) + this.policy.marginMs;
    this.windowStart = undefined;
    return wait;
  }
}

/**
 * Runs `attempt` and, while `isThrottled` says its outcome was a throttle, waits for the next window and retries,
 * at most `maxRetries` times. Returns the last outcome and how many attempts were made.
 */
export const withThrottleBackoff = async <T>(
  policy: BackoffPolicy,
  tracker: WindowTracker,
  attempt: () => Promise<T>,
  isThrottled: (outcome: T) => boolean,
): Promise<{ outcome: T; attempts: number; throttled: boolean }> => {
  let attempts = 0;
  for (;;) {
    tracker.noteCall();
    attempts += 1;
    const outcome = await attempt();
    const throttled = isThrottled(outcome);
    if (!throttled || attempts > policy.maxRetries) return { outcome, attempts, throttled };
    await policy.sleep(tracker.waitAfterThrottle());
  }
};

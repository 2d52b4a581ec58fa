// Pure prediction of which calls in a sequence a throttle allows, written independently of Throttle so each checks the other.
import { ThrottleConfig, type ThrottleConfigInput } from './throttle.ts';

export type ThrottlePrediction = { allowed: number; refused: number; decisions: boolean[] };

/**
 * Which of the calls of one application, made at `times` (platform ms, in call order), a fresh throttle with `config`
 * allows. A time earlier than one before it counts as the latest time seen, exactly as Throttle.check does.
 */
export const predictAllowed = (config: ThrottleConfigInput, times: readonly number[]): ThrottlePrediction => {
  const c = ThrottleConfig.parse(config);
  const decide = c.enabled ? deciderFor(c) : () => true;
  const decisions: boolean[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  let allowed = 0;
  for (const raw of times) {
    latest = Math.max(latest, raw);
    const ok = decide(latest);
    decisions.push(ok);
    if (ok) allowed++;
  }
  return { allowed, refused: times.length - allowed, decisions };
};

const deciderFor = (c: ThrottleConfig): ((t: number) => boolean) => {
  const { limit, windowMs } = c;
  switch (c.algorithm) {
    case 'fixed-window': {
      // Each window admits its first `limit` calls.
      let windowId = Number.NaN;
      let used = 0;
      const idOf =
        c.alignment === 'epoch'
          ? (t: number) => Math.floor((t - c.originMs) / windowMs)
          : (() => {
              let end = Number.NEGATIVE_INFINITY;
              let id = 0;
              return (t: number) => {
                if (t >= end) {
                  end = t + windowMs;
                  id++;
                }
                return id;
              };
            })();
      return (t) => {
        const id = idOf(t);
        if (id !== windowId) {
          windowId = id;
          used = 0;
        }
        if (used >= limit) return false;
        used++;
        return true;
      };
    }
    case 'sliding-window': {
      // A call is admitted when fewer than `limit` admitted calls lie in (t - windowMs, t].
      const admitted: number[] = [];
      let lo = 0;
      return (t) => {
        while (lo < admitted.length && admitted[lo]! <= t - windowMs) lo++;
        if (admitted.length - lo >= limit) return false;
        admitted.push(t);
        return true;
      };
    }
    case 'token-bucket': {
      // GCRA (virtual scheduling), equivalent to a bucket of `limit` tokens refilled at limit/windowMs per ms.
      // Times are scaled by `limit` (relative to the first call) so the emission interval is windowMs: exact integers.
      let origin = Number.NaN;
      let tat = Number.NEGATIVE_INFINITY;
      const tolerance = (limit - 1) * windowMs;
      return (t) => {
        if (Number.isNaN(origin)) origin = t;
        const now = (t - origin) * limit;
        const base = Math.max(tat, now);
        if (base - now > tolerance) return false;
        tat = base + windowMs;
        return true;
      };
    }
  }
};

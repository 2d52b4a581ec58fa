// The throttle invariant: per application and window, never more than the limit admitted, never a refusal below it.
import type { Invariant } from './types.ts';

export const throttleWindow: Invariant = {
  name: 'throttle-window',
  says: 'per application and fixed window, at most `limit` calls are admitted, and none is refused (1010009, APIG.0308) below it',
  check: (o, ctx) => {
    const t = ctx.throttle;
    if (!t) return [];
    const out: string[] = [];
    const admitted = new Map<string, number>();
    const fresh = new Set(o.calls);
    for (const call of ctx.history) {
      if (call.app === undefined) continue;
      const window = Math.floor((call.at - t.originMs) / t.windowMs);
      const key = `${call.app}@${window}`;
      const before = admitted.get(key) ?? 0;
      if (call.outcome === 'throttled') {
        if (fresh.has(call) && before < t.limit)
          out.push(`${call.op} at ${call.at} refused after only ${before} of ${t.limit} calls in its window`);
        continue;
      }
      admitted.set(key, before + 1);
      if (fresh.has(call) && before + 1 > t.limit)
        out.push(`${call.op} at ${call.at} admitted as call ${before + 1} of a window limited to ${t.limit}`);
    }
    return out;
  },
};

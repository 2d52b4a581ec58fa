// Rule `poll-rate`: the client read the same resource (GET of one URL) faster than --max-poll-rate per platform second.
import { minPollGapMs, ms, toleranceMs } from '../limits.ts';
import { type AuditEntry, type Rule, type Violation, violation } from './types.ts';

const ID = 'poll-rate';

export const pollRateRule: Rule = {
  id: ID,
  cause: 'sent-again',
  description:
    'two GETs of the same URL are at least 1000 / --max-poll-rate platform ms apart, less one step of the client’s clock and the path’s jitter (reported once per URL)',
  check: (entries, ctx) => {
    const out: Violation[] = [];
    const minGap = minPollGapMs(ctx);
    const tolerance = toleranceMs(ctx);
    const last = new Map<string, AuditEntry>();
    const reported = new Map<string, Violation>();
    const counts = new Map<string, number>();
    for (const e of entries) {
      if (e.method !== 'GET') continue;
      const key = `${e.vendor} ${e.url}`;
      const prev = last.get(key);
      last.set(key, e);
      if (!prev || e.at - prev.at >= minGap - tolerance) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (reported.has(key)) continue;
      const v = violation(
        ID,
        e,
        `polled ${ms(e.at - prev.at)} (platform) after request #${prev.seq}; at most ${ctx.maxPollRate} per platform second allows one every ${ms(minGap)} (${ms(minGap - tolerance)} with the ${ms(tolerance)} tolerated for the clock's step and the path's jitter)`,
      );
      reported.set(key, v);
      out.push(v);
    }
    for (const [key, v] of reported) {
      const n = counts.get(key) ?? 1;
      if (n > 1) v.message += ` (${n} polls too soon in all)`;
    }
    return out;
  },
};

// Rule `no-backoff`: the client retried the same request sooner than the least back-off after an error answer.
import { VENDORS } from '../../vendors/index.ts';
import { ms, toleranceMs } from '../limits.ts';
import { type AuditEntry, isError, type Rule, type Violation, violation } from './types.ts';

const ID = 'no-backoff';

/** Errors another rule judges more precisely: a throttle refusal (throttle-window) and a refused re-cancel (recancel). */
const OWNED_ELSEWHERE = new Set(
  [
    ...VENDORS.map((v) => v.gate.throttleWindow?.refusalCode),
    ...VENDORS.map((v) => v.gate.recancel?.refusalCode),
  ].filter((c): c is string => c !== undefined),
);

const sameRequest = (e: AuditEntry): string => `${e.vendor} ${e.method} ${e.url} ${e.body}`;

export const noBackoffRule: Rule = {
  id: ID,
  cause: 'sent-again',
  description: `a request answered with an error is retried no sooner than --min-backoff platform ms, less one step of the client’s clock and the path’s jitter (${[...OWNED_ELSEWHERE].join(' and ')} excepted: their own rules)`,
  check: (entries, ctx) => {
    const out: Violation[] = [];
    const lastError = new Map<string, AuditEntry>();
    for (const e of entries) {
      const key = sameRequest(e);
      const prev = lastError.get(key);
      if (prev && e.at - prev.at < ctx.minBackoffMs - toleranceMs(ctx))
        out.push(
          violation(
            ID,
            e,
            `retried ${ms(e.at - prev.at)} (platform) after request #${prev.seq} was answered ${prev.status}${prev.errorCode ? ` ${prev.errorCode}` : ''}; least back-off ${ms(ctx.minBackoffMs)} (${ms(toleranceMs(ctx))} tolerated)`,
          ),
        );
      if (isError(e) && !OWNED_ELSEWHERE.has(e.errorCode ?? '')) lastError.set(key, e);
      else lastError.delete(key);
    }
    return out;
  },
};

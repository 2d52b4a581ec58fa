// Rule `no-backoff`: the client retried the same request sooner than the least back-off after an error answer.
import { OC_ERROR_CODES } from '../../contracts/oceanconnect/errors.ts';
import { ERROR_CODES as ENOS_CODES } from '../../contracts/enos/errors.ts';
import { type AuditEntry, isError, type Rule, type Violation, violation } from './types.ts';

const ID = 'no-backoff';

/** Errors another rule judges more precisely: the throttle (throttle-window) and 11905 (recancel). */
const OWNED_ELSEWHERE = new Set([OC_ERROR_CODES.throttled, String(ENOS_CODES.notCreatedState)]);

const sameRequest = (e: AuditEntry): string => `${e.vendor} ${e.method} ${e.url} ${e.body}`;

export const noBackoffRule: Rule = {
  id: ID,
  description:
    'a request answered with an error is retried no sooner than --min-backoff platform ms (1010009 and 11905 excepted: their own rules)',
  check: (entries, ctx) => {
    const out: Violation[] = [];
    const lastError = new Map<string, AuditEntry>();
    for (const e of entries) {
      const key = sameRequest(e);
      const prev = lastError.get(key);
      if (prev && e.at - prev.at < ctx.minBackoffMs)
        out.push(
          violation(
            ID,
            e,
            `retried ${Math.round(e.at - prev.at)} ms (platform) after request #${prev.seq} was answered ${prev.status}${prev.errorCode ? ` ${prev.errorCode}` : ''}; least back-off ${ctx.minBackoffMs} ms`,
          ),
        );
      if (isError(e) && !OWNED_ELSEWHERE.has(e.errorCode ?? '')) lastError.set(key, e);
      else lastError.delete(key);
    }
    return out;
  },
};

// Rule `quirk`: the client's command failed right after the platform answered with one of its quirks.
import { type AuditEntry, type Rule, type Violation, violation } from './types.ts';

const ID = 'quirk';

/** The quirks an answer shows: the vendor's spellings, and an error sent with HTTP 2xx. */
export const quirksOf = (e: AuditEntry): string[] => {
  const out: string[] = [];
  if (/"WAITTING"/.test(e.responseBody)) out.push('the task status spelled WAITTING');
  if (/"PENDDING"/.test(e.responseBody)) out.push('the command status spelled PENDDING');
  if (e.status >= 200 && e.status < 300 && e.errorCode !== undefined)
    out.push(`an error (${e.errorCode}) with HTTP ${e.status}`);
  return out;
};

const excerpt = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export const quirkRule: Rule = {
  id: ID,
  description:
    'when the client’s command fails, no quirk answer (PENDDING, WAITTING, an error with HTTP 200) is among its last requests',
  check: (entries, ctx) => {
    if (ctx.exitCode === 0) return [];
    const tail = entries.slice(-ctx.quirkLookback);
    for (let i = tail.length - 1; i >= 0; i--) {
      const e = tail[i] as AuditEntry;
      const quirks = quirksOf(e);
      if (quirks.length > 0)
        return [
          violation(
            ID,
            e,
            `the command exited ${ctx.exitCode ?? '(killed)'} after the platform answered with ${quirks.join(' and ')}: ${excerpt(e.responseBody)}`,
          ),
        ] satisfies Violation[];
    }
    return [];
  },
};

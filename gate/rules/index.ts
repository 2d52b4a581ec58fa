// The audit rules as data, in report order, and the one function that runs them all over a journal.
import { noBackoffRule } from './no-backoff.ts';
import { pollRateRule } from './poll-rate.ts';
import { quirkRule } from './quirk.ts';
import { recancelRule } from './recancel.ts';
import { requestSchemaRule } from './request-schema.ts';
import { throttleWindowRule } from './throttle-window.ts';
import { AuditContext, type AuditContextInput, type AuditEntry, type Rule, type Violation } from './types.ts';

/** Report order; within one cause, the earlier rule is the more precise and keeps the finding. */
export const RULES: readonly Rule[] = [
  requestSchemaRule,
  throttleWindowRule,
  recancelRule,
  noBackoffRule,
  pollRateRule,
  quirkRule,
];

const causeOf = (rule: string) => RULES.find((r) => r.id === rule)?.cause;

/**
 * One finding per request and cause: a rule's several findings on one request become one (messages joined), and a
 * later rule of the same cause is named in the earlier one's finding instead of reported again.
 */
export const oneFindingPerRequestAndCause = (violations: readonly Violation[]): Violation[] => {
  const kept = new Map<string, Violation>();
  for (const v of violations) {
    const key = `${v.request.seq} ${causeOf(v.rule)}`;
    const first = kept.get(key);
    if (!first) kept.set(key, { ...v });
    else if (first.rule === v.rule) first.message += `; ${v.message}`;
    else if (!first.message.includes(`(also ${v.rule})`)) first.message += ` (also ${v.rule})`;
  }
  return [...kept.values()];
};

/** Every rule over the journal (oldest first), violations ordered by request, one per request and cause. */
export const audit = (entries: readonly AuditEntry[], ctx: AuditContextInput = {}): Violation[] => {
  const resolved = AuditContext.parse(ctx);
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  return oneFindingPerRequestAndCause(RULES.flatMap((r) => r.check(sorted, resolved))).sort(
    (a, b) => a.request.seq - b.request.seq,
  );
};

/** Findings per rule, every rule named (0 when it found nothing), in report order. */
export const totalsOf = (violations: readonly Violation[]): Record<string, number> =>
  Object.fromEntries(RULES.map((r) => [r.id, violations.filter((v) => v.rule === r.id).length]));

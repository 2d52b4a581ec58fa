// The audit rules as data, in report order, and the one function that runs them all over a journal.
import { noBackoffRule } from './no-backoff.ts';
import { pollRateRule } from './poll-rate.ts';
import { quirkRule } from './quirk.ts';
import { recancelRule } from './recancel.ts';
import { requestSchemaRule } from './request-schema.ts';
import { throttleWindowRule } from './throttle-window.ts';
import { AuditContext, type AuditContextInput, type AuditEntry, type Rule, type Violation } from './types.ts';

export const RULES: readonly Rule[] = [
  requestSchemaRule,
  throttleWindowRule,
  recancelRule,
  noBackoffRule,
  pollRateRule,
  quirkRule,
];

/** Every rule over the journal (oldest first), violations ordered by request. */
export const audit = (entries: readonly AuditEntry[], ctx: AuditContextInput = {}): Violation[] => {
  const resolved = AuditContext.parse(ctx);
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  return RULES.flatMap((r) => r.check(sorted, resolved)).sort((a, b) => a.request.seq - b.request.seq);
};

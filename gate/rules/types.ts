// What every audit rule shares: the journal entry it reads, the context it is given, the violation it reports.
import { z } from 'zod';
import type { JournalEntry } from '../../contracts/control/api.ts';
import { ThrottleConfig } from '../../simulators/model/throttle.ts';
import { GateLimits } from '../limits.ts';

/** One request as the platform's journal recorded it (GET /__control/journal): the control API's journal entry. */
export type AuditEntry = JournalEntry;

export const RULE_IDS = [
  'request-schema',
  'throttle-window',
  'recancel',
  'no-backoff',
  'poll-rate',
  'quirk',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

export const RequestRef = z.object({
  seq: z.number(),
  method: z.string(),
  url: z.string(),
  status: z.number(),
  at: z.number(),
});
export type RequestRef = z.infer<typeof RequestRef>;

export const Violation = z.object({
  rule: RuleId,
  vendor: z.string(),
  message: z.string(),
  request: RequestRef,
  /** The request's headers and body, secrets blanked (gate/redact.ts): what `--verbose` shows. */
  evidence: z.object({ headers: z.record(z.string(), z.string()), body: z.string() }).optional(),
});
export type Violation = z.infer<typeof Violation>;

export const AuditContext = GateLimits.extend({
  /** Throttle of each vendor as the simulator ran it (GET /__control/state). */
  throttle: z.record(z.string(), ThrottleConfig).default({}),
  /** Exit code of the client's command (null: killed or never ran). */
  exitCode: z.number().nullable().default(0),
});
export type AuditContext = z.infer<typeof AuditContext>;
export type AuditContextInput = z.input<typeof AuditContext>;

/**
 * What a finding is about; a request gets one finding per cause (the first rule of `RULES` that reports it), so a
 * call sent again too soon is not reported again by every rule about calls sent again.
 */
export type Cause = 'malformed' | 'sent-again' | 'quirk';

export type Rule = {
  id: RuleId;
  cause: Cause;
  description: string;
  check: (entries: readonly AuditEntry[], ctx: AuditContext) => Violation[];
};

export const refOf = (e: AuditEntry): RequestRef => ({
  seq: e.seq,
  method: e.method,
  url: e.url,
  status: e.status,
  at: e.at,
});

export const violation = (rule: RuleId, e: AuditEntry, message: string): Violation => ({
  rule,
  vendor: e.vendor,
  message,
  request: refOf(e),
});

/** Path and query of a journal URL (it records the path as the platform saw it). */
export const splitUrl = (url: string): { path: string; query: URLSearchParams } => {
  const u = new URL(url, 'http://platform.invalid');
  return { path: u.pathname, query: u.searchParams };
};

/** Header value by case-insensitive name. */
export const headerOf = (e: AuditEntry, name: string): string | undefined => {
  const key = Object.keys(e.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : e.headers[key];
};

/** An answer that is an error: an HTTP error status or a vendor error code. */
export const isError = (e: AuditEntry): boolean => e.status >= 400 || e.errorCode !== undefined;

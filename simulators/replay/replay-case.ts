// A documented answer replayed verbatim by WireMock: which fixture, for which request, answering which pact interactions.
import { z } from 'zod';

export const ReplayCase = z.object({
  /** Fixture file name without `.json`, in contracts/<vendor>/fixtures; its leading number is the HTTP status. */
  fixture: z.string().regex(/^\d{3}-[a-z0-9-]+$/),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'ANY']),
  /** A WireMock `urlPathPattern` (a Java regex over the path, without the query). */
  urlPathPattern: z.string().min(1),
  /** Query parameters that must be equal (EnOS `action`, for instance). */
  query: z.record(z.string(), z.string()).optional(),
  /** Answered to requests without a marker too, in replay mode (one per endpoint at most). */
  isDefault: z.boolean().default(false),
  /** Descriptions of the pact interactions this fixture answers in replay-mode verification. */
  interactions: z.array(z.string()).default([]),
});
export type ReplayCase = z.infer<typeof ReplayCase>;
export type ReplayCaseInput = z.input<typeof ReplayCase>;

/** The request marker a client sends to ask for one documented answer: a header, or the same as a query parameter. */
export const CASE_HEADER = 'X-Harness-Case';
export const CASE_QUERY = 'harness-case';
/** The marker that asks for a transport fault instead of an answer. */
export const FAULT_HEADER = 'X-Harness-Fault';

/** The fixture that answers a pact interaction in replay mode (each interaction is answered by at most one). */
export const fixtureAnswering = (cases: readonly ReplayCase[], description: string): string | undefined =>
  cases.find((c) => c.interactions.includes(description))?.fixture;

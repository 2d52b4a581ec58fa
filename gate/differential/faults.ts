// `harness gate --faults`: each documented vendor failure injected at the first call of each endpoint the client used, one per run, and judged.
import {
  CONNECTION_RESET,
  type DocumentedFailure,
  failureApplies,
  LATENCY_SPIKE,
} from '../../contracts/common/failure.ts';
import type { JournalEntry } from '../../contracts/control/api.ts';
import { RULES } from '../rules/index.ts';
import type { RunOutcome } from '../run-once.ts';
import type { Rerun } from './quirks.ts';
import { type Evidence, type FaultVerdict, SEVERITY_OF } from './verdicts.ts';

/** One run to make: a failure at the first call of an endpoint of a vendor. */
export type FaultCase = { vendor: string; endpoint: string; failure: DocumentedFailure };

/** The endpoints the faithful run called (in first-call order) and each failure documented for each of them. */
export const faultCases = (faithful: RunOutcome, failures: readonly DocumentedFailure[]): FaultCase[] => {
  const seen = new Map<string, { vendor: string; endpoint: string }>();
  for (const e of faithful.entries)
    if (e.endpoint !== undefined && !seen.has(`${e.vendor} ${e.endpoint}`))
      seen.set(`${e.vendor} ${e.endpoint}`, { vendor: e.vendor, endpoint: e.endpoint });
  return [...seen.values()].flatMap(({ vendor, endpoint }) =>
    failures
      .filter((f) => failureApplies(f, vendor, endpoint))
      .map((failure) => ({ vendor, endpoint, failure })),
  );
};

const excerpt = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}…` : text);
const isSuccess = (e: JournalEntry): boolean =>
  e.status >= 200 && e.status < 300 && e.errorCode === undefined && e.injected === undefined;
const SENT_AGAIN = new Set(RULES.filter((r) => r.cause === 'sent-again').map((r) => r.id));

/** The call the failure answered: from the platform's journal, or the front door's for a reset. */
const injectedCall = (
  c: FaultCase,
  r: RunOutcome,
): { evidence: Evidence; entry?: JournalEntry } | undefined => {
  if (c.failure.id === CONNECTION_RESET) {
    const reset = r.resets[0];
    return reset
      ? {
          evidence: {
            method: reset.method,
            url: reset.url,
            status: 0,
            detail: 'the connection was reset before any answer',
          },
        }
      : undefined;
  }
  const entry = r.entries.find((e) => e.injected === c.failure.id);
  if (!entry) return undefined;
  return {
    entry,
    evidence: {
      seq: entry.seq,
      method: entry.method,
      url: entry.url,
      status: entry.status,
      detail:
        c.failure.id === LATENCY_SPIKE
          ? `answered after a latency spike: ${excerpt(entry.responseBody)}`
          : excerpt(entry.responseBody),
    },
  };
};

/** Judges one run under an injected failure (the faithful run passed). */
export const judgeFault = (c: FaultCase, r: RunOutcome): FaultVerdict => {
  const base = { failure: c.failure.id, title: c.failure.title, vendor: c.vendor, endpoint: c.endpoint };
  const make = (
    v: FaultVerdict['verdict'],
    message: string,
    extra: Partial<FaultVerdict> = {},
  ): FaultVerdict => ({
    ...base,
    verdict: v,
    severity: SEVERITY_OF[v],
    message,
    exitCode: r.exitCode,
    violations: [],
    ...extra,
  });
  const call = injectedCall(c, r);
  if (!call) return make('not-fired', `not fired: the client did not call ${c.endpoint} in this run`);
  const at = call.evidence.seq ?? 0;
  const evidence = { evidence: call.evidence };
  const what = `${c.failure.title} at its first ${c.vendor} ${c.endpoint} call`;
  if (r.exitCode !== 0)
    return make(
      'failed-loudly',
      `failed loudly: the command ${r.exitCode === null ? 'was killed' : `exited ${r.exitCode}`} after ${what}`,
      evidence,
    );
  const tooSoon = r.violations.filter((v) => SENT_AGAIN.has(v.rule) && v.request.seq >= at);
  if (tooSoon.length)
    return make(
      'retried-too-soon',
      `sent again too soon after ${what}: ${tooSoon.map((v) => `#${v.request.seq} ${v.rule}: ${v.message}`).join('; ')}`,
      { ...evidence, violations: tooSoon },
    );
  if (c.failure.expect === 'no-retry')
    return make('recovered', `accepted ${what} as final and exited 0 without sending it again`, evidence);
  const doneBy =
    call.entry && c.failure.id === LATENCY_SPIKE && isSuccess({ ...call.entry, injected: undefined })
      ? call.entry
      : r.entries.find(
          (e) => e.seq > at && e.vendor === c.vendor && e.endpoint === c.endpoint && isSuccess(e),
        );
  if (doneBy)
    return make(
      'recovered',
      `recovered from ${what}: request #${doneBy.seq} ${doneBy.method} ${doneBy.url} succeeded (${doneBy.status})`,
      evidence,
    );
  return make(
    'ignored',
    `ignored ${what}: the command exited 0 and no later ${c.endpoint} call succeeded, so the work was never done; the injected answer: ${call.evidence.status} ${call.evidence.detail}`,
    evidence,
  );
};

/** Every fault case of the faithful run, each in a run of its own; nothing is judged when the faithful run failed. */
export const judgeFaults = async (
  faithful: RunOutcome,
  failures: readonly DocumentedFailure[],
  rerun: Rerun,
): Promise<FaultVerdict[]> => {
  const cases = faultCases(faithful, failures);
  if (faithful.exitCode !== 0)
    return cases.map((c) => ({
      failure: c.failure.id,
      title: c.failure.title,
      vendor: c.vendor,
      endpoint: c.endpoint,
      verdict: 'not-judged',
      severity: SEVERITY_OF['not-judged'],
      message: 'not judged: the faithful run failed, so a failure under injection says nothing',
      violations: [],
    }));
  const runs = await Promise.all(
    cases.map((c) =>
      rerun({ injection: { vendor: c.vendor, endpoint: c.endpoint, call: 1, failure: c.failure.id } }),
    ),
  );
  return cases.map((c, i) => judgeFault(c, runs[i] as RunOutcome));
};

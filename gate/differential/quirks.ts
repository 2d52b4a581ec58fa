// `harness gate --quirks`: the client's command rerun with one vendor quirk removed at a time, outcomes compared, verdicts out.
import type { Quirk } from '../../contracts/common/quirk.ts';
import type { JournalEntry } from '../../contracts/control/api.ts';
import { type CarriedQuirk, placesOf, quirksCarried } from '../quirk-hits.ts';
import type { RunOutcome, RunProfile } from '../run-once.ts';
import { type Evidence, type QuirkVerdict, SEVERITY_OF } from './verdicts.ts';

/** Runs the command once more with a vendor profile (the pool bounds how many at once). */
export type Rerun = (profile: RunProfile) => Promise<RunOutcome>;

const passed = (r: Pick<RunOutcome, 'exitCode'>): boolean => r.exitCode === 0;
const exitOf = (r: Pick<RunOutcome, 'exitCode'>): string =>
  r.exitCode === null ? 'was killed' : `exited ${r.exitCode}`;

/** What a request is, for telling where two runs' traffic parts (ids differ from run to run; endpoints do not). */
const shapeOf = (e: JournalEntry): string => `${e.vendor} ${e.method} ${e.endpoint ?? e.url.split('?')[0]}`;

/** Index of the first request where the two runs' traffic differs (undefined: one is a prefix of the other). */
export const divergence = (a: readonly JournalEntry[], b: readonly JournalEntry[]): number | undefined => {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (shapeOf(a[i] as JournalEntry) !== shapeOf(b[i] as JournalEntry)) return i;
  return a.length === b.length ? undefined : Math.min(a.length, b.length);
};

type Carrier = { entry: JournalEntry; index: number; carried: CarriedQuirk[] };

/** Every answer of the run carrying the quirk, in order. */
const carriersOf = (entries: readonly JournalEntry[], quirk: Quirk): Carrier[] =>
  entries.flatMap((entry, index) => {
    const carried = quirksCarried(entry).filter((c) => c.quirk.id === quirk.id);
    return carried.length ? [{ entry, index, carried }] : [];
  });

/**
 * The answer the outcome turned on: the last one carrying the quirk before the run without it went another way (the
 * client read it and acted on it), or the last one of the run when the traffic never parted.
 */
export const turningAnswer = (
  withQuirk: readonly JournalEntry[],
  without: readonly JournalEntry[],
  quirk: Quirk,
): Carrier | undefined => {
  const carriers = carriersOf(withQuirk, quirk);
  const d = divergence(withQuirk, without) ?? withQuirk.length;
  return carriers.filter((c) => c.index < d).at(-1) ?? carriers[0];
};

const evidenceOf = (c: Carrier): Evidence => ({
  seq: c.entry.seq,
  method: c.entry.method,
  url: c.entry.url,
  status: c.entry.status,
  detail: placesOf(c.carried),
});

const where = (c: Carrier | undefined): string =>
  c
    ? `request #${c.entry.seq} ${c.entry.method} ${c.entry.url} answered ${c.entry.status}, ${placesOf(c.carried)}`
    : 'no single answer found';

/** The status the answer would have had without the quirk (an error's REST status). */
const statusWithout = (quirk: Quirk, c: Carrier | undefined): number | undefined => {
  if (!c) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(c.entry.responseBody);
  } catch {
    body = undefined;
  }
  return quirk.remove({ method: c.entry.method, url: c.entry.url, status: c.entry.status, body })?.status;
};

const verdict = (
  quirk: Quirk,
  v: QuirkVerdict['verdict'],
  message: string,
  extra: Partial<QuirkVerdict> = {},
): QuirkVerdict => ({
  quirk: quirk.id,
  vendor: quirk.vendor,
  title: quirk.title,
  verdict: v,
  severity: SEVERITY_OF[v],
  message,
  baseline: [],
  ...extra,
});

/** Compares a run with the quirk (faithful, or the baseline) and one without it. */
export const judgeQuirk = (
  quirk: Quirk,
  withQuirk: RunOutcome,
  without: RunOutcome,
  baseline: readonly string[] = [],
): QuirkVerdict => {
  const exitCodes = { with: withQuirk.exitCode, without: without.exitCode };
  const base = baseline.length ? ` (both runs without ${baseline.join(', ')}, which it breaks on)` : '';
  const extra = { exitCodes, baseline: [...baseline] };
  const turn = turningAnswer(withQuirk.entries, without.entries, quirk);
  const evidence = turn ? { evidence: evidenceOf(turn) } : {};
  const a = passed(withQuirk);
  const b = passed(without);
  if (!a && b)
    return verdict(
      quirk,
      'breaks-on',
      `breaks on ${quirk.id} (${quirk.title}): the command ${exitOf(withQuirk)} with it and exited 0 without it (${quirk.without}); the answer carrying it: ${where(turn)}`,
      { ...extra, ...evidence },
    );
  if (a && !b) {
    if (quirk.kind === 'error-with-http-200') {
      const code = /error code (\S+)/.exec(turn?.carried[0]?.value ?? '')?.[1] ?? 'an error';
      return verdict(
        quirk,
        'took-error-for-success',
        `took ${code} sent with HTTP 200 for success: the command exited 0${base}, and ${exitOf(without)} when the same answer came with HTTP ${statusWithout(quirk, turn) ?? 'its REST status'}; the answer: ${where(turn)}`,
        { ...extra, ...evidence },
      );
    }
    const kind = quirk.kind === 'spelling' ? 'depends-on-misspelling' : 'depends-on-quirk';
    return verdict(
      quirk,
      kind,
      `depends on ${quirk.id} (${quirk.title}): the command exited 0${base}, and ${exitOf(without)} once the vendor sends ${quirk.without}; it breaks if the vendor fixes it (drift exposure, not a violation); the answer: ${where(turn)}`,
      { ...extra, ...evidence },
    );
  }
  if (a && b)
    return verdict(quirk, 'robust', `robust: exited 0 with and without ${quirk.title}${base}`, {
      ...extra,
      ...evidence,
    });
  return verdict(
    quirk,
    'not-about-quirks',
    `not about quirks: the command ${exitOf(withQuirk)} with ${quirk.title} and ${exitOf(without)} without it${base}: it fails for another reason`,
    { ...extra, ...evidence },
  );
};

/**
 * The quirk verdicts of a client. Each quirk an answer of the faithful run carried is removed alone. When the
 * faithful run failed and some removals made it pass, the other quirks are judged again against that baseline (the
 * run without the quirks it breaks on), so a client that breaks on one quirk and takes an error for success elsewhere
 * gets both verdicts. Quirks no answer carried are not run.
 */
export const judgeQuirks = async (
  faithful: RunOutcome,
  quirks: readonly Quirk[],
  rerun: Rerun,
): Promise<QuirkVerdict[]> => {
  const exercised = quirks.filter((q) => carriersOf(faithful.entries, q).length > 0);
  const alone = await Promise.all(exercised.map((q) => rerun({ removedQuirks: [q.id] })));
  const first = exercised.map((q, i) => judgeQuirk(q, faithful, alone[i] as RunOutcome));
  const breakers = first.filter((v) => v.verdict === 'breaks-on').map((v) => v.quirk);
  const pending = exercised.filter((_, i) => first[i]?.verdict === 'not-about-quirks' && breakers.length > 0);
  let second = new Map<string, QuirkVerdict>();
  if (pending.length) {
    const baseline =
      breakers.length === 1
        ? (alone[exercised.findIndex((q) => q.id === breakers[0])] as RunOutcome)
        : await rerun({ removedQuirks: breakers });
    if (passed(baseline)) {
      const runs = await Promise.all(pending.map((q) => rerun({ removedQuirks: [...breakers, q.id] })));
      second = new Map(
        pending.map((q, i) => [q.id, judgeQuirk(q, baseline, runs[i] as RunOutcome, breakers)]),
      );
    }
  }
  return quirks.map((q) => {
    const i = exercised.indexOf(q);
    if (i < 0)
      return verdict(
        q,
        'not-exercised',
        `not exercised: no answer of the faithful run carried ${q.title}, so there was nothing to compare`,
      );
    return second.get(q.id) ?? (first[i] as QuirkVerdict);
  });
};

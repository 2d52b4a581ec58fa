// Turns a gate result into words: the one place violations, verdicts and the command's outcome become text.
import type { Evidence, FaultVerdict, QuirkVerdict } from './differential/verdicts.ts';
import { ms, toleranceMs } from './limits.ts';
import { failingVerdicts, type GateResult } from './report.ts';
import { RULES } from './rules/index.ts';
import type { Violation } from './rules/types.ts';

const describe = (id: string): string => RULES.find((r) => r.id === id)?.description ?? id;

export type RenderOptions = {
  /** Each violation's request headers and body (secrets blanked), and the passing verdicts too. */
  verbose?: boolean;
};

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');

const requestLines = (v: Violation, verbose: boolean): string[] => {
  const r = v.request;
  const lines = [
    `      request #${r.seq}: ${r.method} ${r.url} -> ${r.status} (platform time ${new Date(r.at).toISOString()})`,
  ];
  if (verbose && v.evidence) {
    for (const [k, val] of Object.entries(v.evidence.headers)) lines.push(`        ${k}: ${val}`);
    if (v.evidence.body !== '') lines.push(indent(v.evidence.body, '        | '));
  }
  return lines;
};

const evidenceLine = (e: Evidence | undefined): string[] =>
  e
    ? [
        `      ${e.seq === undefined ? 'call' : `request #${e.seq}`}: ${e.method} ${e.url} -> ${e.status}: ${e.detail}`,
      ]
    : [];

const MARK: Readonly<Record<string, string>> = {
  violation: 'FAIL',
  warning: 'WARN',
  pass: 'ok  ',
  info: '--  ',
};

const verdictLines = (
  title: string,
  verdicts: readonly (QuirkVerdict | FaultVerdict)[],
  label: (v: QuirkVerdict | FaultVerdict) => string,
  verbose: boolean,
): string[] => {
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v.verdict, (counts.get(v.verdict) ?? 0) + 1);
  const lines = ['', `${title}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`];
  for (const v of verdicts) {
    if (!verbose && (v.severity === 'pass' || v.severity === 'info')) continue;
    lines.push(`  ${MARK[v.severity]} [${label(v)}] ${v.message}`, ...evidenceLine(v.evidence));
    if ('violations' in v) for (const x of v.violations) lines.push(...requestLines(x, verbose));
  }
  return lines;
};

export const renderGate = (result: GateResult, opts: RenderOptions = {}): string => {
  const verbose = opts.verbose ?? false;
  const lines: string[] = [];
  const cmd = result.command.join(' ');
  const outcome =
    result.exitCode === 0
      ? 'exited 0'
      : result.exitCode === null
        ? `was stopped${result.timedOut ? ' (timed out)' : ''}`
        : `exited ${result.exitCode}`;
  lines.push(
    `harness gate: \`${cmd}\` ${outcome}; ${result.requests.length} requests audited` +
      (result.runs > 1 ? `; ${result.runs} runs in ${((result.wallMs ?? 0) / 1000).toFixed(1)} s` : ''),
  );
  if (result.limits)
    lines.push(
      `limits: ${result.limits.maxPollRate} GET(s) of one URL per platform second, back-off ${ms(result.limits.minBackoffMs)}, ${ms(toleranceMs(result.limits))} tolerated (path jitter ${result.measuredJitterWallMs === undefined ? 'not measured' : `measured ${ms(result.measuredJitterWallMs)}`}, allowed ${ms(result.limits.pathJitterWallMs)} wall, at time scale ${result.limits.timeScale})`,
    );
  if (result.interrupted)
    lines.push(
      `INTERRUPTED by ${result.interrupted}: the command was stopped, this report covers what it sent until then`,
    );
  if (result.violations.length > 0) {
    const byRule = new Map<string, Violation[]>();
    for (const v of result.violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
    for (const [rule, vs] of byRule) {
      lines.push('', `${rule} — ${describe(rule)}`);
      for (const v of vs) lines.push(`  [${v.vendor}] ${v.message}`, ...requestLines(v, verbose));
    }
    lines.push(
      '',
      `totals: ${Object.entries(result.totals)
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ')}`,
    );
  }
  if (result.quirks)
    lines.push(...verdictLines('quirks', result.quirks, (v) => (v as QuirkVerdict).quirk, verbose));
  if (result.faults)
    lines.push(
      ...verdictLines(
        'faults',
        result.faults,
        (v) => `${(v as FaultVerdict).failure} @ ${v.vendor} ${(v as FaultVerdict).endpoint}`,
        verbose,
      ),
    );
  const failing = failingVerdicts(result).length;
  const warnings = [...(result.quirks ?? []), ...(result.faults ?? [])].filter(
    (v) => v.severity === 'warning',
  ).length;
  lines.push('');
  if (result.violations.length === 0 && failing === 0)
    lines.push(
      result.exitCode === 0
        ? `PASS: no violations${warnings ? ` (${warnings} warning(s))` : ''}`
        : 'FAIL: the command failed (no violations found)',
    );
  else
    lines.push(
      `FAIL: ${result.violations.length} violation(s)${failing ? ` and ${failing} failing verdict(s)` : ''}${warnings ? `, ${warnings} warning(s)` : ''}`,
    );
  return `${lines.join('\n')}\n`;
};

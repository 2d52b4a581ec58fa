// Turns a gate result into words: the one place violations and the command's outcome become text.
import { RULES } from './rules/index.ts';
import type { GateResult } from './report.ts';

const describe = (id: string): string => RULES.find((r) => r.id === id)?.description ?? id;

export const renderGate = (result: GateResult): string => {
  const lines: string[] = [];
  const cmd = result.command.join(' ');
  const outcome =
    result.exitCode === 0
      ? 'exited 0'
      : result.exitCode === null
        ? `was stopped${result.timedOut ? ' (timed out)' : ''}`
        : `exited ${result.exitCode}`;
  lines.push(`harness gate: \`${cmd}\` ${outcome}; ${result.requests.length} requests audited`);
  if (result.interrupted)
    lines.push(
      `INTERRUPTED by ${result.interrupted}: the command was stopped, this report covers what it sent until then`,
    );
  if (result.violations.length === 0) {
    lines.push(
      result.exitCode === 0 ? 'PASS: no violations' : 'FAIL: the command failed (no violations found)',
    );
    return `${lines.join('\n')}\n`;
  }
  const byRule = new Map<string, typeof result.violations>();
  for (const v of result.violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
  lines.push(`FAIL: ${result.violations.length} violation(s)`);
  for (const [rule, vs] of byRule) {
    lines.push('', `${rule} — ${describe(rule)}`);
    for (const v of vs) {
      const r = v.request;
      lines.push(`  [${v.vendor}] ${v.message}`);
      lines.push(
        `      request #${r.seq}: ${r.method} ${r.url} -> ${r.status} (platform time ${new Date(r.at).toISOString()})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
};

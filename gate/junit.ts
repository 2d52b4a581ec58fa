// The gate's result as JUnit XML for CI: one test case per rule, per quirk verdict and per fault verdict, beside the JSON report.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import junitModule, { type Builder } from 'junit-report-builder';
import type { GateResult } from './report.ts';
import { RULES } from './rules/index.ts';

// The package is CommonJS whose module.exports is the builder itself; its types describe an ES default export.
const junit = ((junitModule as { default?: Builder }).default ?? junitModule) as Builder;

/** The XML: suites `gate rules`, `gate quirks` (with --quirks) and `gate faults` (with --faults). */
export const renderGateJunit = (result: GateResult): string => {
  const builder = junit.newBuilder();
  const rules = builder.testSuite().name('gate rules');
  for (const rule of RULES) {
    const found = result.violations.filter((v) => v.rule === rule.id);
    const tc = rules.testCase().className('gate.rules').name(`${rule.id}: ${rule.description}`);
    if (found.length)
      tc.failure(`${found.length} violation(s)`).stacktrace(
        found
          .map(
            (v) =>
              `[${v.vendor}] request #${v.request.seq} ${v.request.method} ${v.request.url}: ${v.message}`,
          )
          .join('\n'),
      );
  }
  const command = rules.testCase().className('gate.rules').name('the command exits 0');
  if (result.exitCode !== 0)
    command.failure(result.exitCode === null ? 'the command was stopped' : `exited ${result.exitCode}`);
  const verdicts = (
    name: string,
    list: readonly { verdict: string; severity: string; message: string; vendor: string }[],
    label: (i: number) => string,
  ) => {
    const suite = builder.testSuite().name(name);
    list.forEach((v, i) => {
      const tc = suite
        .testCase()
        .className(`${name.replace(' ', '.')}.${v.vendor}`)
        .name(label(i));
      if (v.severity === 'violation') tc.failure(v.message);
      else tc.standardOutput(`${v.verdict}${v.severity === 'warning' ? ' (warning)' : ''}: ${v.message}`);
    });
  };
  if (result.quirks) verdicts('gate quirks', result.quirks, (i) => result.quirks?.[i]?.quirk ?? '');
  if (result.faults)
    verdicts('gate faults', result.faults, (i) => {
      const f = result.faults?.[i];
      return `${f?.failure} at ${f?.endpoint}`;
    });
  return builder.build();
};

export const writeGateJunit = (result: GateResult, file: string): void => {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, renderGateJunit(result));
};

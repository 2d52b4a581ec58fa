// The report as JUnit XML for CI: one testsuite per section, a failed row as a failing testcase, each gate violation a failure.
import junitModule, { type Builder } from 'junit-report-builder';
import { addDriftJunit } from '../drift/report.ts';
import type { HarnessReport } from './model.ts';

/** The JUnit XML of the report's sections (absent sections are left out; an empty gate is one passing case). */
// The package is CommonJS whose module.exports is the builder itself; its types describe an ES default export.
const junit = ((junitModule as { default?: Builder }).default ?? junitModule) as Builder;

export const renderJunit = (report: HarnessReport): string => {
  const builder = junit.newBuilder();
  if (report.run) {
    const suite = builder.testSuite().name('harness run');
    for (const s of report.run.stages) {
      const tc = suite
        .testCase()
        .className('run')
        .name(s.stage)
        .time(s.ms / 1000);
      if (!s.ok) tc.failure(s.detail);
    }
  }
  if (report.coverage) {
    const suite = builder.testSuite().name('contract coverage');
    for (const c of report.coverage) {
      const tc = suite.testCase().className(`coverage.${c.provider}`).name(`${c.endpoint} ${c.case}`);
      if (!c.covered) tc.failure(`no interaction "${c.interaction}" in the committed pact of ${c.provider}`);
    }
  }
  if (report.verification) {
    const suite = builder.testSuite().name('pact verification');
    for (const v of report.verification) {
      const tc = suite
        .testCase()
        .className(`verification.${v.vendor}`)
        .name(`${v.provider} (${v.mode})`)
        .time(v.ms / 1000);
      if (!v.ok) tc.failure(v.message ?? 'verification failed');
    }
  }
  if (report.properties) {
    const suite = builder.testSuite().name('properties');
    for (const p of report.properties) {
      const tc = suite.testCase().className('properties').name(p.name);
      const facts = [
        `seed ${p.seed}, ${p.runs} runs`,
        ...(p.path ? [`path ${p.path}`] : []),
        ...(p.counterexample ? [`counterexample ${p.counterexample}`] : []),
        ...(p.replay ? [`replay: ${p.replay}`] : []),
      ].join('\n');
      tc.standardOutput(facts);
      if (!p.passed) tc.failure(p.message ?? `failed (seed ${p.seed})`).stacktrace(facts);
    }
  }
  if (report.load) {
    const suite = builder.testSuite().name('load checks');
    for (const s of report.load)
      for (const c of s.checks) {
        const tc = suite.testCase().className(`load.${s.scenario}`).name(c.name);
        if (!c.ok) tc.failure(c.detail);
      }
  }
  if (report.gate) {
    const suite = builder.testSuite().name('gate');
    if (report.gate.length === 0) suite.testCase().className('gate').name('no violations');
    for (const g of report.gate)
      suite
        .testCase()
        .className(`gate.${g.vendor}`)
        .name(`${g.rule}: ${g.request.method} ${g.request.url}`)
        .failure(g.message, g.rule)
        .stacktrace(`${g.request.method} ${g.request.url} -> ${g.request.status} at ${g.request.at}`);
  }
  if (report.drift) addDriftJunit(builder, report.drift);
  return builder.build();
};

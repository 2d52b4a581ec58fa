// The gate's JUnit XML: one test case per rule (failing when it found something), per quirk verdict and per fault verdict.
import { describe, expect, it } from 'vitest';
import { renderGateJunit } from './junit.ts';
import { RULES } from './rules/index.ts';

const base = {
  command: ['x'],
  exitCode: 0,
  timedOut: false,
  requests: [],
  runs: 3,
  totals: {},
  violations: [],
};

describe('gate JUnit', () => {
  it('has a case per rule and for the exit code; a rule with findings fails', () => {
    const xml = renderGateJunit({
      ...base,
      violations: [
        {
          rule: 'poll-rate',
          vendor: 'v',
          message: 'polled too soon',
          request: { seq: 3, method: 'GET', url: '/u', status: 200, at: 0 },
        },
      ],
    });
    expect(xml.match(/<testcase classname="gate\.rules"/g)).toHaveLength(RULES.length + 1);
    expect(xml).toMatch(/name="poll-rate: [^"]*"[^>]*>\s*<failure message="1 violation\(s\)"/);
    expect(xml.match(/<failure/g)).toHaveLength(1);
  });

  it('fails a case per failing verdict; warnings and passes are passing cases with their message', () => {
    const quirk = (verdict: string, severity: string) => ({
      quirk: `v.${verdict}`,
      vendor: 'v',
      title: 't',
      verdict,
      severity,
      message: `${verdict} message`,
      baseline: [],
    });
    const xml = renderGateJunit({
      ...base,
      quirks: [quirk('breaks-on', 'violation'), quirk('depends-on-misspelling', 'warning')] as never,
      faults: [
        {
          failure: 'v.500',
          title: 't',
          vendor: 'v',
          endpoint: 'create',
          verdict: 'ignored',
          severity: 'violation',
          message: 'ignored message',
          violations: [],
        },
      ],
    });
    expect(xml).toMatch(/name="v\.breaks-on"[^>]*>\s*<failure message="breaks-on message"/);
    expect(xml).toMatch(/name="v\.depends-on-misspelling"[^>]*>\s*<system-out>/);
    expect(xml).toMatch(/name="v\.500 at create"[^>]*>\s*<failure message="ignored message"/);
  });
});

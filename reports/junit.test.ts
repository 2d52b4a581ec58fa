// Tests of the JUnit XML: one testsuite per section, failures where the sample report has them, text escaped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJunit } from './junit.ts';
import { HarnessReport } from './model.ts';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const sample = HarnessReport.parse(
  JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'failing-full-report.json'), 'utf8')),
);

const suiteAttrs = (xml: string): Record<string, { tests: number; failures: number }> =>
  Object.fromEntries(
    [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [
      m[1]!,
      { tests: Number(m[2]), failures: Number(m[3]) },
    ]),
  );

describe('renderJunit', () => {
  it('writes one testsuite per section present, with its failures counted', () => {
    const xml = renderJunit(sample);
    expect(suiteAttrs(xml)).toEqual({
      'harness run': { tests: 1, failures: 0 },
      'contract coverage': { tests: sample.coverage!.length, failures: 0 },
      'pact verification': { tests: 3, failures: 1 },
      properties: { tests: 3, failures: 1 },
      'load checks': { tests: 4, failures: 0 },
      gate: { tests: 2, failures: 2 },
    });
    expect(xml).toContain('seed 42');
    expect(xml).toContain("--seed 42 --path '7:1:0'");
  });

  it('escapes the data it writes', () => {
    const xml = renderJunit(sample);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;img src=x');
  });

  it('leaves absent sections out and shows an empty gate as one passing case', () => {
    const xml = renderJunit({ generatedAt: 'now', sourceDir: 'x', gate: [], absent: [] });
    expect(suiteAttrs(xml)).toEqual({ gate: { tests: 1, failures: 0 } });
  });

  it('fails a coverage row whose interaction is missing', () => {
    const xml = renderJunit({
      generatedAt: 'now',
      sourceDir: 'x',
      absent: [],
      coverage: [
        { provider: 'enos', endpoint: 'POST /a', case: '200 ok', interaction: 'gone', covered: false },
      ],
    });
    expect(suiteAttrs(xml)['contract coverage']).toEqual({ tests: 1, failures: 1 });
    expect(xml).toContain('no interaction &quot;gone&quot;');
  });
});

// Checks that the committed OceanConnect pact pins every row of the coverage table, and nothing unlisted.
import { PACT_PROVIDER } from './constraints.ts';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../common/coverage.ts';
import { committedPactPath } from '../common/pact.ts';
import { COVERAGE, OC_INTERACTIONS } from './coverage.ts';
import { OC_ERRORS } from './errors.ts';

type PactFile = { interactions: { description: string }[] };

const pactPath = committedPactPath(PACT_PROVIDER);
const readPact = (): PactFile => {
  if (!existsSync(pactPath)) throw new Error(`no committed pact at ${pactPath}: run the consumer test first`);
  return JSON.parse(readFileSync(pactPath, 'utf8')) as PactFile;
};

describe('OceanConnect contract coverage', () => {
  it('the committed pact covers every row', () => {
    const missing = checkCoverage(COVERAGE, () => readPact())
      .filter((c) => !c.covered)
      .map((c) => `${c.row.endpoint} / ${c.row.case}`);
    expect(missing).toEqual([]);
  });

  it('a row whose interaction is lost is reported', () => {
    const row = { ...COVERAGE[0]!, interaction: 'an interaction nobody wrote' };
    expect(checkCoverage([row], () => readPact())[0]!.covered).toBe(false);
  });

  it('every interaction of the pact has a row, and every described interaction is in the table once', () => {
    const rows = COVERAGE.map((r) => r.interaction);
    expect(
      readPact()
        .interactions.map((i) => i.description)
        .sort(),
    ).toEqual([...rows].sort());
    expect([...rows].sort()).toEqual(Object.values(OC_INTERACTIONS).sort());
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('every documented error row (seed table and 100223) has a coverage row', () => {
    const cases = COVERAGE.map((r) => r.case);
    for (const e of OC_ERRORS) {
      expect(cases.some((c) => c.startsWith(`${e.httpStatus} ${e.code} `))).toBe(true);
    }
  });

  it('rows belong to this provider', () => {
    for (const r of COVERAGE) expect(r.provider).toBe(PACT_PROVIDER);
  });
});

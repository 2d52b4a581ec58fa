import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VENDORS } from '../vendors/index.ts';
import { committedPactPath } from './common/pact.ts';
import { COVERAGE, checkCommittedCoverage } from './coverage.ts';

describe('contract coverage table', () => {
  it('every row is pinned by an interaction in its committed pact', () => {
    const missing = checkCommittedCoverage()
      .filter((c) => !c.covered)
      .map((c) => `${c.row.provider}: ${c.row.endpoint} / ${c.row.case} (${c.row.interaction})`);
    expect(missing).toEqual([]);
  });

  it('a lost interaction is noticed', () => {
    const row = COVERAGE[0]!;
    const check = checkCommittedCoverage([{ ...row, interaction: `${row.interaction} (renamed)` }]);
    expect(check[0]!.covered).toBe(false);
  });

  it('every interaction in the committed pacts is listed in the table', () => {
    for (const provider of VENDORS.map((v) => v.pactProvider)) {
      const pact = JSON.parse(readFileSync(committedPactPath(provider), 'utf8')) as {
        interactions: { description: string }[];
      };
      const listed = new Set(COVERAGE.filter((r) => r.provider === provider).map((r) => r.interaction));
      const unlisted = pact.interactions.map((i) => i.description).filter((d) => !listed.has(d));
      expect(unlisted, provider).toEqual([]);
    }
  });

  it('has one row per endpoint and case', () => {
    const keys = COVERAGE.map((r) => `${r.provider} ${r.endpoint} ${r.case}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

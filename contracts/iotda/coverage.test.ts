// The committed IoTDA pact holds an interaction for every coverage row, and every interaction has a row.
import { PACT_PROVIDER } from './constraints.ts';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../common/coverage.ts';
import { committedPactPath } from '../common/pact.ts';
import { COVERAGE, INTERACTIONS } from './coverage.ts';

type PactFile = { interactions: { description: string }[] };
const readPact = (): PactFile | undefined => {
  const file = committedPactPath(PACT_PROVIDER);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PactFile) : undefined;
};

describe('IoTDA contract coverage', () => {
  it('the committed pact covers every row', () => {
    const missing = checkCoverage(COVERAGE, readPact)
      .filter((c) => !c.covered)
      .map((c) => `${c.row.endpoint} / ${c.row.case}`);
    expect(missing).toEqual([]);
  });

  it('a renamed interaction is reported as missing', () => {
    const row = COVERAGE[0]!;
    expect(checkCoverage([{ ...row, interaction: `${row.interaction} (lost)` }], readPact)[0]!.covered).toBe(
      false,
    );
  });

  it('every interaction of the pact has a row, and every description constant is used by one row', () => {
    const rows = new Set(COVERAGE.map((r) => r.interaction));
    expect((readPact()?.interactions ?? []).map((i) => i.description).filter((d) => !rows.has(d))).toEqual(
      [],
    );
    expect(Object.values(INTERACTIONS).filter((d) => !rows.has(d))).toEqual([]);
    expect(rows.size).toBe(COVERAGE.length);
  });

  it('rows are all for the IoTDA provider', () => {
    expect(COVERAGE.every((r) => r.provider === PACT_PROVIDER)).toBe(true);
  });
});

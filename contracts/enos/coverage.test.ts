// Checks that the committed EnOS pact and the coverage table agree, in both directions.
import { PACT_PROVIDER } from './constraints.ts';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../common/coverage.ts';
import { committedPactPath } from '../common/pact.ts';
import { COVERAGE, INTERACTIONS } from './coverage.ts';
import { ENOS_STATES } from './provider-states.ts';

type Pact = { interactions?: { description?: string; providerStates?: { name: string }[] }[] };
const file = committedPactPath(PACT_PROVIDER);
const readPact = (): Pact | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Pact) : undefined;

describe('EnOS contract coverage', () => {
  it('the committed pact covers every row of the coverage table', () => {
    const missing = checkCoverage(COVERAGE, readPact)
      .filter((c) => !c.covered)
      .map((c) => `${c.row.endpoint} ${c.row.case}`);
    expect(missing).toEqual([]);
  });

  it('every interaction of the committed pact has a row, and every row a distinct interaction', () => {
    const described = (readPact()?.interactions ?? []).map((i) => i.description);
    expect([...described].sort()).toEqual(COVERAGE.map((r) => r.interaction).sort());
    expect(new Set(Object.values(INTERACTIONS)).size).toBe(COVERAGE.length);
  });

  it('every interaction names one of the exported provider states', () => {
    const names = new Set<string>(Object.values(ENOS_STATES));
    for (const i of readPact()?.interactions ?? [])
      for (const s of i.providerStates ?? []) expect(names.has(s.name), s.name).toBe(true);
  });
});

// The contract coverage table of every registered provider, checked against the committed pact files.
import { existsSync, readFileSync } from 'node:fs';
import { checkCoverage, type CoverageCheck, type CoverageRow } from './common/coverage.ts';
import { committedPactPath, type ProviderName } from './common/pact.ts';
import { VENDORS } from '../vendors/index.ts';

/** Every registered vendor's rows (contracts/<vendor>/coverage.ts), in registry order. */
export const COVERAGE: CoverageRow[] = VENDORS.flatMap((v) => [...v.coverage]);

const readCommittedPact = (provider: ProviderName) => {
  const file = committedPactPath(provider);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { interactions?: { description?: string }[] })
    : undefined;
};

export const checkCommittedCoverage = (rows: CoverageRow[] = COVERAGE): CoverageCheck =>
  checkCoverage(rows, readCommittedPact);

/** The table as Markdown, for the README and the report. */
export const coverageMarkdown = (check: CoverageCheck = checkCommittedCoverage()): string => {
  const lines = ['| provider | endpoint | case | pinned |', '|---|---|---|---|'];
  for (const { row, covered } of check) {
    lines.push(
      `| ${row.provider} | \`${row.endpoint}\` | ${row.case} | ${covered ? 'yes' : '**missing**'} |`,
    );
  }
  return lines.join('\n');
};

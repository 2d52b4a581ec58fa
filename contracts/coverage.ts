// The contract coverage table of all three providers, checked against the committed pact files.
import { existsSync, readFileSync } from 'node:fs';
import { checkCoverage, type CoverageCheck, type CoverageRow } from './common/coverage.ts';
import { committedPactPath, type ProviderName } from './common/pact.ts';
import { COVERAGE as ENOS } from './enos/coverage.ts';
import { COVERAGE as IOTDA } from './iotda/coverage.ts';
import { COVERAGE as OCEANCONNECT } from './oceanconnect/coverage.ts';

export const COVERAGE: CoverageRow[] = [...ENOS, ...OCEANCONNECT, ...IOTDA];

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

// `harness contracts`: prints the contract coverage table and fails when a committed pact lost a row.
import type { SubcommandRun } from '../subcommands.ts';

export const run: SubcommandRun = async ({ options }) => {
  const { checkCommittedCoverage, coverageMarkdown } = await import('../../contracts/coverage.ts');
  const check = checkCommittedCoverage();
  if (options.json) process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
  else process.stdout.write(`${coverageMarkdown(check)}\n`);
  const missing = check.filter((c) => !c.covered).length;
  process.stderr.write(
    `${check.length - missing} of ${check.length} documented cases pinned by the committed pacts\n`,
  );
  return missing === 0 ? 0 : 1;
};

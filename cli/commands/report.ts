// `harness report`: builds the HTML, JSON and JUnit reports from the results in a folder and prints their paths.
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

export const run: SubcommandRun = async ({ options, context = defaultContext() }) => {
  const { checkCommittedCoverage } = await import('../../contracts/coverage.ts');
  const { collectReport, coverageEntriesOf } = await import('../../reports/model.ts');
  const { writeReport } = await import('../../reports/write.ts');
  const dir = typeof options.dir === 'string' ? options.dir : context.out;
  const out = typeof options.out === 'string' ? options.out : dir;
  const report = collectReport(dir, { coverage: coverageEntriesOf(checkCommittedCoverage()) });
  const paths = writeReport(report, out);
  for (const a of report.absent) process.stderr.write(`no ${a.section}: ${a.reason}\n`);
  process.stdout.write(`${paths.html}\n${paths.json}\n${paths.junit}\n`);
  return 0;
};

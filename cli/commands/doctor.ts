// `harness doctor [command]`: every prerequisite checked, one line each; exit 1 when one the command needs (default: run) is missing.
import { CHECK_IDS, type Check, type CheckId, runCheck } from '../../runtime/prerequisites.ts';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

/** The line of one check: `ok` or `missing`, the tool, what was found, and for a missing one what it is for and how to get it. */
export const doctorLine = (check: Check, needed: boolean, about: { for: string; fix: string }): string => {
  const state = check.ok ? 'ok     ' : needed ? 'MISSING' : 'missing';
  const tail = check.ok ? '' : ` -- ${about.for}; ${about.fix}`;
  return `${state} ${check.id.padEnd(8)} ${check.detail}${tail}`;
};

export const run: SubcommandRun = async ({ args, context = defaultContext() }) => {
  const { SUBCOMMANDS } = await import('../subcommands.ts');
  const { ABOUT } = await import('../../runtime/prerequisites.ts');
  const name = args[0] ?? 'run';
  const sub = SUBCOMMANDS.find((s) => s.name === name);
  if (!sub) {
    process.stderr.write(
      `harness doctor: no command ${name}; one of ${SUBCOMMANDS.map((s) => s.name).join(', ')}\n`,
    );
    return 2;
  }
  const needed = new Set<CheckId>(['node', ...(sub.needs?.({}) ?? [])]);
  const checks = await Promise.all(CHECK_IDS.map((id) => runCheck(id, { out: context.out })));
  for (const c of checks) process.stdout.write(`${doctorLine(c, needed.has(c.id), ABOUT[c.id])}\n`);
  const missing = checks.filter((c) => !c.ok && needed.has(c.id));
  process.stdout.write(
    missing.length === 0
      ? `harness doctor: everything \`harness ${name}\` needs is here\n`
      : `harness doctor: \`harness ${name}\` cannot run without ${missing.map((c) => c.id).join(', ')}\n`,
  );
  return missing.length === 0 ? 0 : 1;
};

#!/usr/bin/env node
// The `harness` command line: subcommands declared in one table, each loaded lazily when it runs, with the run's context (output folder, stop signal) resolved here once.
import module from 'node:module';
import path from 'node:path';
import { Command } from 'commander';
import { watchLifetime } from '../runtime/lifetime.ts';
import { resolveOutDir } from '../runtime/out-dir.ts';
import { adviceLine, runCheck } from '../runtime/prerequisites.ts';
import { harnessCacheRoot } from '../simulators/wiremock/class-data.ts';
import { STOPPING, SUBCOMMANDS } from './subcommands.ts';

// Node keeps the compiled code of every module it loads (type-stripped TypeScript included) in the harness's cache,
// so later runs load the subcommands about twice as fast (bench/startup); a stale entry is simply recompiled.
module.enableCompileCache?.(path.join(harnessCacheRoot(), 'node-compile-cache'));

// Pact otherwise reports usage over the network; the harness never talks to anything but loopback.
process.env.PACT_DO_NOT_TRACK ??= 'true';

type GlobalFlags = { out?: string; detached?: boolean };

const program = new Command('harness')
  .description('Contract tests and simulators for the device-command APIs of EnOS, OceanConnect and IoTDA')
  .option('--out <dir>', 'folder for reports and work files (default: HARNESS_OUT, else ./reports/out)')
  .option('--detached', 'keep running when the process that started the harness ends')
  .enablePositionalOptions()
  .showHelpAfterError()
  .addHelpText('after', `\n${STOPPING}\nRun \`harness doctor\` to check the prerequisites.`);

/** One line, never a stack trace (HARNESS_DEBUG=1 prints it). */
const failure = (name: string, err: unknown): number => {
  const text = err instanceof Error ? err.message : String(err);
  process.stderr.write(`harness${name ? ` ${name}` : ''}: ${text.split('\n')[0]}\n`);
  if (process.env.HARNESS_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
};

for (const sub of SUBCOMMANDS) {
  const cmd = program.command(sub.name).description(sub.description);
  for (const arg of sub.args ?? []) cmd.argument(arg.name, arg.description);
  for (const opt of sub.options ?? []) {
    if (opt.default !== undefined) cmd.option(opt.flags, opt.description, opt.default);
    else cmd.option(opt.flags, opt.description);
  }
  if (sub.help) cmd.addHelpText('after', `\n${sub.help}`);
  cmd.action(async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    const options = command.opts();
    const globals = program.opts<GlobalFlags>();
    const out = resolveOutDir(globals.out);
    if (!out.ok) {
      process.stderr.write(`harness ${sub.name}: ${out.message}\n`);
      process.exitCode = 2;
      return;
    }
    for (const id of sub.needs?.(options) ?? []) {
      const check = await runCheck(id, { out: out.dir, quick: true });
      if (!check.ok) {
        process.stderr.write(`${adviceLine(sub.name, check)}\n`);
        process.exitCode = 1;
        return;
      }
    }
    const life = watchLifetime({ detached: globals.detached === true });
    let code: number;
    try {
      const run = await sub.load();
      code = await run({ args: command.args, options, context: { out: out.dir, stop: life.signal } });
    } catch (err) {
      code = failure(sub.name, err);
    }
    await life.finish(code);
  });
}

await program.parseAsync(process.argv).catch((err: unknown) => {
  process.exitCode = failure('', err);
});

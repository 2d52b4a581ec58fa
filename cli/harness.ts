#!/usr/bin/env node
// The `harness` command line: subcommands declared in one table, each loaded lazily when it runs.
import module from 'node:module';
import path from 'node:path';
import { Command } from 'commander';
import { harnessCacheRoot } from '../simulators/wiremock/class-data.ts';
import { SUBCOMMANDS } from './subcommands.ts';

// Node keeps the compiled code of every module it loads (type-stripped TypeScript included) in the harness's cache,
// so later runs load the subcommands about twice as fast (bench/startup); a stale entry is simply recompiled.
module.enableCompileCache?.(path.join(harnessCacheRoot(), 'node-compile-cache'));

// Pact otherwise reports usage over the network; the harness never talks to anything but loopback.
process.env.PACT_DO_NOT_TRACK ??= 'true';

const program = new Command('harness')
  .description('Contract tests and simulators for the device-command APIs of EnOS, OceanConnect and IoTDA')
  .showHelpAfterError();

for (const sub of SUBCOMMANDS) {
  const cmd = program.command(sub.name).description(sub.description);
  for (const arg of sub.args ?? []) cmd.argument(arg.name, arg.description);
  for (const opt of sub.options ?? []) {
    if (opt.default !== undefined) cmd.option(opt.flags, opt.description, opt.default);
    else cmd.option(opt.flags, opt.description);
  }
  cmd.action(async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    const run = await sub.load();
    process.exitCode = await run({ args: command.args, options: command.opts() });
  });
}

await program.parseAsync(process.argv);

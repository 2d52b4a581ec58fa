// The table of subcommands: names, arguments and flags as data; the code of each is imported only when it runs.

import { SIM_FLAGS } from './commands/sim-options.ts';

export type SubcommandInput = { args: string[]; options: Record<string, unknown> };
export type SubcommandRun = (input: SubcommandInput) => Promise<number>;

export type Subcommand = {
  name: string;
  description: string;
  args?: { name: string; description: string }[];
  options?: { flags: string; description: string; default?: string | boolean }[];
  load: () => Promise<SubcommandRun>;
};

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'run',
    description:
      'the main job on the embedded defaults: every stage that exists, a summary and a JSON report',
    load: async () => (await import('./commands/run.ts')).run,
  },
  {
    name: 'sim',
    description:
      'start the simulators (WireMock in front of the platform model), print the ready line, run until stopped',
    options: SIM_FLAGS,
    load: async () => (await import('./commands/sim.ts')).run,
  },
  {
    name: 'contracts',
    description: 'check the committed pacts against the contract coverage table and print it',
    options: [{ flags: '--json', description: 'print the check as JSON' }],
    load: async () => (await import('./commands/contracts.ts')).run,
  },
];

// The table of subcommands: names, arguments and flags as data; the code of each is imported only when it runs.

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
    name: 'contracts',
    description: 'check the committed pacts against the contract coverage table and print it',
    options: [{ flags: '--json', description: 'print the check as JSON' }],
    load: async () => (await import('./commands/contracts.ts')).run,
  },
];

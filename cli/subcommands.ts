// The table of subcommands: names, arguments and flags as data; the code of each is imported only when it runs.

import type { CheckId } from '../runtime/prerequisites.ts';
import { GATE_FLAGS } from './commands/gate.ts';
import { SIM_FLAGS } from './commands/sim-options.ts';
import type { RunContext } from './context.ts';

/** `context` is given by the entry point; a command called without one (tests) uses defaultContext(). */
export type SubcommandInput = { args: string[]; options: Record<string, unknown>; context?: RunContext };
export type SubcommandRun = (input: SubcommandInput) => Promise<number>;

export type Subcommand = {
  name: string;
  description: string;
  args?: { name: string; description: string }[];
  options?: { flags: string; description: string; default?: string | boolean }[];
  /** Text after the flags in `harness <name> --help`. */
  help?: string;
  /** The prerequisites (runtime/prerequisites.ts) this run of the command cannot start without. */
  needs?: (options: Record<string, unknown>) => CheckId[];
  load: () => Promise<SubcommandRun>;
};

/** A simulator with the embedded WireMock: Java and the jar. */
const SIMULATOR: CheckId[] = ['java', 'wiremock'];

/** What `--launcher` asks for: the embedded WireMock, a container engine, or nothing (a WireMock already running). */
const launcherNeeds = (launcher: unknown): CheckId[] =>
  launcher === 'container' ? ['docker'] : launcher === 'external' ? [] : SIMULATOR;

/** How every long-running command stops; `harness sim --help` and the README say the same. */
export const STOPPING =
  'Stops on SIGINT, SIGTERM or SIGHUP, sent to it or to whatever started it (npx, npm run, npm start, the harness bin): ' +
  'every process of the run (node, the WireMock JVM, k6, a gate command and its children) ends within 5 s and the ports are freed. ' +
  'It also stops when the process that started it ends, unless started with `harness --detached`.';

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'run',
    description:
      'the main job on the embedded defaults: every stage that exists, a summary and a JSON report',
    help: STOPPING,
    needs: () => [...SIMULATOR, 'k6', 'out'],
    load: async () => (await import('./commands/run.ts')).run,
  },
  {
    name: 'sim',
    description:
      'start the simulators (WireMock in front of the platform model), print the ready line, run until stopped',
    options: SIM_FLAGS,
    help: STOPPING,
    needs: (o) => launcherNeeds(o.launcher),
    load: async () => (await import('./commands/sim.ts')).run,
  },
  {
    name: 'load',
    description:
      'run one k6 load scenario (at-limit, over-limit, fleet-drain, back-off) against the simulator',
    args: [{ name: '<scenario>', description: 'at-limit | over-limit | fleet-drain | back-off' }],
    options: [
      { flags: '--profile <name>', description: 'profile in load/profiles.json', default: 'smoke' },
      { flags: '--segments <n>', description: 'k6 execution segments (one k6 process each)' },
      { flags: '--time-scale <n>', description: 'platform seconds per wall second' },
      { flags: '--windows <n>', description: 'throttle windows to cover' },
      {
        flags: '--front-door',
        description: 'send the load through WireMock instead of to the platform model',
      },
      {
        flags: '--against <list>',
        description: 'running simulators: ready files or control URLs, comma-separated',
      },
      {
        flags: '--route <route>',
        description: 'platform or front-door, for simulators given with --against',
      },
      { flags: '--prepare-only', description: 'write the run file for a distributed run and stop' },
      {
        flags: '--advertise <origins>',
        description: 'origins the run file names, for runs from other hosts',
      },
      { flags: '--out <file>', description: 'where to write the JSON report' },
      { flags: '--json', description: 'print the report as JSON' },
      { flags: '--no-build', description: 'never build k6 with Go' },
    ],
    needs: (o) => [...(o.against ? [] : SIMULATOR), ...(o.prepareOnly ? [] : (['k6'] as const)), 'out'],
    load: async () => (await import('./commands/load.ts')).run,
  },
  {
    name: 'plan',
    description:
      'capacity plan: time to cancel a fleet under the per-application limit, analytic and simulated in virtual time',
    options: [
      { flags: '--devices <n>', description: 'devices in the fleet' },
      { flags: '--pending <k>', description: 'pending commands per device' },
      { flags: '--apps <a>', description: 'application keys' },
      { flags: '--deadline <duration>', description: 'platform time: 90s, 30m, 1h30m, or minutes' },
      {
        flags: '--strategy <s>',
        description: 'revoke (one revocation task per device) or modify (one call per command)',
        default: 'revoke',
      },
      { flags: '--rate <r>', description: 'calls per window per application (default: the limit)' },
      {
        flags: '--token-lifetime <duration>',
        description: "what-if: the token's lifetime (a login renews it)",
        default: '3600s',
      },
      { flags: '--logins-count', description: 'what-if: logins count against the throttle' },
      {
        flags: '--latency <profile>',
        description: 'what-if: none, fixed:<ms> or lognormal:<medianMs>,<sigma>[,<maxMs>] (platform ms)',
        default: 'none',
      },
      {
        flags: '--faults <status/n>',
        description: 'what-if: a 500 or 503 every n-th drain call, e.g. 503/100',
      },
      {
        flags: '--retries <n>',
        description: 'tries after the first for a refused or failed call',
        default: '3',
      },
      {
        flags: '--retry-backoff <duration>',
        description: 'first wait after a 500/503 (doubling)',
        default: '2s',
      },
      {
        flags: '--online <share>',
        description: 'what-if: share of devices coming online mid-drain (0.1 or 10%)',
      },
      {
        flags: '--throttle <algorithm>',
        description: 'what-if: fixed-window, sliding-window or token-bucket',
        default: 'fixed-window',
      },
      { flags: '--in-process', description: 'drive the platform in this process (no HTTP)' },
      { flags: '--cross-check', description: 'also run each case in-process and compare the accounting' },
      { flags: '--no-measure', description: 'analytic estimate only' },
      { flags: '--no-measure-fewest', description: 'do not measure the fewest-keys fleet' },
      { flags: '--out <file>', description: 'where to write the JSON plan (its work folders go beside it)' },
      { flags: '--json', description: 'print the plan as JSON' },
    ],
    needs: (o) => (o.measure === false ? ['out'] : [...SIMULATOR, 'k6', 'out']),
    load: async () => (await import('./commands/plan.ts')).run,
  },
  {
    name: 'props',
    description: 'run the property suite against the simulator (with --mutations: the mutation check)',
    options: [
      { flags: '--runs <n>', description: "runs per property (default: each property's npm-test share)" },
      { flags: '--seed <s>', description: 'seed of every property run (with --path: replay a failure)' },
      { flags: '--path <p>', description: 'replay the counterexample at this path (with --only and --seed)' },
      { flags: '--replay-path <r>', description: 'the replayPath printed with a failing command sequence' },
      { flags: '--only <names>', description: 'comma-separated property names, * as wildcard' },
      { flags: '--through <way>', description: 'direct or wiremock', default: 'direct' },
      { flags: '--max-commands <n>', description: 'longest step sequence of one model run (default 30)' },
      { flags: '--mutations [names]', description: 'run the mutation check: every fault, or these' },
      { flags: '--save-regressions', description: 'with --mutations: shrink each caught fault and save it' },
      { flags: '--report <file>', description: 'JSON report (default: props.json in the output folder)' },
      { flags: '--json', description: 'also print the report as JSON' },
      { flags: '--list', description: 'list the properties and exit' },
    ],
    needs: (o) => (o.through === 'wiremock' ? SIMULATOR : []),
    load: async () => (await import('./commands/props.ts')).run,
  },
  {
    name: 'verify-pact',
    description:
      "verify a third party's consumer pact against the simulator and explain vendor-specific failures",
    args: [{ name: '<pact>', description: 'the pact file (Pact V3 or V4 JSON)' }],
    options: [
      {
        flags: '--mode <mode>',
        description: 'stateful (provider states set) or replay (documented answers only)',
        default: 'stateful',
      },
      {
        flags: '--vendor <vendor>',
        description: 'a registered vendor id (default: from the provider name or paths)',
      },
      {
        flags: '--platform-only',
        description: 'start the platform model alone, without WireMock (stateful only)',
      },
      { flags: '--against <url>', description: 'base URL of a running simulator instead of starting one' },
      { flags: '--control <url>', description: 'its control API (.../__control), with --against' },
      { flags: '--out <file>', description: 'also write the verdict as JSON' },
      { flags: '--json', description: 'print the verdict as JSON' },
    ],
    // The full simulator unless one runs already (--against) or the platform model alone will do.
    needs: (o) => (o.against || (o.platformOnly && o.mode !== 'replay') ? [] : SIMULATOR),
    load: async () => (await import('./commands/verify-pact.ts')).run,
  },
  {
    name: 'drift',
    description: 'run the pinned contracts against a vendor endpoint or a recording and write a drift report',
    options: [
      {
        flags: '--target <url>',
        description: 'base URL to replay the pinned contracts against (credentials from HARNESS_DRIFT_*)',
      },
      {
        flags: '--control <url>',
        description: 'control API, only when the target is our simulator (provider states are set)',
      },
      {
        flags: '--recording <dir>',
        description: 'WireMock mapping files (record-mode root or mappings folder) instead of live calls',
      },
      {
        flags: '--vendor <list>',
        description: 'comma-separated vendor ids (default: every registered vendor)',
      },
      {
        flags: '--min-coverage <share>',
        description:
          'share (0..1) of the reproducible interactions that must be compared, else the run fails',
        default: '0.5',
      },
      {
        flags: '--out <file>',
        description: 'where to write the report (default: drift.json in the output folder)',
      },
      { flags: '--junit <file>', description: 'also write JUnit XML (one test case per endpoint)' },
      { flags: '--json', description: 'print the report as JSON' },
      { flags: '--verbose', description: 'also list every interaction not compared, with the reason' },
    ],
    load: async () => (await import('./commands/drift.ts')).run,
  },
  {
    name: 'report',
    description:
      'write report.html, report.json and junit.xml from the results in a folder, print their paths',
    options: [
      { flags: '--dir <dir>', description: 'folder of results (default: the output folder)' },
      { flags: '--out <dir>', description: 'where to write the three files (default: the --dir folder)' },
    ],
    load: async () => (await import('./commands/report.ts')).run,
  },
  {
    name: 'gate',
    description:
      'start the simulators, run a client command with their URLs, credentials and device ids in env vars, audit every request it sent',
    args: [{ name: '<command...>', description: 'the client command, after --' }],
    options: GATE_FLAGS,
    help: STOPPING,
    needs: () => [...SIMULATOR, 'out'],
    load: async () => (await import('./commands/gate.ts')).run,
  },
  {
    name: 'contracts',
    description: 'check the committed pacts against the contract coverage table and print it',
    options: [{ flags: '--json', description: 'print the check as JSON' }],
    load: async () => (await import('./commands/contracts.ts')).run,
  },
  {
    name: 'doctor',
    description:
      'check the prerequisites (Node, Java, the WireMock jar, k6, Python, Go, Docker, the output folder), one line each',
    args: [{ name: '[command]', description: 'fail only on what this command needs (default: run)' }],
    load: async () => (await import('./commands/doctor.ts')).run,
  },
];

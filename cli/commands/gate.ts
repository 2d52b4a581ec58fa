// `harness gate [options] -- <command...>`: runs a client's own tests against the simulators and audits what it sent.
import os from 'node:os';
import path from 'node:path';
import { renderProblem } from '../../contracts/common/problem.ts';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';
import { simOptionsFrom, THROTTLED_NAMES } from './sim-options.ts';

/** The flags, for the table in cli/subcommands.ts. */
export const GATE_FLAGS = [
  { flags: '--time-scale <n>', description: 'platform seconds per wall second', default: '1' },
  { flags: '--devices <n>', description: 'devices per vendor in the default fleet', default: '10' },
  {
    flags: '--throttle-limit <n>',
    description: `${THROTTLED_NAMES} calls per window per application`,
    default: '100',
  },
  {
    flags: '--throttle-window <ms>',
    description: `${THROTTLED_NAMES} throttle window in platform ms`,
    default: '60000',
  },
  { flags: '--max-poll-rate <n>', description: 'most GETs of one URL per platform second', default: '1' },
  {
    flags: '--min-backoff <ms>',
    description: 'least platform ms before retrying a request that got an error',
    default: '1000',
  },
  { flags: '--timeout <s>', description: 'wall seconds the command may run', default: '300' },
  { flags: '--report <file>', description: 'JSON report (default: gate.json in the output folder)' },
  { flags: '--ready-file <file>', description: 'where the ready line is written for the command' },
  { flags: '--json', description: 'print the result as JSON instead of the list' },
  {
    flags: '--verbose',
    description: 'show each violation’s request headers and body (secrets blanked), and every verdict',
  },
  {
    flags: '--quirks',
    description: 'rerun without each vendor quirk the run met, one at a time, and compare',
  },
  {
    flags: '--faults',
    description: 'rerun with each documented vendor failure at each endpoint used, one per run',
  },
  {
    flags: '--fault-ids <ids>',
    description:
      'with --faults: only these documented failures (comma-separated ids, as GET /__control/injections lists them)',
  },
  { flags: '--parallel <n>', description: 'most simulators (and runs) at once for the reruns', default: '2' },
  {
    flags: '--junit <file>',
    description: 'JUnit XML: one test case per rule and per quirk or fault verdict',
  },
];

export type GateFlags = {
  timeScale?: string;
  devices?: string;
  throttleLimit?: string;
  throttleWindow?: string;
  maxPollRate?: string;
  minBackoff?: string;
  timeout?: string;
  report?: string;
  readyFile?: string;
  json?: boolean;
  verbose?: boolean;
  quirks?: boolean;
  faults?: boolean;
  parallel?: string;
  faultIds?: string;
  junit?: string;
};

const positive = (name: string, text: string | undefined, fallback: number): number | string => {
  if (text === undefined) return fallback;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : `--${name} must be a positive number, got ${text}`;
};

export const run: SubcommandRun = async ({ args, options, context = defaultContext() }) => {
  const flags = options as GateFlags;
  if (args.length === 0) {
    process.stderr.write('harness gate: give the command to run after --, e.g. harness gate -- npm test\n');
    return 2;
  }
  const sim = simOptionsFrom({
    timeScale: flags.timeScale,
    devices: flags.devices,
    throttleLimit: flags.throttleLimit,
    throttleWindow: flags.throttleWindow,
  });
  const maxPollRate = positive('max-poll-rate', flags.maxPollRate, 1);
  const minBackoff = flags.minBackoff === '0' ? 0 : positive('min-backoff', flags.minBackoff, 1000);
  const timeout = positive('timeout', flags.timeout, 300);
  const parallel = positive('parallel', flags.parallel, 2);
  if (typeof parallel === 'number' && !Number.isInteger(parallel)) {
    process.stderr.write(`harness gate: --parallel must be a whole number, got ${flags.parallel}\n`);
    return 2;
  }
  const faultIds = flags.faultIds?.split(',').filter(Boolean);
  if (faultIds) {
    const { allFailures } = await import('../../contracts/failures.ts');
    const known = allFailures().map((f) => f.id);
    const unknown = faultIds.filter((id) => !known.includes(id));
    if (unknown.length) {
      process.stderr.write(
        `harness gate: --fault-ids: no documented failure ${unknown.join(', ')} (known: ${known.join(', ')})\n`,
      );
      return 2;
    }
  }
  for (const v of [maxPollRate, minBackoff, timeout, parallel])
    if (typeof v === 'string') {
      process.stderr.write(`harness gate: ${v}\n`);
      return 2;
    }
  if (!sim.ok) {
    process.stderr.write(`harness gate: ${sim.message}\n`);
    return 2;
  }
  const { runGate } = await import('../../gate/run-gate.ts');
  const { gateExitCode } = await import('../../gate/report.ts');
  const { renderGate } = await import('../../gate/render.ts');
  const { SimulatorError } = await import('../../simulators/wiremock/errors.ts');
  try {
    const result = await runGate(
      {
        command: args,
        maxPollRate: maxPollRate as number,
        minBackoffMs: minBackoff as number,
        timeoutMs: (timeout as number) * 1000,
        readyFile: flags.readyFile ?? path.join(os.tmpdir(), `harness-gate-${process.pid}.json`),
        reportFile: flags.report ?? path.join(context.out, 'gate.json'),
        stop: context.stop,
        quirks: flags.quirks ?? false,
        faults: flags.faults ?? false,
        parallel: parallel as number,
        ...(faultIds ? { faultIds } : {}),
      },
      { sim: sim.options },
    );
    if (flags.junit) {
      const { writeGateJunit } = await import('../../gate/junit.ts');
      writeGateJunit(result, flags.junit);
    }
    process.stdout.write(
      flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderGate(result, { verbose: flags.verbose }),
    );
    return gateExitCode(result);
  } catch (err) {
    process.stderr.write(
      `harness gate: ${err instanceof SimulatorError ? renderProblem(err.problem) : (err as Error).message}\n`,
    );
    return 1;
  }
};

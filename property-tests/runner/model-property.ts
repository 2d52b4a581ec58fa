// A model-based property: fc.asyncModelRun of generated steps against the live simulator, with the run's checks.
import fc from 'fast-check';
import type { Vendor } from '../../contracts/common/problem.ts';
import { commandsArb } from '../commands/arbitraries.ts';
import type { StepSpec } from '../commands/steps.ts';
import { PropertyViolation } from '../harness/observations.ts';
import type { Checks, Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import { type RunParams, runParamsArb } from '../harness/run-params.ts';
import { runSetup, type Session } from '../harness/session.ts';
import type { PropertyOutcome, RunOptions } from './outcome.ts';

export const DEFAULT_MAX_COMMANDS = 30;

const replayPathOf = (counterexample: unknown): string | undefined =>
  /replayPath="([^"]*)"/.exec(fc.stringify(counterexample))?.[1];

/** Runs `numRuns` model runs on `vendor`; a failure comes back with its seed, path, replay hint and steps. */
export const checkModelRuns = async (
  name: string,
  session: Session,
  vendor: Vendor,
  checks: Checks,
  opts: RunOptions,
  steps?: fc.Arbitrary<StepSpec>,
): Promise<PropertyOutcome> => {
  const started = performance.now();
  let executions = 0;
  let stepCount = 0;
  const coverage: Record<string, number> = {};
  let lastFailure: { params: RunParams; steps: StepSpec[]; error: unknown } | undefined;
  const property = fc.asyncProperty(
    runParamsArb(vendor, session.config.throttle.limit),
    commandsArb(
      vendor,
      {
        maxCommands: opts.maxCommands ?? DEFAULT_MAX_COMMANDS,
        ...(opts.replayPath ? { replayPath: opts.replayPath } : {}),
      },
      steps,
    ),
    async (params, cmds) => {
      executions++;
      let real: Real | undefined;
      const setup = runSetup(session, vendor, checks, params);
      try {
        await fc.asyncModelRun(async () => {
          const s = await setup();
          real = s.real;
          return s;
        }, cmds);
      } catch (error) {
        lastFailure = { params, steps: [...(real?.ran ?? [])], error };
        throw error;
      } finally {
        stepCount += real?.trace.length ?? 0;
        for (const c of real?.history ?? []) {
          const key = `${c.op} ${c.outcome}${c.code ? ` ${c.code}` : ''}`;
          coverage[key] = (coverage[key] ?? 0) + 1;
        }
      }
    },
  );
  const seed = opts.seed ?? Date.now() ^ (Math.random() * 0x100000000);
  let details: Awaited<ReturnType<typeof fc.check<[RunParams, Iterable<fc.AsyncCommand<PropsModel, Real>>]>>>;
  try {
    details = await fc.check(property, {
      numRuns: opts.numRuns,
      seed,
      ...(opts.path ? { path: opts.path } : {}),
      endOnFailure: opts.endOnFailure ?? opts.path !== undefined,
    });
  } catch (error) {
    // fast-check refuses a path it cannot walk: a command sequence needs the replayPath printed with it
    return {
      name,
      ok: false,
      seed,
      numRuns: 0,
      executions,
      steps: stepCount,
      durationMs: Math.round(performance.now() - started),
      failure: {
        path: opts.path ?? '',
        message: `cannot replay: ${(error as Error).message} (give the --replay-path printed with the failure)`,
      },
    };
  }
  const outcome: PropertyOutcome = {
    name,
    ok: !details.failed,
    seed: details.seed,
    numRuns: details.numRuns,
    executions,
    steps: stepCount,
    durationMs: Math.round(performance.now() - started),
    coverage,
  };
  if (details.failed) {
    const error = details.errorInstance ?? lastFailure?.error;
    const replayPath = details.counterexample ? replayPathOf(details.counterexample) : undefined;
    outcome.failure = {
      path: details.counterexamplePath ?? '',
      ...(replayPath ? { replayPath } : {}),
      ...(error instanceof PropertyViolation ? { check: error.check } : {}),
      message: error instanceof Error ? error.message : String(error ?? 'the property failed'),
      steps: lastFailure?.steps ?? [],
      params: lastFailure?.params ?? {},
    };
  }
  return outcome;
};

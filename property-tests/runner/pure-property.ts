// Runs a property that needs no simulator (fc.check) and reports it as a PropertyOutcome with seed and path.
import fc from 'fast-check';
import { PropertyViolation } from '../harness/observations.ts';
import type { PropertyOutcome, RunOptions } from './outcome.ts';

export const checkPure = async <T>(
  name: string,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => void | Promise<void>,
  opts: RunOptions,
): Promise<PropertyOutcome> => {
  const started = performance.now();
  let executions = 0;
  const details = await fc.check(
    fc.asyncProperty(arb, async (v) => {
      executions++;
      await predicate(v);
    }),
    {
      numRuns: opts.numRuns,
      seed: opts.seed ?? Date.now() ^ (Math.random() * 0x100000000),
      ...(opts.path ? { path: opts.path } : {}),
      endOnFailure: opts.endOnFailure ?? opts.path !== undefined,
    },
  );
  const outcome: PropertyOutcome = {
    name,
    ok: !details.failed,
    seed: details.seed,
    numRuns: details.numRuns,
    executions,
    steps: 0,
    durationMs: Math.round(performance.now() - started),
  };
  if (details.failed) {
    const error = details.errorInstance;
    outcome.failure = {
      path: details.counterexamplePath ?? '',
      ...(error instanceof PropertyViolation ? { check: error.check } : {}),
      message: error instanceof Error ? error.message : String(error ?? 'the property failed'),
      counterexample: fc.stringify(details.counterexample),
    };
  }
  return outcome;
};

/** Throws a PropertyViolation naming the check when there are problems. */
export const holds = (check: string, problems: readonly string[], what = 'the generated value'): void => {
  if (problems.length > 0) throw new PropertyViolation(check, problems, what);
};

// What the suite's vitest files share: the fixed seed of the npm-test share, and failing a test with seed and path.
import { expect } from 'vitest';
import type { PropertyOutcome } from './runner/outcome.ts';
import { renderFailure } from './runner/outcome.ts';
import type { RunContext, SuiteProperty } from './runner/properties.ts';

/** npm test is deterministic: every property runs from this seed (PROPS_SEED overrides it, for exploring). */
export const SUITE_SEED = Number(process.env.PROPS_SEED ?? 20_261_121);

/** Runs a property with its default share; a failure fails the test with seed, path, replay command and steps. */
export const expectProperty = async (p: SuiteProperty, ctx: RunContext): Promise<PropertyOutcome> => {
  const outcome = await p.run(ctx, { numRuns: p.defaultRuns, seed: SUITE_SEED });
  if (!outcome.ok) process.stderr.write(`${renderFailure(outcome)}\n`);
  expect(outcome.ok, renderFailure(outcome)).toBe(true);
  return outcome;
};

// Replays a fixed list of steps (a regression) against the simulator: one model run, no generation, no shrinking.
import fc from 'fast-check';
import type { Vendor } from '../../contracts/common/problem.ts';
import { commandOf } from '../commands/index.ts';
import type { StepSpec } from '../commands/steps.ts';
import { PropertyViolation } from '../harness/observations.ts';
import type { Checks } from '../harness/real.ts';
import type { RunParams } from '../harness/run-params.ts';
import { runSetup, type Session } from '../harness/session.ts';
import { invariantNamed, invariantsOf } from '../invariants/index.ts';

export type ReplayOutcome = { ok: true; steps: number } | { ok: false; check?: string; message: string };

/** The checks a property name stands for: model-agreement/<vendor>, or invariant/<name>/<vendor>. */
export const checksOf = (property: string): { vendor: Vendor; checks: Checks } => {
  const parts = property.split('/');
  const vendor = parts.at(-1) as Vendor;
  if (parts[0] === 'model-agreement')
    return {
      vendor,
      checks: { agreement: true, invariants: invariantsOf(vendor) },
    };
  const inv = parts[0] === 'invariant' ? invariantNamed(parts[1] ?? '') : undefined;
  if (!inv) throw new Error(`no model-run property named ${property}`);
  return { vendor, checks: { agreement: false, invariants: [inv] } };
};

export const replaySteps = async (
  session: Session,
  property: string,
  params: RunParams,
  steps: readonly StepSpec[],
): Promise<ReplayOutcome> => {
  const { vendor, checks } = checksOf(property);
  let count = 0;
  try {
    await fc.asyncModelRun(
      async () => {
        const s = await runSetup(session, vendor, checks, params)();
        return s;
      },
      steps.map((s) => {
        count++;
        return commandOf(s);
      }),
    );
    return { ok: true, steps: count };
  } catch (error) {
    return {
      ok: false,
      ...(error instanceof PropertyViolation ? { check: error.check } : {}),
      message: error instanceof Error ? error.message : String(error),
    };
  }
};

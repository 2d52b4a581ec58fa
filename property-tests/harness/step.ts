// One step of a model run: make the calls, read the platform's record, compare it with the model, check the invariants.
import type { PropsModel } from '../model/state.ts';
import { disagreements } from './agreement.ts';
import { type CallRecord, PropertyViolation } from './observations.ts';
import type { Real } from './real.ts';

export const AGREEMENT = 'model-agreement';

/** Throws a model-agreement violation when the run compares with the model and there is something to say. */
export const agree = (r: Real, step: string, problems: readonly string[]): void => {
  if (r.checks.agreement && problems.length > 0) throw new PropertyViolation(AGREEMENT, problems, step);
};

/**
 * Runs `act` (which records its calls and checks their answers), then the platform's record is read and checked:
 * against the model when the run compares, and by every invariant the run checks.
 */
export const runStep = async (
  m: PropsModel,
  r: Real,
  step: string,
  act: (calls: CallRecord[]) => Promise<void>,
): Promise<void> => {
  r.trace.push(step);
  const calls: CallRecord[] = [];
  await act(calls);
  const after = await r.snapshot();
  agree(r, step, disagreements(m, after));
  const history = [...r.history, ...calls];
  const observation = { label: step, before: r.last, after, calls };
  for (const inv of r.checks.invariants) {
    const broken = inv.check(observation, { throttle: r.throttle, history });
    if (broken.length > 0) throw new PropertyViolation(inv.name, broken, step);
  }
  r.last = after;
  r.history.push(...calls);
};

// What every command class shares: the base class (check/run/toString), device and target resolution, answer checks.
import type fc from 'fast-check';
import type { ModelCommand } from '../model/lifecycle.ts';
import type { PropsModel } from '../model/state.ts';
import type { CallRecord, SeenTime, TimeField } from '../harness/observations.ts';
import {
  type Expected,
  describeExpected,
  describeOutcome,
  matches,
  type Outcome,
} from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree, runStep } from '../harness/step.ts';
import type { Target } from './parts.ts';
import { specText } from './spec.ts';
import type { StepSpec } from './steps.ts';

/**
 * A step of a model run. Subclasses say when it may run (`check`) and what it does (`act`): make its calls through a
 * reference client, record them, compare the answers with the model, and update the model. `run` wraps `act` in a
 * step, so the platform's record is compared with the model and the invariants are checked after it.
 */
export abstract class StepCommand<S extends StepSpec = StepSpec>
  implements fc.AsyncCommand<PropsModel, Real>
{
  readonly spec: S;

  constructor(spec: S) {
    this.spec = spec;
  }

  abstract check(m: Readonly<PropsModel>): boolean;

  protected abstract act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void>;

  run(m: PropsModel, r: Real): Promise<void> {
    r.ran.push(this.spec);
    return this.runAs(m, r, this.toString());
  }

  /** Runs the step under another label (a burst names each of its calls). */
  runAs(m: PropsModel, r: Real, step: string): Promise<void> {
    return runStep(m, r, step, (calls) => this.act(m, r, calls, step));
  }

  toString(): string {
    return specText(this.spec);
  }
}

export const deviceAt = (m: Readonly<PropsModel>, index: number): string =>
  m.devices[index % m.devices.length]!;

/** The command a target names and the device it is asked on; `known` is undefined for an id the platform never gave. */
export type Resolved = { commandId: string; device: string; known: ModelCommand | undefined };

export const targetReady = (m: Readonly<PropsModel>, t: Target): boolean =>
  t.via === 'unknown-id' || m.life.commands.length > 0;

export const resolveTarget = (m: PropsModel, t: Target, unknownId: string): Resolved => {
  if (t.via === 'unknown-id') return { commandId: unknownId, device: deviceAt(m, t.pick), known: undefined };
  const c = t.via === 'newest' ? m.life.commands.at(-1)! : m.life.commands[t.pick % m.life.commands.length]!;
  if (t.via === 'own' || t.via === 'newest') return { commandId: c.commandId, device: c.deviceKey, known: c };
  const i = m.devices.indexOf(c.deviceKey);
  return { commandId: c.commandId, device: m.devices[(i + 1) % m.devices.length]!, known: c };
};

/** Fails the step (when it compares with the model) unless the outcome is the one expected. */
export const expectOutcome = (r: Real, step: string, expected: Expected, got: Outcome<unknown>): void =>
  agree(
    r,
    step,
    matches(expected, got) ? [] : [`expected ${describeExpected(expected)}, got ${describeOutcome(got)}`],
  );

/** One comparison of an answer field with the model, as a list of 0 or 1 problems. */
export const same = (what: string, model: unknown, answered: unknown): string[] =>
  JSON.stringify(model) === JSON.stringify(answered)
    ? []
    : [`${what}: model ${JSON.stringify(model)}, answer ${JSON.stringify(answered)}`];

/** The Huawei timestamps of one answered command, for the timestamp invariant. */
export const huaweiTimes = (
  commandId: string,
  fields: Partial<Record<TimeField, string | null | undefined>>,
): SeenTime[] =>
  Object.entries(fields).map(([field, value]) => ({
    commandId,
    field: field as TimeField,
    value: value ?? null,
    format: 'huawei' as const,
  }));

/** The creation time (epoch ms) of the command a bound picks, or undefined for no bound (or no command yet). */
export const boundAt = (m: Readonly<PropsModel>, pick: number | null): number | undefined => {
  if (pick === null || m.life.commands.length === 0) return undefined;
  return m.life.commands[pick % m.life.commands.length]!.createdAt;
};

/** Whole seconds: Huawei timestamps carry no milliseconds. */
export const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

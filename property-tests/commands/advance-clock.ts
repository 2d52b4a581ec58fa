// Advances the frozen platform clock by a number of milliseconds; expiries and delivery steps due meanwhile happen.
import { must } from '../../contracts/control/client.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import type { PropsModel } from '../model/state.ts';
import type { StepSpec } from './steps.ts';
import { same, StepCommand } from './support.ts';

type Spec = Extract<StepSpec, { kind: 'advance' }>;

export const advanceBoth = async (m: PropsModel, r: Real, ms: number, step: string): Promise<void> => {
  const target = m.life.now + ms;
  r.now = (await must(r.control.changeClock({ advanceMs: ms }))).now;
  m.life.advance(ms);
  agree(r, step, same('platform time', target, r.now));
};

export class AdvanceClock extends StepCommand<Spec> {
  check(): boolean {
    return true;
  }

  protected act(m: PropsModel, r: Real, _calls: unknown, step: string): Promise<void> {
    return advanceBoth(m, r, this.spec.ms, step);
  }
}

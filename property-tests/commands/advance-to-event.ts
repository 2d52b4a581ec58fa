// Advances the clock to exactly the model's next event (or just before it): expiry and delivery must happen on the dot.
import type { Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import { advanceBoth } from './advance-clock.ts';
import type { StepSpec } from './steps.ts';
import { StepCommand } from './support.ts';

type Spec = Extract<StepSpec, { kind: 'advance-to-event' }>;

export class AdvanceToEvent extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.life.nextEventAt() !== undefined;
  }

  protected act(m: PropsModel, r: Real, _calls: unknown, step: string): Promise<void> {
    const next = m.life.nextEventAt() ?? m.life.now;
    return advanceBoth(m, r, Math.max(0, next + this.spec.offsetMs - m.life.now), step);
  }
}

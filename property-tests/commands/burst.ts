// A burst: the same vendor call made N times back to back at one platform instant (the throttle's test), one step each.
import type { Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import type { StepSpec } from './steps.ts';
import { StepCommand } from './support.ts';

type Spec = Extract<StepSpec, { kind: 'burst' }>;

export class Burst extends StepCommand<Spec> {
  private readonly one: StepCommand;

  constructor(spec: Spec, one: StepCommand) {
    super(spec);
    this.one = one;
  }

  check(m: Readonly<PropsModel>): boolean {
    return this.one.check(m);
  }

  override async run(m: PropsModel, r: Real): Promise<void> {
    r.ran.push(this.spec);
    for (let i = 0; i < this.spec.times; i++) {
      if (!this.one.check(m)) continue;
      await this.one.runAs(m, r, `${this.toString()} #${i + 1}`);
    }
  }

  protected async act(): Promise<void> {}
}

// Scripts how a device acknowledges and answers the commands it is sent: delays, success or failure, or silence.
import { must } from '../../contracts/control/client.ts';
import type { Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import type { StepSpec } from './steps.ts';
import { deviceAt, StepCommand } from './support.ts';

type Spec = Extract<StepSpec, { kind: 'behaviour' }>;

export class DeviceBehaviourStep extends StepCommand<Spec> {
  check(): boolean {
    return true;
  }

  protected async act(m: PropsModel, r: Real): Promise<void> {
    const { ackDelayMs, responseDelayMs, fails, silent } = this.spec;
    const device = deviceAt(m, this.spec.device);
    await must(
      r.control.setDevice(m.vendor, device, {
        behaviour: { ackDelayMs, responseDelayMs, failureRatio: fails ? 1 : 0, silent },
      }),
    );
    m.life.setBehaviour(device, { ackDelayMs, responseDelayMs, fails, silent });
  }
}

// Brings a device online (its queue starts to drain at once) or takes it offline (what is in flight then times out).
import { must } from '../../contracts/control/client.ts';
import type { Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import type { StepSpec } from './steps.ts';
import { deviceAt, StepCommand } from './support.ts';

type Spec = Extract<StepSpec, { kind: 'online' }>;

export class SetOnline extends StepCommand<Spec> {
  check(): boolean {
    return true;
  }

  protected async act(m: PropsModel, r: Real): Promise<void> {
    const device = deviceAt(m, this.spec.device);
    await must(r.control.setDevice(m.vendor, device, { online: this.spec.online }));
    m.life.setOnline(device, this.spec.online);
  }
}

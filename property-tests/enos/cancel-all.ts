// Cancels every cached command of an EnOS device (action=cancel without commandId): exactly the pending ones, in order.
import type { CallRecord } from '../harness/observations.ts';
import { outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { ENOS_STATE } from './projection.ts';
import type { PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { deviceAt, expectOutcome, same, StepCommand } from '../commands/support.ts';
import { enosDevice } from './device.ts';

type Spec = Extract<Call, { kind: 'enos-cancel-all' }>;

export class CancelAllEnos extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'enos';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const device = deviceAt(m, this.spec.device);
    const pending = m.life.pendingOf(device).map((c) => c.commandId);
    const at = m.life.now;
    const answer = outcomeOf(await r.clients.enos.cancel(enosDevice(r, device, this.spec.by)));
    expectOutcome(r, step, { kind: 'ok' }, answer);
    const record: CallRecord = { vendor: 'enos', op: 'cancel-all', at, device, ...recordOf(answer) };
    if (answer.kind === 'ok') {
      const data = answer.value.data;
      record.ids = data.map((c) => c.commandId);
      agree(r, step, [
        ...same('cancelled ids', pending, record.ids),
        ...same(
          'states (snapshot before the cancel)',
          pending.map(() => ENOS_STATE.PENDING),
          data.map((c) => c.state),
        ),
      ]);
    }
    calls.push(record);
    m.life.cancelAll(device);
  }
}

// Creates an EnOS command (invokeService or setMeasurepoint): cached for pendingTtl seconds, or an instant command at 0.
import type { CallRecord } from '../harness/observations.ts';
import { outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { EXPECTED_CODES } from './projection.ts';
import type { PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { deviceAt, expectOutcome, StepCommand } from '../commands/support.ts';
import { enosDevice } from './device.ts';

type Spec = Extract<Call, { kind: 'enos-create' }>;

export class CreateEnos extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'enos';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const { action, pendingTtl, timeout } = this.spec;
    const device = deviceAt(m, this.spec.device);
    const input = { ttlMs: pendingTtl * 1000, timeoutMs: timeout * 1000, immediately: pendingTtl === 0 };
    const verdict = m.life.canCreate(device, input);
    const at = m.life.now;
    const q = { ...enosDevice(r, device, this.spec.by), pendingTtl, timeout };
    const answer = outcomeOf(
      action === 'invokeService'
        ? await r.clients.enos.invokeService({ ...q, serviceId: 'setLevel', inputData: { level: 1 } })
        : await r.clients.enos.setMeasurepoint({ ...q, measurepointId: 'level', value: 1 }),
    );
    expectOutcome(
      r,
      step,
      verdict.ok ? { kind: 'ok' } : { kind: 'vendor-error', code: EXPECTED_CODES[verdict.reason] },
      answer,
    );
    const id = answer.kind === 'ok' ? answer.value.data.commandId : undefined;
    calls.push({
      vendor: 'enos',
      op: 'create',
      at,
      device,
      ...recordOf(answer),
      ...(id ? { createdId: id } : {}),
    });
    if (verdict.ok && id !== undefined) m.life.create(device, input, id);
  }
}

// Reads one EnOS command (action=get): its state integer, times and cache settings must be the model's.
import type { CallRecord } from '../harness/observations.ts';
import { outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { ENOS_STATE, EXPECTED_CODES } from './projection.ts';
import type { PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { expectOutcome, resolveTarget, same, StepCommand, targetReady } from '../commands/support.ts';
import { enosDevice } from './device.ts';

type Spec = Extract<Call, { kind: 'enos-get' }>;

/** An id EnOS never hands out (the simulator's ids start above 2300000000000000000). */
export const UNKNOWN_ENOS_ID = '1999999999999999999';

export class GetEnos extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'enos' && targetReady(m, this.spec.target);
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const t = resolveTarget(m, this.spec.target, UNKNOWN_ENOS_ID);
    const found = t.known !== undefined && t.known.deviceKey === t.device ? t.known : undefined;
    const at = m.life.now;
    const answer = outcomeOf(
      await r.clients.enos.get({ ...enosDevice(r, t.device, this.spec.by), commandId: t.commandId }),
    );
    expectOutcome(
      r,
      step,
      found ? { kind: 'ok' } : { kind: 'vendor-error', code: EXPECTED_CODES['not-found'] },
      answer,
    );
    const record: CallRecord = { vendor: 'enos', op: 'get', at, device: t.device, ...recordOf(answer) };
    if (answer.kind === 'ok') {
      const c = answer.value.data;
      record.times = [
        { commandId: c.commandId, field: 'createdAt', value: c.createTime, format: 'epoch-ms' },
      ];
      if (found)
        agree(r, step, [
          ...same('commandId', found.commandId, c.commandId),
          ...same('state', ENOS_STATE[found.state], c.state),
          ...same('pendingTtl', found.ttlMs / 1000, c.pendingTtl),
          ...same('timeout', found.timeoutMs / 1000, c.timeout),
        ]);
    }
    calls.push(record);
  }
}

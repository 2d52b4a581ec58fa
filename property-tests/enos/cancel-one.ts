// Cancels one EnOS command (action=cancel with commandId): only a cached (state 1) command, answered as it was before.
import type { CallRecord } from '../harness/observations.ts';
import { type Expected, outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { ENOS_STATE, EXPECTED_CODES } from './projection.ts';
import type { PropsModel } from '../model/state.ts';
import { UNKNOWN_ENOS_ID } from './get.ts';
import type { Call } from './calls.ts';
import { expectOutcome, resolveTarget, same, StepCommand, targetReady } from '../commands/support.ts';
import { enosDevice } from './device.ts';

type Spec = Extract<Call, { kind: 'enos-cancel' }>;

export class CancelOneEnos extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'enos' && targetReady(m, this.spec.target);
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const t = resolveTarget(m, this.spec.target, UNKNOWN_ENOS_ID);
    const onItsDevice = t.known !== undefined && t.known.deviceKey === t.device;
    const verdict = onItsDevice
      ? m.life.canCancel(t.commandId)
      : ({ ok: false, reason: 'not-found' } as const);
    const expected: Expected = verdict.ok
      ? { kind: 'ok' }
      : { kind: 'vendor-error', code: EXPECTED_CODES[verdict.reason] };
    const at = m.life.now;
    const answer = outcomeOf(
      await r.clients.enos.cancel({ ...enosDevice(r, t.device, this.spec.by), commandId: t.commandId }),
    );
    expectOutcome(r, step, expected, answer);
    const record: CallRecord = { vendor: 'enos', op: 'cancel', at, device: t.device, ...recordOf(answer) };
    if (answer.kind === 'ok') {
      const data = answer.value.data;
      record.ids = data.map((c) => c.commandId);
      if (verdict.ok)
        agree(r, step, [
          ...same('cancelled ids', [t.commandId], record.ids),
          ...same(
            'states (snapshot before the cancel)',
            [ENOS_STATE.PENDING],
            data.map((c) => c.state),
          ),
        ]);
    }
    calls.push(record);
    if (verdict.ok) m.life.cancel(t.commandId);
  }
}

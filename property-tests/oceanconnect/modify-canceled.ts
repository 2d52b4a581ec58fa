// Cancels one OceanConnect command (PUT deviceCommands/{id} with status CANCELED): only from PENDING, else 400 100022.
import type { CallRecord } from '../harness/observations.ts';
import { type Expected, outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { EXPECTED_CODES } from './projection.ts';
import { admitted, type PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { expectOutcome, resolveTarget, same, StepCommand, targetReady } from '../commands/support.ts';

type Spec = Extract<Call, { kind: 'oc-modify' }>;

export const UNKNOWN_OC_ID = 'no-such-command-0';

export class ModifyCanceledOceanConnect extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'oceanconnect' && targetReady(m, this.spec.target);
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const t = resolveTarget(m, this.spec.target, UNKNOWN_OC_ID);
    const at = m.life.now;
    const admits = admitted(m);
    const verdict = m.life.canCancel(t.commandId);
    const expected: Expected = !admits
      ? { kind: 'throttled', code: EXPECTED_CODES.throttled }
      : verdict.ok
        ? { kind: 'ok' }
        : { kind: 'vendor-error', code: EXPECTED_CODES[verdict.reason] };
    const answer = outcomeOf(
      await r.clients.oceanconnect.modifyCommand({ deviceCommandId: t.commandId, status: 'CANCELED' }),
    );
    expectOutcome(r, step, expected, answer);
    const record: CallRecord = { vendor: 'oceanconnect', op: 'modify', at, app: m.app, ...recordOf(answer) };
    if (answer.kind === 'ok') {
      record.ids = [answer.value.commandId];
      record.device = answer.value.deviceId;
      record.statuses = [answer.value.status];
      agree(r, step, [
        ...same('commandId', t.commandId, answer.value.commandId),
        ...same('status', 'CANCELED', answer.value.status),
      ]);
    }
    calls.push(record);
    if (admits && verdict.ok) m.life.cancel(t.commandId);
  }
}

// Reads one IoTDA command (the seed: GET async-commands/{command_id}): status and every lifecycle time as the model has them.
import type { CallRecord } from '../harness/observations.ts';
import { outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { EXPECTED_CODES, IOTDA_STATUS } from './projection.ts';
import { admitted, type PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import {
  expectOutcome,
  huaweiTimes,
  resolveTarget,
  same,
  StepCommand,
  targetReady,
} from '../commands/support.ts';

type Spec = Extract<Call, { kind: 'iotda-show' }>;

export const UNKNOWN_IOTDA_ID = 'no-such-command-0';

export class ShowIotda extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'iotda' && targetReady(m, this.spec.target);
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const t = resolveTarget(m, this.spec.target, UNKNOWN_IOTDA_ID);
    const found = t.known !== undefined && t.known.deviceKey === t.device ? t.known : undefined;
    const at = m.life.now;
    const admits = admitted(m);
    const answer = outcomeOf(
      await r.clients.iotda.showAsyncCommand({ device_id: t.device, command_id: t.commandId }),
    );
    expectOutcome(
      r,
      step,
      !admits
        ? { kind: 'throttled', code: EXPECTED_CODES.throttled }
        : found
          ? { kind: 'ok' }
          : { kind: 'vendor-error', code: EXPECTED_CODES['not-found'] },
      answer,
    );
    const record: CallRecord = {
      vendor: 'iotda',
      op: 'show',
      at,
      app: m.app,
      device: t.device,
      ...recordOf(answer),
    };
    if (answer.kind === 'ok') {
      const v = answer.value;
      record.times = huaweiTimes(v.command_id, {
        createdAt: v.created_time,
        sentAt: v.sent_time,
        deliveredAt: v.delivered_time,
        respondedAt: v.response_time,
      });
      if (found)
        agree(r, step, [
          ...same('command_id', found.commandId, v.command_id),
          ...same('status', IOTDA_STATUS[found.state], v.status),
        ]);
    }
    calls.push(record);
  }
}

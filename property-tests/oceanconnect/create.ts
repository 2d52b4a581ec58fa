// Creates an OceanConnect command (POST deviceCommands): cached for expireTime seconds (48 h when left out), 0 sends now.
import type { CallRecord } from '../harness/observations.ts';
import { type Expected, outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { tolerated } from '../model/deviations.ts';
import { DEFAULT_TTL_S, EXPECTED_CODES, OC_STATUS } from './projection.ts';
import { admitted, DEFAULT_TIMEOUT_MS, type PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { deviceAt, expectOutcome, huaweiTimes, same, StepCommand } from '../commands/support.ts';

type Spec = Extract<Call, { kind: 'oc-create' }>;

/**
 * A "send now" command (expireTime 0) that cannot go (device offline or busy) is still created: it answers 201 and
 * the command is FAILED at once, never sent (the simulator's documented reading of the vendor's behaviour).
 */
export class CreateOceanConnect extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'oceanconnect';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const { expireTime } = this.spec;
    const device = deviceAt(m, this.spec.device);
    const input = {
      ttlMs: (expireTime ?? DEFAULT_TTL_S) * 1000,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      immediately: expireTime === 0,
    };
    const at = m.life.now;
    const admits = admitted(m);
    const verdict = m.life.canCreate(device, input);
    const expected: Expected = !admits
      ? { kind: 'throttled', code: EXPECTED_CODES.throttled }
      : !verdict.ok && verdict.reason === 'cap-reached'
        ? { kind: 'vendor-error', code: EXPECTED_CODES['cap-reached'] }
        : { kind: 'ok' };
    const answer = outcomeOf(
      await r.clients.oceanconnect.createCommand({
        deviceId: device,
        command: { serviceId: 'Switch', method: 'SET_LEVEL', paras: { level: 1 } },
        ...(expireTime === null ? {} : { expireTime }),
      }),
    );
    expectOutcome(r, step, expected, answer);
    const id = answer.kind === 'ok' ? answer.value.commandId : undefined;
    const record: CallRecord = {
      vendor: 'oceanconnect',
      op: 'create',
      at,
      app: m.app,
      device,
      ...recordOf(answer),
      ...(id ? { createdId: id } : {}),
    };
    calls.push(record);
    if (id === undefined || answer.kind !== 'ok' || expected.kind !== 'ok') return;
    const c = verdict.ok
      ? m.life.create(device, input, id)
      : m.life.addFinished(device, id, 'FAILED', { responded: tolerated('oc-failed-send-now-executed') });
    const v = answer.value;
    record.statuses = [v.status];
    record.times = huaweiTimes(id, {
      createdAt: v.creationTime,
      sentAt: v.platformIssuedTime,
      deliveredAt: v.deliveredTime,
      respondedAt: v.executeTime,
    });
    agree(r, step, [
      ...same('status', OC_STATUS[c.state], v.status),
      ...same('deviceId', device, v.deviceId),
      ...same('expireTime', expireTime, v.expireTime ?? null),
    ]);
  }
}

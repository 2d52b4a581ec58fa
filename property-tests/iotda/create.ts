// Creates an IoTDA async command: `delay` waits PENDING (expire_time, 24 h by default), `immediately` goes now or fails.
import type { CallRecord } from '../harness/observations.ts';
import { type Expected, outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { DEFAULT_TTL_S, EXPECTED_CODES } from './projection.ts';
import { admitted, DEFAULT_TIMEOUT_MS, type PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { deviceAt, expectOutcome, huaweiTimes, same, StepCommand } from '../commands/support.ts';

type Spec = Extract<Call, { kind: 'iotda-create' }>;

export class CreateIotda extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'iotda';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const { strategy, expireTime } = this.spec;
    const device = deviceAt(m, this.spec.device);
    const delay = strategy === 'delay';
    const ttlSeconds = delay ? expireTime || DEFAULT_TTL_S : 0;
    const input = { ttlMs: ttlSeconds * 1000, timeoutMs: DEFAULT_TIMEOUT_MS, immediately: !delay };
    const admits = admitted(m);
    const verdict = m.life.canCreate(device, input);
    const expected: Expected = !admits
      ? { kind: 'throttled', code: EXPECTED_CODES.throttled }
      : verdict.ok
        ? { kind: 'ok' }
        : { kind: 'vendor-error', code: EXPECTED_CODES[verdict.reason] };
    const at = m.life.now;
    const answer = outcomeOf(
      await r.clients.iotda.createAsyncCommand({
        device_id: device,
        service_id: 'Switch',
        command_name: 'SET_LEVEL',
        paras: { level: 1 },
        send_strategy: strategy,
        ...(expireTime === null ? {} : { expire_time: expireTime }),
      }),
    );
    expectOutcome(r, step, expected, answer);
    const id = answer.kind === 'ok' ? answer.value.command_id : undefined;
    const record: CallRecord = {
      vendor: 'iotda',
      op: 'create',
      at,
      app: m.app,
      device,
      ...recordOf(answer),
      ...(id ? { createdId: id } : {}),
    };
    calls.push(record);
    if (id === undefined || answer.kind !== 'ok' || !admits || !verdict.ok) return;
    m.life.create(device, input, id);
    const v = answer.value;
    record.times = huaweiTimes(id, { createdAt: v.created_time });
    agree(r, step, [
      ...same('status (acceptance snapshot)', delay ? 'PENDING' : 'SENT', v.status),
      ...same('expire_time', expireTime ?? ttlSeconds, v.expire_time),
      ...same('send_strategy', strategy, v.send_strategy),
    ]);
  }
}

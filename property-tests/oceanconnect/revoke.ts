// Creates an OceanConnect revocation task (the seed): every PENDING command of the device revoked, answered as PENDDING.
import type { CallRecord } from '../harness/observations.ts';
import { type Expected, outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { EXPECTED_CODES, OC_NEW_TASK_STATUS, ocRevocationStatus } from './projection.ts';
import { admitted, type PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { deviceAt, expectOutcome, same, StepCommand } from '../commands/support.ts';

type Spec = Extract<Call, { kind: 'oc-revoke' }>;

export class RevokeOceanConnect extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'oceanconnect';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const device = deviceAt(m, this.spec.device);
    const at = m.life.now;
    const admits = admitted(m);
    const pending = m.life.pendingOf(device);
    const expected: Expected = admits
      ? { kind: 'ok' }
      : { kind: 'throttled', code: EXPECTED_CODES.throttled };
    const answer = outcomeOf(await r.clients.oceanconnect.createRevocationTask({ deviceId: device }));
    expectOutcome(r, step, expected, answer);
    const record: CallRecord = {
      vendor: 'oceanconnect',
      op: 'revoke',
      at,
      app: m.app,
      device,
      ...recordOf(answer),
    };
    if (answer.kind === 'ok') {
      const task = answer.value;
      record.ids = task.deviceCommands.map((c) => c.commandId);
      record.statuses = task.deviceCommands.map((c) => c.status);
      record.taskStatus = task.status;
      if (task.totalCount !== undefined && task.totalCount !== null) record.totalCount = task.totalCount;
      agree(r, step, [
        ...same('task status', OC_NEW_TASK_STATUS, task.status),
        ...same(
          'revoked ids',
          pending.map((c) => c.commandId),
          record.ids,
        ),
        ...same(
          'revoked statuses (as spelled)',
          pending.map((c) => ocRevocationStatus(c.state)),
          task.deviceCommands.map((c) => c.status),
        ),
        ...same('totalCount', pending.length, task.totalCount),
      ]);
    }
    calls.push(record);
    if (admits) m.life.cancelAll(device);
  }
}

// Lists an IoTDA device's queued (PENDING, SENT, DELIVERED) or historic commands: created since a time, offset, limit.
import { formatHuaweiTime } from '../../contracts/common/huawei-time.ts';
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import type { CallRecord } from '../harness/observations.ts';
import { outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { EXPECTED_CODES, IOTDA_STATUS } from './projection.ts';
import { admitted, type PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import {
  boundAt,
  deviceAt,
  expectOutcome,
  huaweiTimes,
  same,
  StepCommand,
  toSecond,
} from '../commands/support.ts';

type Spec = Extract<Call, { kind: 'iotda-list' }>;

/** Which states each list shows (DELIVERED is in both: the seed's neighbour pages list it twice). */
const LIST_STATES: Record<Spec['which'], ReadonlySet<CanonicalState>> = {
  queued: new Set(['PENDING', 'SENT', 'DELIVERED']),
  history: new Set(['EXPIRED', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'DELIVERED']),
};
const DEFAULT_LIMIT = 10;

export class ListIotda extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'iotda';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const { which, offset, limit } = this.spec;
    const device = deviceAt(m, this.spec.device);
    const since = boundAt(m, this.spec.since);
    const at = m.life.now;
    const admits = admitted(m);
    const query = {
      device_id: device,
      ...(since !== undefined ? { start_time: formatHuaweiTime(since) } : {}),
      ...(offset !== null ? { offset } : {}),
      ...(limit !== null ? { limit } : {}),
    };
    const answer = outcomeOf(
      which === 'queued'
        ? await r.clients.iotda.listAsyncCommands(query)
        : await r.clients.iotda.listAsyncHistoryCommands(query),
    );
    expectOutcome(
      r,
      step,
      admits ? { kind: 'ok' } : { kind: 'throttled', code: EXPECTED_CODES.throttled },
      answer,
    );
    const record: CallRecord = { vendor: 'iotda', op: 'query', at, app: m.app, device, ...recordOf(answer) };
    if (answer.kind === 'ok') {
      const matching = m.life
        .commandsOf(device)
        .filter(
          (c) => LIST_STATES[which].has(c.state) && (since === undefined || c.createdAt >= toSecond(since)),
        );
      const start = offset ?? 0;
      const page = matching.slice(start, start + (limit ?? DEFAULT_LIMIT));
      const got = answer.value.commands;
      record.times = got.flatMap((c) =>
        huaweiTimes(c.command_id, {
          createdAt: c.created_time,
          sentAt: c.sent_time,
          deliveredAt: c.delivered_time,
          respondedAt: c.response_time,
        }),
      );
      agree(r, step, [
        ...same(
          'ids (creation order)',
          page.map((c) => c.commandId),
          got.map((c) => c.command_id),
        ),
        ...same(
          'statuses',
          page.map((c) => IOTDA_STATUS[c.state]),
          got.map((c) => c.status),
        ),
        ...(which === 'queued' ? same('page.count', matching.length, answer.value.page.count) : []),
      ]);
    }
    calls.push(record);
  }
}

// Queries an OceanConnect device's commands (GET deviceCommands): a creation-time window and a page, statuses as spelled.
import { formatHuaweiTime } from '../../contracts/common/huawei-time.ts';
import type { CallRecord, SeenTime } from '../harness/observations.ts';
import { type Expected, outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { EXPECTED_CODES, OC_STATUS } from './projection.ts';
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

type Spec = Extract<Call, { kind: 'oc-query' }>;

/**
 * startTime and endTime have whole seconds; the window holds every command created from the start of startTime's
 * second to the end of endTime's second. pageNo counts from 0 (the simulator's documented reading).
 */
export class QueryOceanConnect extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'oceanconnect';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const { pageNo, pageSize } = this.spec;
    const device = deviceAt(m, this.spec.device);
    const from = boundAt(m, this.spec.from);
    const to = boundAt(m, this.spec.to);
    const at = m.life.now;
    const admits = admitted(m);
    const expected: Expected = admits
      ? { kind: 'ok' }
      : { kind: 'throttled', code: EXPECTED_CODES.throttled };
    const answer = outcomeOf(
      await r.clients.oceanconnect.queryCommands({
        deviceId: device,
        pageNo,
        pageSize,
        ...(from !== undefined ? { startTime: formatHuaweiTime(from) } : {}),
        ...(to !== undefined ? { endTime: formatHuaweiTime(to) } : {}),
      }),
    );
    expectOutcome(r, step, expected, answer);
    const record: CallRecord = {
      vendor: 'oceanconnect',
      op: 'query',
      at,
      app: m.app,
      device,
      ...recordOf(answer),
    };
    if (answer.kind === 'ok') {
      const page = answer.value;
      const matching = m.life
        .commandsOf(device)
        .filter(
          (c) =>
            (from === undefined || c.createdAt >= toSecond(from)) &&
            (to === undefined || c.createdAt <= toSecond(to) + 999),
        );
      const mine = matching.slice(pageNo * pageSize, (pageNo + 1) * pageSize);
      const times: SeenTime[] = [];
      for (const c of page.data)
        times.push(
          ...huaweiTimes(c.commandId, {
            createdAt: c.creationTime,
            sentAt: c.platformIssuedTime,
            deliveredAt: c.deliveredTime,
            respondedAt: c.executeTime,
          }),
        );
      record.times = times;
      record.statuses = page.data.map((c) => c.status);
      agree(r, step, [
        ...same(
          'ids',
          mine.map((c) => c.commandId),
          page.data.map((c) => c.commandId),
        ),
        ...same(
          'statuses',
          mine.map((c) => OC_STATUS[c.state]),
          page.data.map((c) => c.status),
        ),
        ...same('totalSize', matching.length, page.pagination.totalSize),
      ]);
    }
    calls.push(record);
  }
}

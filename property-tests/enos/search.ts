// Searches an EnOS device's commands (action=search): `state = N` or all, newest first, one page with its total.
import type { CallRecord } from '../harness/observations.ts';
import { outcomeOf, recordOf } from '../harness/outcome.ts';
import type { Real } from '../harness/real.ts';
import { agree } from '../harness/step.ts';
import { ENOS_STATE } from './projection.ts';
import type { PropsModel } from '../model/state.ts';
import type { Call } from './calls.ts';
import { deviceAt, expectOutcome, same, StepCommand } from '../commands/support.ts';
import { enosDevice } from './device.ts';

type Spec = Extract<Call, { kind: 'enos-search' }>;

export class SearchEnos extends StepCommand<Spec> {
  check(m: Readonly<PropsModel>): boolean {
    return m.vendor === 'enos';
  }

  protected async act(m: PropsModel, r: Real, calls: CallRecord[], step: string): Promise<void> {
    const { state, pageNo, pageSize } = this.spec;
    const device = deviceAt(m, this.spec.device);
    const at = m.life.now;
    const answer = outcomeOf(
      await r.clients.enos.search({
        ...enosDevice(r, device, 'asset'),
        ...(state === null ? {} : { expression: `state = ${state}` }),
        pagination: { pageNo, pageSize },
      }),
    );
    expectOutcome(r, step, { kind: 'ok' }, answer);
    const record: CallRecord = { vendor: 'enos', op: 'query', at, device, ...recordOf(answer) };
    if (answer.kind === 'ok') {
      const matching = m.life
        .commandsOf(device)
        .filter((c) => state === null || ENOS_STATE[c.state] === state)
        .reverse();
      const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
      const data = answer.value.data;
      record.times = data.map((c) => ({
        commandId: c.commandId,
        field: 'createdAt' as const,
        value: c.createTime,
        format: 'epoch-ms' as const,
      }));
      agree(r, step, [
        ...same(
          'ids (newest first)',
          page.map((c) => c.commandId),
          data.map((c) => c.commandId),
        ),
        ...same(
          'states',
          page.map((c) => ENOS_STATE[c.state]),
          data.map((c) => c.state),
        ),
        ...same('totalSize', matching.length, answer.value.pagination.totalSize),
      ]);
    }
    calls.push(record);
  }
}

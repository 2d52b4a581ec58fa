// One page of a device's queued or historic commands: filters, the marker (id of the previous page's last record), offset and limit.
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { LIMIT_DEFAULT } from '../../contracts/iotda/constraints.ts';
import type { ListAsyncCommandsQuery } from '../../contracts/iotda/requests.ts';
import { type IotdaStatus, toCanonical } from '../../contracts/iotda/states.ts';
import type { CommandView } from '../model/command.ts';
import type { CommandStore } from '../model/command-store.ts';
import { IotdaPayload } from './projection.ts';

/** The query both list endpoints share once read off the wire (status narrowed by each endpoint's own schema). */
export type PageQuery = Omit<ListAsyncCommandsQuery, 'status'> & { status?: IotdaStatus | undefined };

export type Page =
  | { ok: true; views: CommandView[]; count: number; marker: string | undefined }
  | { ok: false; field: string; reason: string };

const recordIdOf = (view: CommandView): string | undefined =>
  IotdaPayload.safeParse(view.payload).data?.recordId;
const commandNameOf = (view: CommandView): string | undefined =>
  IotdaPayload.safeParse(view.payload).data?.commandName;

/**
 * Records in creation order, filtered by the list's states and the query (status, command_name, created_time within
 * [start_time, end_time]); `count` is every match. The page starts after the record named by `marker` (an unknown
 * marker is refused), skips `offset` more, holds at most `limit`, and names its last record as the next `marker`.
 */
export const pageOf = (
  store: CommandStore,
  deviceKey: string,
  listStates: readonly CanonicalState[],
  q: PageQuery,
): Page => {
  const states = q.status === undefined ? listStates : listStates.filter((s) => s === toCanonical(q.status!));
  const createdFrom = q.start_time === undefined ? undefined : parseHuaweiTime(q.start_time);
  const createdTo = q.end_time === undefined ? undefined : parseHuaweiTime(q.end_time);
  const all = store
    .list(deviceKey, {
      states,
      ...(createdFrom !== undefined ? { createdFrom } : {}),
      // end_time has second precision: the whole second it names is included.
      ...(createdTo !== undefined ? { createdTo: createdTo + 999 } : {}),
    })
    .filter((v) => q.command_name === undefined || commandNameOf(v) === q.command_name);
  let start = 0;
  if (q.marker !== undefined) {
    const at = all.findIndex((v) => recordIdOf(v) === q.marker);
    if (at < 0) return { ok: false, field: 'marker', reason: `no record ${q.marker} in this list` };
    start = at + 1;
  }
  start += q.offset ?? 0;
  const views = all.slice(start, start + (q.limit ?? LIMIT_DEFAULT));
  const last = views.at(-1);
  return { ok: true, views, count: all.length, marker: last && recordIdOf(last) };
};

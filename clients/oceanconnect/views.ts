// What the OceanConnect client returns: the vendor's records as read, with the canonical state next to each vendor status.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import type {
  DeviceCommandRespRead,
  Pagination,
  RevocationTaskRead,
} from '../../contracts/oceanconnect/responses.ts';
import { toCanonical } from '../../contracts/oceanconnect/states.ts';

/** A command as the vendor sent it (`status` keeps the vendor's spelling, PENDDING included) plus its canonical state. */
export type CommandView = DeviceCommandRespRead & { canonicalState: CanonicalState };

export type RevocationTaskView = Omit<RevocationTaskRead, 'deviceCommands'> & {
  deviceCommands: CommandView[];
};

export type PageView<T> = { pagination: Pagination; data: T[] };

export const commandView = (command: DeviceCommandRespRead): CommandView => ({
  ...command,
  canonicalState: toCanonical(command.status),
});

export const revocationTaskView = (task: RevocationTaskRead): RevocationTaskView => ({
  ...task,
  deviceCommands: task.deviceCommands.map(commandView),
});

export const pageView = <I, O>(
  page: { pagination: Pagination; data: I[] },
  view: (item: I) => O,
): PageView<O> => ({
  pagination: page.pagination,
  data: page.data.map(view),
});

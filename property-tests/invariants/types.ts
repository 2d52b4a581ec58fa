// What an invariant is: a named rule over one observed step (and the calls before it), checked without the model.
import type { CommandView } from '../../simulators/model/command.ts';
import type { CallRecord, Observation, Snapshot } from '../harness/observations.ts';
import type { WindowConfig } from '../model/throttle-window.ts';

export type InvariantContext = {
  /** The throttle the vendor under test applies, when it has one. */
  throttle: WindowConfig | undefined;
  /** Every call of the run so far, this step's included, in order. */
  history: readonly CallRecord[];
};

export type Invariant = {
  name: string;
  /** The rule in one sentence (README, reports). */
  says: string;
  /** Every way the step broke the rule, in words; [] when it holds. */
  check(o: Observation, ctx: InvariantContext): string[];
};

export const byId = (s: Snapshot): Map<string, CommandView> =>
  new Map(s.commands.map((c) => [c.commandId, c]));

export const IN_FLIGHT_STATES: ReadonlySet<string> = new Set(['SENT', 'DELIVERED']);

// What the simulators recorded: the journal of each instance, the calls that count against a throttle, and how they compare with the model.
import type { z } from 'zod';
import type { JournalEntry, JournalPage, StateAnswer } from '../../contracts/control/api.ts';
import { predictAllowed } from '../../simulators/model/throttle-predict.ts';
import { ThrottleConfig } from '../../simulators/model/throttle.ts';
import { viaControl } from './control.ts';
import type { Outcome } from './outcome.ts';
import type { Vendor } from '../../vendors/index.ts';

export type { JournalEntry };
export type InstanceState = StateAnswer;

/** The journal entries of `vendor` after sequence number `since`. */
export const fetchJournal = (
  controlUrl: string,
  vendor: Vendor,
  since: number,
): Promise<Outcome<JournalPage>> => viaControl(controlUrl, 'journal', (c) => c.journal({ since, vendor }));

export const fetchLastSeq = (controlUrl: string): Promise<Outcome<number>> =>
  viaControl(controlUrl, 'journal', (c) => c.lastSeq());

/** Commands per state and the throttle each vendor runs with, as the instance reports them. */
export const fetchState = (controlUrl: string): Promise<Outcome<InstanceState>> =>
  viaControl(controlUrl, 'journal', (c) => c.state());

export type ModelCheck = {
  calls: number;
  refused: number;
  predictedRefused: number;
  /** Calls whose answer (refused or not) differs from the model's decision: none is forgiven. */
  mismatches: number;
  /** The first few disagreements: sequence number, platform time, refused or not. */
  mismatched: { seq: number; at: number; refused: boolean }[];
  /** Platform time of the first and the last counted call. */
  firstAt?: number;
  lastAt?: number;
};

/**
 * Replays the counted calls of one application, at the platform times the simulator journaled, through the pure
 * throttle model (predictAllowed) and compares each decision with the answer given. Strict: the journal records the
 * very time the throttle decided on (simulators/platform/call-time.test.ts), so any disagreement is a fault of the
 * throttle or of the journal, and none is explained away.
 */
export const compareWithModel = (
  entries: readonly JournalEntry[],
  throttle: z.input<typeof ThrottleConfig>,
  refusalCode: string,
): ModelCheck => {
  const allowed = entries.map((e) => e.errorCode !== refusalCode);
  const prediction = predictAllowed(
    ThrottleConfig.parse(throttle),
    entries.map((e) => e.at),
  );
  const mismatched: ModelCheck['mismatched'] = [];
  let mismatches = 0;
  entries.forEach((e, i) => {
    if (prediction.decisions[i] === allowed[i]) return;
    mismatches++;
    if (mismatched.length < 10) mismatched.push({ seq: e.seq, at: e.at, refused: !allowed[i] });
  });
  return {
    calls: entries.length,
    refused: allowed.filter((a) => !a).length,
    predictedRefused: prediction.refused,
    mismatches,
    mismatched,
    ...(entries.length ? { firstAt: entries[0]!.at, lastAt: entries.at(-1)!.at } : {}),
  };
};

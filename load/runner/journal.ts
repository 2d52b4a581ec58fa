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
  /** Calls whose answer (refused or not) differs from the model's decision, after the explained ones are moved. */
  mismatches: number;
  /** The first few unexplained calls: sequence number, platform time, refused or not. */
  mismatched: { seq: number; at: number; refused: boolean }[];
  /**
   * Calls journaled just after a window boundary that the platform decided just before it: the journal stamps the
   * answer's time, the throttle the call's (see `compareWithModel`). Moving each of them back across that boundary
   * makes the model agree; their sequence numbers.
   */
  explained: number[];
  /** Platform time of the first and the last counted call. */
  firstAt?: number;
  lastAt?: number;
};

const firstDifference = (
  decisions: readonly boolean[],
  allowed: readonly boolean[],
  upTo = decisions.length,
): number => {
  for (let i = 0; i < upTo; i++) if (decisions[i] !== allowed[i]) return i;
  return -1;
};

/**
 * Replays the counted calls of one application, at the platform times the simulator journaled, through the pure
 * throttle model (predictAllowed) and compares each decision with the answer given.
 *
 * The journal stamps a call when its answer is sent, a moment after the throttle decided on it; at a time scale of
 * 60 one wall millisecond is 60 platform ms, so a call decided in the last instant of a fixed window can be journaled
 * in the next one. With `lagMs` > 0 (fixed windows only), a disagreement is explained when moving one call journaled
 * less than `lagMs` after a boundary back to just before it makes every decision up to the disagreement agree; any
 * other disagreement stands. With `lagMs` 0 the comparison is strict.
 */
export const compareWithModel = (
  entries: readonly JournalEntry[],
  throttle: z.input<typeof ThrottleConfig>,
  refusalCode: string,
  lagMs = 0,
): ModelCheck => {
  const config = ThrottleConfig.parse(throttle);
  const times = entries.map((e) => e.at);
  const allowed = entries.map((e) => e.errorCode !== refusalCode);
  const explained: number[] = [];
  const windowOf = (t: number) => Math.floor((t - config.originMs) / config.windowMs);
  const canExplain =
    lagMs > 0 && config.enabled && config.algorithm === 'fixed-window' && config.alignment === 'epoch';
  let prediction = predictAllowed(config, times);
  for (let i = firstDifference(prediction.decisions, allowed); i >= 0 && canExplain; ) {
    let fixed = false;
    // Candidates: calls up to the disagreement journaled within lagMs after a boundary, latest first.
    for (let j = i; j >= 0 && !fixed; j--) {
      const at = entries[j]!.at;
      if (times[j] !== at || windowOf(at - lagMs) === windowOf(at)) continue;
      const trial = [...times];
      trial[j] = config.originMs + windowOf(at) * config.windowMs - 1;
      const p = predictAllowed(config, trial);
      if (firstDifference(p.decisions, allowed, i + 1) < 0) {
        times[j] = trial[j]!;
        prediction = p;
        explained.push(entries[j]!.seq);
        fixed = true;
      }
    }
    if (!fixed) break;
    i = firstDifference(prediction.decisions, allowed);
  }
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
    explained,
    ...(entries.length ? { firstAt: entries[0]!.at, lastAt: entries.at(-1)!.at } : {}),
  };
};

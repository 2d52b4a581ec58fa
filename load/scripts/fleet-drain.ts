// fleet-drain: cancels every pending command of the primary vendor's fleet, one cancel-all per device (or one cancel per command), each application paced at its rate.
import exec from 'k6/execution';
import type { Options } from 'k6/options';
import { alignAndWait } from './lib/align.ts';
import { DRAIN_LEFT } from './lib/metrics.ts';
import { appsOf, idsOf, PRIMARY, primaryThrottle, RUN } from './lib/run.ts';
import { pacedScenario } from './lib/scenarios.ts';
import { type SummaryData, summarize } from './lib/summary.ts';
import { sleepWall, wallMs } from './lib/timing.ts';
import { k6Vendor } from './lib/vendors.ts';

const { callsPerWindow } = RUN.pacing;
const { windowMs } = primaryThrottle();
/** The primary vendor's applications and calls: fleet-drain drives its revocations. */
const APPS = appsOf(PRIMARY);
const CALLS = k6Vendor(PRIMARY);
/** What each call cancels: a device's whole queue (revoke) or one command (modify: the seeded command ids). */
const targetsOf = (i: number) => idsOf(PRIMARY, i, RUN.strategy === 'revoke' ? 'devices' : 'commands');
/** A throttled call waits one whole window (the next one has begun by then) and tries again, this many times. */
const RETRIES = 3;

export const options: Options = {
  scenarios: Object.fromEntries(
    APPS.map((_, i) => i)
      .filter((i) => targetsOf(i).length > 0)
      .map((i) => [
        `drain_${i}`,
        pacedScenario({
          exec: 'drain',
          vendor: PRIMARY,
          app: i,
          slotsPerWindow: callsPerWindow,
          windowMs,
          iterations: targetsOf(i).length,
        }),
      ]),
  ),
  thresholds: RUN.thresholds,
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
};

/** Iteration k cancels target k of its application; a throttled call is retried after a window. */
export function drain(): void {
  const i = Number(__ENV.APP ?? '0');
  const app = APPS[i]!;
  const target = targetsOf(i)[exec.scenario.iterationInTest];
  if (target === undefined) return;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    const o =
      RUN.strategy === 'revoke' || !CALLS.cancelOne
        ? CALLS.cancelAll(app, target)
        : CALLS.cancelOne(app, target);
    if (o.verdict === 'success') return;
    if (o.verdict === 'unexpected') break;
    sleepWall(wallMs(windowMs));
  }
  DRAIN_LEFT.add(1);
}

/** Aligns every instance's clock with the throttle windows and waits for the common start. */
export function setup(): void {
  alignAndWait(APPS.map((a) => ({ controlUrl: a.controlUrl, intervalMs: windowMs / callsPerWindow })));
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summarize(data);
}

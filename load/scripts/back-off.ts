// back-off: a client of the primary vendor that wants more than the limit, honours its first refusal (1010009) by waiting for the next window, and from then on paces itself.
import exec from 'k6/execution';
import type { Options } from 'k6/options';
import { BACKOFF_FIRST_THROTTLE, BACKOFF_WASTED } from './lib/metrics.ts';
import { appsOf, idsOf, PRIMARY, primaryThrottle, RUN } from './lib/run.ts';
import { type SummaryData, summarize } from './lib/summary.ts';
import { k6Duration, sleepWall, wallMs } from './lib/timing.ts';
import { k6Vendor } from './lib/vendors.ts';

const { limit, windowMs } = primaryThrottle();
const CALLS = k6Vendor(PRIMARY);
const { demandPerWindow, marginRatio } = RUN.backoff;
const { windows } = RUN.pacing;

export const options: Options = {
  scenarios: {
    backoff: {
      executor: 'per-vu-iterations',
      exec: 'backoff',
      vus: 1,
      iterations: Math.ceil(demandPerWindow * windows),
      maxDuration: k6Duration(wallMs(windowMs * windows)),
      gracefulStop: '5s',
    },
  },
  thresholds: RUN.thresholds,
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
};

// The client's state (one VU, so one application's client): when its next call is due, whether it has been
// throttled yet, and the wall times of its last `limit` answered calls.
let due = 0;
let honouring = false;
const answered: number[] = [];

/**
 * Until its first throttle the client calls at its demand. The throttled window is full: its `limit` calls are the
 * client's last `limit` answered ones, so waiting until the oldest of them is a window (plus a margin) old lands in the
 * next window. From then on it keeps doing that before every call: any span of one window holds at most `limit` of its
 * calls, which no fixed window (of any phase) or sliding window of that length refuses.
 */
export function backoff(): void {
  const app = appsOf(PRIMARY)[0]!;
  const demandInterval = wallMs(windowMs / demandPerWindow);
  if (due === 0) due = exec.scenario.startTime;
  sleepWall(due - Date.now());
  if (honouring && answered.length >= limit) {
    const oldest = answered[answered.length - limit]!;
    sleepWall(oldest + wallMs(windowMs) * (1 + marginRatio) - Date.now());
  }
  const sentAt = Date.now();
  // A client held back by its own pacing does not burst to catch up: its demand resumes from now.
  due = (sentAt - due > demandInterval ? sentAt : due) + demandInterval;
  const devices = idsOf(PRIMARY, 0);
  const device = devices[exec.scenario.iterationInTest % devices.length]!;
  const o = CALLS.cancelAll(app, device);
  if (o.verdict === 'throttled') {
    if (honouring) BACKOFF_WASTED.add(1);
    else BACKOFF_FIRST_THROTTLE.add(1);
    honouring = true;
    return;
  }
  answered.push(sentAt);
  if (answered.length > limit) answered.shift();
}

/** Waits for the run's common start when the runner set one (the client itself ignores window phases). */
export function setup(): void {
  if (RUN.startAt !== undefined) sleepWall(RUN.startAt - Date.now());
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summarize(data);
}

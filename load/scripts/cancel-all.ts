// at-limit and over-limit: cancel every pending command of one device per call (each vendor's cancel-all: lib/vendors.ts), at a constant rate per application in platform time.
import exec from 'k6/execution';
import type { Options } from 'k6/options';
import { alignAndWait } from './lib/align.ts';
import { appsOf, idsOf, primaryThrottle, RUN } from './lib/run.ts';
import { pacedScenario, windowSlots } from './lib/scenarios.ts';
import { type SummaryData, summarize } from './lib/summary.ts';
import { k6Vendor } from './lib/vendors.ts';

const { callsPerWindow, windows, spread } = RUN.pacing;
const { windowMs } = primaryThrottle();
const calls = Math.round(callsPerWindow * windows);
const slots = windowSlots(callsPerWindow, spread);
const targets = Object.entries(RUN.apps).flatMap(([vendor, apps]) =>
  apps.map((app, i) => ({ vendor, app: i, controlUrl: app.controlUrl })),
);

export const options: Options = {
  scenarios: Object.fromEntries(
    targets.map((t) => [
      `${t.vendor}_${t.app}`,
      pacedScenario({
        exec: 'cancelAll',
        vendor: t.vendor,
        app: t.app,
        slotsPerWindow: slots.slots,
        windowMs,
        iterations: Math.round(slots.slots * windows),
      }),
    ]),
  ),
  thresholds: RUN.thresholds,
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
};

/** Aligns the instances' clocks with the throttle windows and waits for the common start. */
export function setup(): void {
  alignAndWait(targets.map((t) => ({ controlUrl: t.controlUrl, intervalMs: windowMs / slots.slots })));
}

/**
 * One cancel-all of the scenario's vendor (an OceanConnect revocation task, an EnOS cancel without commandId), the
 * devices taken in turn; an idle slot of a spread window returns at once.
 */
export function cancelAll(): void {
  const vendor = __ENV.VENDOR ?? '';
  const i = Number(__ENV.APP ?? '0');
  const call = slots.callOf(exec.scenario.iterationInTest);
  if (call === undefined || call >= calls) return;
  const devices = idsOf(vendor, i);
  k6Vendor(vendor).cancelAll(appsOf(vendor)[i]!, devices[call % devices.length]!);
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summarize(data);
}

// at-limit and over-limit: cancel every pending command of one device per call (OceanConnect revocation task, EnOS cancel-all), at a constant rate per application in platform time.
import exec from 'k6/execution';
import type { Options } from 'k6/options';
import { alignAndWait } from './lib/align.ts';
import { cancelAll } from './enos/calls.ts';
import { revokeAll } from './oceanconnect/calls.ts';
import { RUN } from './lib/run.ts';
import { pacedScenario } from './lib/scenarios.ts';
import { type SummaryData, summarize } from './lib/summary.ts';

const { callsPerWindow, windows } = RUN.pacing;
const { windowMs } = RUN.throttle.oceanconnect;
const iterations = Math.round(callsPerWindow * windows);
const targets = [
  ...RUN.oceanconnect.map((app, i) => ({ exec: 'oceanconnect', app: i, controlUrl: app.controlUrl })),
  ...RUN.enos.map((app, i) => ({ exec: 'enos', app: i, controlUrl: app.controlUrl })),
];

export const options: Options = {
  scenarios: Object.fromEntries(
    targets.map((t) => [
      `${t.exec}_${t.app}`,
      pacedScenario({ exec: t.exec, app: t.app, callsPerWindow, windowMs, iterations }),
    ]),
  ),
  thresholds: RUN.thresholds,
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
};

/** Aligns the instances' clocks with the throttle windows and waits for the common start. */
export function setup(): void {
  alignAndWait(targets.map((t) => ({ controlUrl: t.controlUrl, intervalMs: windowMs / callsPerWindow })));
}

const appIndex = (): number => Number(__ENV.APP ?? '0');

/** One OceanConnect revocation task, the devices of the application taken in turn. */
export function oceanconnect(): void {
  const app = RUN.oceanconnect[appIndex()]!;
  const k = exec.scenario.iterationInTest;
  if (k >= iterations) return;
  revokeAll(app, app.devices[k % app.devices.length]!);
}

/** One EnOS cancel-all (no commandId), the devices taken in turn. */
export function enos(): void {
  const app = RUN.enos[appIndex()]!;
  const k = exec.scenario.iterationInTest;
  if (k >= iterations) return;
  cancelAll(app, app.devices[k % app.devices.length]!);
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summarize(data);
}

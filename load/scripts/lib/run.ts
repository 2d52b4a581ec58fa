// The run file, read once in the init context: targets, tokens, pacing and thresholds the runner chose for this k6 run.
import type { RunApp, RunFile } from '../../runner/run-file.ts';

export type { RunApp };

const file = __ENV.HARNESS_RUN_FILE;
if (!file)
  throw new Error(
    'HARNESS_RUN_FILE is not set: run this script through `harness load <scenario>` (see load/README.md)',
  );

export const RUN: RunFile = JSON.parse(open(file));

/** The vendor whose documented throttle the run measures, its throttle and its applications. */
export const PRIMARY = RUN.primaryVendor;
export const primaryThrottle = (): RunFile['throttle'][string] => {
  const t = RUN.throttle[PRIMARY];
  if (!t) throw new Error(`the run file has no throttle for ${PRIMARY}`);
  return t;
};
export const appsOf = (vendor: string): RunApp[] => RUN.apps[vendor] ?? [];

/** Where handleSummary writes: the run file's path unless this process was given its own (one per execution segment). */
export const SUMMARY_PATH: string = __ENV.HARNESS_SUMMARY_FILE || RUN.summaryPath;

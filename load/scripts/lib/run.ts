// The run file, read once in the init context: targets, tokens, pacing and thresholds the runner chose for this k6 run.
import type { RunFile } from '../../runner/run-file.ts';

const file = __ENV.HARNESS_RUN_FILE;
if (!file)
  throw new Error(
    'HARNESS_RUN_FILE is not set: run this script through `harness load <scenario>` (see load/README.md)',
  );

export const RUN: RunFile = JSON.parse(open(file));

/** Where handleSummary writes: the run file's path unless this process was given its own (one per execution segment). */
export const SUMMARY_PATH: string = __ENV.HARNESS_SUMMARY_FILE || RUN.summaryPath;

// What every subcommand gets besides its flags: the output folder and the run's stop signal, resolved once at the entry point.
import path from 'node:path';
import { DEFAULT_OUT } from '../runtime/out-dir.ts';

export type RunContext = {
  /** Absolute folder for reports and work files (`--out`, HARNESS_OUT, or ./reports/out). */
  out: string;
  /** Aborted when the run is asked to stop (a signal, or the process that started it ended); the reason is a StopRequest. */
  stop: AbortSignal;
};

/** The context of a subcommand called without one (tests, another command in-process): ./reports/out, never stopped. */
export const defaultContext = (): RunContext => ({
  out: path.resolve(DEFAULT_OUT),
  stop: new AbortController().signal,
});

// The signals that stop a harness run, and the exit code each one ends it with.
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** 128 + the signal's number, as a shell reports a process the signal ended. */
export const EXIT_CODE_OF: Record<StopSignal, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** What a run was asked to stop by: a signal, or (as SIGHUP) the end of the process that started it. */
export type StopRequest = { signal: StopSignal; why: string };

/** The signal of an aborted stop signal (its reason is a StopRequest), or undefined while it runs on. */
export const stoppedBy = (stop: AbortSignal | undefined): StopSignal | undefined =>
  stop?.aborted ? ((stop.reason as StopRequest | undefined)?.signal ?? 'SIGTERM') : undefined;

// The limits the gate judges a client by, computed once from the flags and the clock: what the audit applies and the client is told.
import { z } from 'zod';

/**
 * The least allowance for the measuring path's jitter, in wall ms: a client pacing with `setTimeout` and `Date.now()`
 * (whole wall ms) through loopback HTTP and WireMock lands a few ms either side of its aim (991-1005 ms measured at
 * the model for 1000 ms). A run that measures more (gate/path-probe.ts: a loaded machine) allows what it measured.
 */
export const PATH_JITTER_WALL_MS = 10;

export const GateLimits = z.object({
  /** Most GETs of one URL per platform second. */
  maxPollRate: z.number().positive().default(1),
  /** Least platform ms between an error answer and a retry of the same request. */
  minBackoffMs: z.number().nonnegative().default(1000),
  /** Platform ms per wall ms of the run's clock. */
  timeScale: z.number().positive().default(1),
  /** Wall ms the path may hold a request back: the larger of PATH_JITTER_WALL_MS and what the run measured. */
  pathJitterWallMs: z.number().nonnegative().default(PATH_JITTER_WALL_MS),
});
export type GateLimits = z.infer<typeof GateLimits>;
export type GateLimitsInput = z.input<typeof GateLimits>;

/** The exact least gap between two GETs of one URL, in platform ms: 1000 / maxPollRate. */
export const minPollGapMs = (l: GateLimits): number => 1000 / l.maxPollRate;

/**
 * Platform ms a gap may fall short of a limit and still pass: one step of the client's clock (one wall ms, that is
 * `timeScale` platform ms) plus the path's jitter (wall ms, scaled the same way). A request held back by the path
 * makes the gap after it short by as much, through no fault of the client.
 */
export const toleranceMs = (l: GateLimits): number => l.timeScale * (1 + l.pathJitterWallMs);

/** A figure in ms as the gate prints it: exact to the microsecond, without trailing zeros (333.333, 1000). */
export const ms = (n: number): string => `${Number(n.toFixed(3))} ms`;

// The run file: everything one k6 run needs (targets, credentials, pacing, thresholds), written by the runner and read by the k6 scripts.
import { z } from 'zod';

export const SCENARIOS = ['at-limit', 'over-limit', 'fleet-drain', 'back-off'] as const;
export const ScenarioName = z.enum(SCENARIOS);
export type ScenarioName = z.infer<typeof ScenarioName>;

/** The k6 script of each scenario, relative to load/scripts/: at-limit and over-limit are one action at two rates. */
export const SCRIPT_OF: Record<ScenarioName, string> = {
  'at-limit': 'cancel-all.ts',
  'over-limit': 'cancel-all.ts',
  'fleet-drain': 'fleet-drain.ts',
  'back-off': 'back-off.ts',
};

/** A throttle as the scripts see it: `limit` calls per `windowMs` of platform time, windows aligned to the epoch. */
export const RunThrottle = z.object({
  enabled: z.boolean(),
  limit: z.number().int().positive(),
  windowMs: z.number().int().positive(),
});
export type RunThrottle = z.infer<typeof RunThrottle>;

/**
 * One application as the run file carries it: where it is and its devices; each vendor adds what its k6 calls need
 * (load/runner/<vendor>/app.ts).
 */
export const RunApp = z.looseObject({
  baseUrl: z.string().url(),
  controlUrl: z.string().url(),
  devices: z.array(z.string()),
});
export type RunApp = z.infer<typeof RunApp>;

export const DRAIN_STRATEGIES = ['revoke', 'modify'] as const;

export const RunFile = z.object({
  scenario: ScenarioName,
  /** Platform ms per wall ms of every simulator instance; the scripts divide every platform duration by it. */
  timeScale: z.number().positive(),
  /**
   * Test-harness step, not client behaviour: at its first iteration each k6 scenario moves its instance's platform
   * clock forward so that its calls fall half an interval away from every throttle-window boundary.
   */
  alignToWindow: z.boolean(),
  /** Each load vendor's throttle, by vendor id. */
  throttle: z.record(z.string(), RunThrottle),
  /** Each vendor's seeded applications, by vendor id (absent or empty: the vendor takes no part in the run). */
  apps: z.record(z.string(), z.array(RunApp)),
  /** The vendor whose documented throttle the figures measure: fleet-drain and back-off drive its revocation calls. */
  primaryVendor: z.string(),
  /**
   * Paced scenarios: calls per application per throttle window, and how many windows (at-limit, over-limit); `spread`
   * is the share of each window its calls are spread over (1: evenly, a constant arrival rate).
   */
  pacing: z.object({
    callsPerWindow: z.number().positive(),
    windows: z.number().positive(),
    spread: z.number().gt(0).max(1).default(1),
  }),
  /** fleet-drain: what one call cancels (a revocation task: every pending command of a device; modify: one). */
  strategy: z.enum(DRAIN_STRATEGIES),
  /** back-off: the client's demand (calls per window, above the limit) and the safety margin of its self-pacing. */
  backoff: z.object({ demandPerWindow: z.number().positive(), marginRatio: z.number().nonnegative() }),
  /** k6 thresholds, metric name -> expressions. */
  thresholds: z.record(z.string(), z.array(z.string())),
  /**
   * Wall epoch ms at which every k6 process starts its scenarios (setup() waits for it), so that processes running
   * execution segments share one schedule origin; absent: at once.
   */
  startAt: z.number().optional(),
  /** Where handleSummary writes the summary JSON. */
  summaryPath: z.string(),
});
export type RunFile = z.infer<typeof RunFile>;
export type RunFileInput = z.input<typeof RunFile>;

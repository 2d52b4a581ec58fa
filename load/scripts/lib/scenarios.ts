// k6 scenarios in platform time: a constant arrival rate per application, scaled to wall time by the run's time scale.
import type { Scenario } from 'k6/options';
import { k6Duration, wallMs } from './timing.ts';

export type PacedSpec = {
  /** The exported function that runs each iteration. */
  exec: string;
  /** The vendor of the application (its k6 calls: lib/vendors.ts). */
  vendor: string;
  /** Index of the application in the run file's list for its vendor. */
  app: number;
  /** Calls per window (an integer: k6 starts `rate` iterations per `timeUnit`). */
  callsPerWindow: number;
  windowMs: number;
  /** Iterations the plan needs; the functions ignore any beyond it. */
  iterations: number;
};

/**
 * Iterations planned at start + k * windowMs / callsPerWindow (platform time), ending half an interval after the last
 * one needed; k6 wants at least 1 s, and may start one iteration more than rate x duration, so the iteration
 * functions skip k >= iterations.
 */
export const pacedScenario = (s: PacedSpec): Scenario => {
  const interval = wallMs(s.windowMs / s.callsPerWindow);
  return {
    executor: 'constant-arrival-rate',
    exec: s.exec,
    rate: s.callsPerWindow,
    timeUnit: k6Duration(wallMs(s.windowMs)),
    duration: k6Duration(Math.max(1000, (s.iterations - 0.5) * interval)),
    // Enough VUs, made before the start, to ride out a 400 ms stall of the machine without dropping an iteration.
    preAllocatedVUs: Math.min(64, Math.ceil(400 / interval) + 4),
    maxVUs: 128,
    gracefulStop: '10s',
    env: { VENDOR: s.vendor, APP: String(s.app) },
  };
};

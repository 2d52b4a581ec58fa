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
  /** Iterations k6 starts per window, evenly (an integer: k6's `rate` per `timeUnit`). */
  slotsPerWindow: number;
  windowMs: number;
  /** Iterations the plan needs; the functions ignore any beyond it. */
  iterations: number;
};

/**
 * Iterations planned at start + k * windowMs / slotsPerWindow (platform time), ending half an interval after the last
 * one needed; k6 wants at least 1 s, and may start one iteration more than rate x duration, so the iteration
 * functions skip k >= iterations.
 */
export const pacedScenario = (s: PacedSpec): Scenario => {
  const interval = wallMs(s.windowMs / s.slotsPerWindow);
  return {
    executor: 'constant-arrival-rate',
    exec: s.exec,
    rate: s.slotsPerWindow,
    timeUnit: k6Duration(wallMs(s.windowMs)),
    duration: k6Duration(Math.max(1000, (s.iterations - 0.5) * interval)),
    // Enough VUs, made before the start, to ride out a 400 ms stall of the machine without dropping an iteration.
    preAllocatedVUs: Math.min(64, Math.ceil(400 / interval) + 4),
    maxVUs: 128,
    gracefulStop: '10s',
    env: { VENDOR: s.vendor, APP: String(s.app) },
  };
};

/**
 * A window's calls spread over a `spread` share of it: k6 starts `slots` = callsPerWindow / spread iterations per window,
 * evenly, and only a run of `callsPerWindow` consecutive slots calls (the others return at once). The run starts a fifth
 * of the idle slots after the window's first slot, so a call may be late by the other four fifths before it slips into
 * the next window: late calls are the common case, early ones come only from the clock alignment's error (lib/align.ts).
 * With spread 1 every slot calls: a constant arrival rate, slot k is call k.
 */
export const windowSlots = (callsPerWindow: number, spread: number) => {
  const slots = Math.round(callsPerWindow / spread);
  const lead = Math.floor((slots - callsPerWindow) / 5);
  return {
    slots,
    /** The call slot k makes (0, 1, ... across windows), or undefined for an idle slot. */
    callOf: (k: number): number | undefined => {
      const window = Math.floor(k / slots);
      const s = k - window * slots - lead;
      return s >= 0 && s < callsPerWindow ? window * callsPerWindow + s : undefined;
    },
  };
};

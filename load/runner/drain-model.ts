// The analytic drain model: how long a paced client takes to cancel a fleet's pending commands under a per-application limit, and the fewest keys for a deadline.
import type { DRAIN_STRATEGIES } from './run-file.ts';

export type DrainStrategy = (typeof DRAIN_STRATEGIES)[number];

export type DrainInput = {
  devices: number;
  /** Pending commands per device. */
  pending: number;
  apps: number;
  /** The client's pace per application: calls per window (at most `limit`). */
  callsPerWindow: number;
  limit: number;
  windowMs: number;
  strategy: DrainStrategy;
};

export type DrainFigures = {
  /** Calls of the busiest application (devices split as evenly as they go). */
  callsPerApp: number;
  totalCalls: number;
  /** Platform ms from the first call to the last (of the busiest application). */
  drainMs: number;
  /** Calls per platform minute of all applications together. */
  callsPerMinute: number;
  commandsPerMinute: number;
};

/** Targets per call: a revocation task cancels a device's whole queue; modify cancels one command. */
const callsFor = (devices: number, pending: number, strategy: DrainStrategy): number =>
  strategy === 'revoke' ? devices : devices * pending;

/**
 * A client paced at r = callsPerWindow calls per window (r <= limit, calls half an interval from window boundaries,
 * so none is refused) makes its n calls at 0, I, 2I, ... with I = windowMs / r: the last one at (n - 1) * I. Every
 * application runs in parallel, so the busiest one (ceil(devices / apps) devices) sets the drain time. K matters only
 * to the modify strategy (K calls per device); a revocation task cancels all K at once.
 */
export const estimateDrain = (input: DrainInput): DrainFigures => {
  const r = Math.min(input.callsPerWindow, input.limit);
  const interval = input.windowMs / r;
  const busiest = Math.ceil(input.devices / input.apps);
  const callsPerApp = callsFor(busiest, input.pending, input.strategy);
  const totalCalls = callsFor(input.devices, input.pending, input.strategy);
  const activeApps = Math.min(input.apps, input.devices);
  const perAppPerMinute = (60_000 / interval) * (callsPerApp > 1 ? 1 : 0);
  const callsPerMinute = activeApps * perAppPerMinute;
  return {
    callsPerApp,
    totalCalls,
    drainMs: Math.max(0, callsPerApp - 1) * interval,
    callsPerMinute,
    commandsPerMinute: callsPerMinute * (input.strategy === 'revoke' ? input.pending : 1),
  };
};

/**
 * The fewest applications whose drain fits in `deadlineMs`: each can make floor(deadline / I) + 1 calls, so it can
 * take floor(that / callsPerDevice) devices. Undefined when one device alone cannot be drained in time.
 */
export const fewestApps = (input: Omit<DrainInput, 'apps'>, deadlineMs: number): number | undefined => {
  const r = Math.min(input.callsPerWindow, input.limit);
  const interval = input.windowMs / r;
  const callsPerApp = Math.floor(deadlineMs / interval + 1e-9) + 1;
  const perDevice = input.strategy === 'revoke' ? 1 : Math.max(1, input.pending);
  const devicesPerApp = Math.floor(callsPerApp / perDevice);
  if (devicesPerApp < 1) return undefined;
  return Math.max(1, Math.ceil(input.devices / devicesPerApp));
};

/**
 * How close a measured drain must be to the estimate: 1 % of it, or two call intervals, whichever is larger (wall
 * jitter of a few ms becomes a few hundred platform ms at the time scales used).
 */
export const drainTolerance = (input: DrainInput, estimateMs: number): number =>
  Math.max(0.01 * estimateMs, (2 * input.windowMs) / Math.min(input.callsPerWindow, input.limit));

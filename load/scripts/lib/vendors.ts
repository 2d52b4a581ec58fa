// The k6 side of the vendor registry: each load vendor's calls as the scripts drive them (k6 cannot load vendors/, which needs Node).
import * as enos from '../enos/calls.ts';
import * as oceanconnect from '../oceanconnect/calls.ts';
import type { CallOutcome } from './metrics.ts';
import type { RunApp } from './run.ts';

/** What the scripts call on a vendor: cancel every pending command of a device; cancel one command (if it can). */
export type K6Vendor = {
  cancelAll(app: RunApp, device: string): CallOutcome;
  cancelOne?(app: RunApp, commandId: string): CallOutcome;
};

/**
 * Every vendor with a load plug-in (load/runner/<vendor>/plugin.ts), by id: a new one is one line here and one in
 * vendors/ (load/runner/k6-vendors.test.ts checks the two lists agree).
 */
export const K6_VENDORS: Readonly<Record<string, K6Vendor>> = {
  enos: enos.K6_CALLS,
  oceanconnect: oceanconnect.K6_CALLS,
};

/** The calls of a vendor of the run file. */
export const k6Vendor = (id: string): K6Vendor => {
  const v = K6_VENDORS[id];
  if (!v) throw new Error(`the k6 scripts have no calls for vendor ${id}`);
  return v;
};

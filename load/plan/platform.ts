// The simulator a planning drive runs against: one platform with a frozen clock (it moves only by the drive's jumps).
import type { SimConfigInput } from '../../simulators/platform/config.ts';
import { buildPlatform, type Platform } from '../../simulators/platform/server.ts';
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import { type Vendor, vendorOf } from '../../vendors/index.ts';

/** A whole minute of UTC: the first window of an epoch-aligned throttle starts here. */
export const PLAN_EPOCH_MS = Date.UTC(2026, 0, 1);

export type PlanSimConfig = {
  vendor: Vendor;
  throttle: ThrottleConfigInput;
  seed: number;
  /** Journal entries kept (0: none; a million-call drive keeps its own exact accounting instead). */
  journalCapacity: number;
};

export const simConfigOf = (c: PlanSimConfig): SimConfigInput => ({
  frozen: true,
  startEpochMs: PLAN_EPOCH_MS,
  seed: c.seed,
  devicesPerVendor: 0,
  journalCapacity: c.journalCapacity,
  virtualTimeHeader: true,
  throttle: { [c.vendor]: { ...c.throttle, enabled: true } },
});

/** The platform with only the vendor the drive needs. */
export const buildPlanPlatform = (c: PlanSimConfig): Platform =>
  buildPlatform(simConfigOf(c), [vendorOf(c.vendor).simulator]);

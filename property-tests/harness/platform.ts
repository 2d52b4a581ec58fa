// Starts the simulator the property suite drives: the platform served on 127.0.0.1 (fast), or behind WireMock.
import type { SimConfigInput } from '../../simulators/platform/config.ts';
import type { FleetSections } from '../../simulators/platform/ready-info.ts';
import type { Platform } from '../../simulators/platform/server.ts';
import { VENDORS } from '../../vendors/index.ts';
import { enginesWith, type Mutation, quirksRemovedBy } from '../mutations/faults.ts';

export type Through = 'direct' | 'wiremock';

/** The suite's platform: frozen clock (moved only by the control API), small fleet, small throttles. */
export type SuiteConfig = {
  /**
   * The throttle of every vendor whose plugin says `throttled` (switched on even where it is off in normal runs), as
   * the suite sets it: fixed window, epoch aligned, small, so a run crosses many windows. The others stay as configured.
   */
  throttle: { limit: number; windowMs: number };
  mutations: readonly Mutation[];
  devices: number;
};

export const DEFAULT_SUITE_CONFIG: SuiteConfig = {
  throttle: { limit: 5, windowMs: 10_000 },
  mutations: [],
  devices: 3,
};

/** 2026-01-01T00:00:00Z: where the frozen clock starts. */
export const SUITE_T0 = Date.UTC(2026, 0, 1);

export const simConfigOf = (c: SuiteConfig): SimConfigInput => ({
  frozen: true,
  startEpochMs: SUITE_T0,
  seed: 7,
  devicesPerVendor: c.devices,
  journalCapacity: 0,
  throttle: Object.fromEntries(
    VENDORS.filter((v) => v.props.throttled).map((v) => [
      v.id,
      { enabled: true, limit: c.throttle.limit, windowMs: c.throttle.windowMs, algorithm: 'fixed-window' },
    ]),
  ),
  removedQuirks: quirksRemovedBy(c.mutations),
});

export type RunningPlatform = {
  /** Where the vendor APIs are called (the platform itself, or WireMock in front of it). */
  baseUrl: string;
  /** The platform's control API (always the platform itself). */
  controlUrl: string;
  fleet: FleetSections;
  through: Through;
  /** The platform object, for wiring checks (present in both modes). */
  platform: Platform;
  stop(): Promise<void>;
};

const fleetOf = (platform: Platform): FleetSections =>
  Object.fromEntries(
    VENDORS.map(({ id }) => {
      const sim = platform.vendors.get(id);
      if (!sim) throw new Error(`property suite: vendor ${id} is not simulated`);
      return [id, sim.fleet()];
    }),
  ) as FleetSections;

export const startPlatform = async (
  config: SuiteConfig = DEFAULT_SUITE_CONFIG,
  through: Through = 'direct',
): Promise<RunningPlatform> => {
  const { startSimulators, VENDOR_FACTORIES } = await import('../../simulators/sim.ts');
  if (through === 'wiremock') {
    const sim = await startSimulators({
      mode: 'stateful',
      platform: simConfigOf(config),
      engines: enginesWith(config.mutations),
    });
    const platform = sim.platform!;
    return {
      baseUrl: sim.info.wiremockUrl,
      controlUrl: sim.info.controlUrl,
      fleet: fleetOf(platform),
      through,
      platform,
      stop: () => sim.stop(),
    };
  }
  const { buildPlatform } = await import('../../simulators/platform/server.ts');
  const platform = buildPlatform(
    simConfigOf(config),
    VENDOR_FACTORIES,
    undefined,
    enginesWith(config.mutations),
  );
  const baseUrl = await platform.listen(0);
  return {
    baseUrl,
    controlUrl: `${baseUrl}/__control`,
    fleet: fleetOf(platform),
    through,
    platform,
    stop: () => platform.close(),
  };
};

// One platform per test file (or CLI run) and the set-up of each model run on it: reset, align the clock, fresh clients.
import { type Vendor, vendorOf } from '../../vendors/index.ts';
import { ControlClient, must } from '../../contracts/control/client.ts';
import { newModel, type PropsModel } from '../model/state.ts';
import { makeClients } from './clients.ts';
import {
  DEFAULT_SUITE_CONFIG,
  type RunningPlatform,
  type SuiteConfig,
  startPlatform,
  type Through,
} from './platform.ts';
import { type Checks, Real } from './real.ts';
import type { RunParams } from './run-params.ts';

export type Session = {
  config: SuiteConfig;
  running: RunningPlatform;
  control: ControlClient;
  close(): Promise<void>;
};

export const openSession = async (
  config: SuiteConfig = DEFAULT_SUITE_CONFIG,
  through: Through = 'direct',
): Promise<Session> => {
  const running = await startPlatform(config, through);
  const control = new ControlClient(running.controlUrl);
  return {
    config,
    running,
    control,
    close: async () => {
      await control.close();
      await running.stop();
    },
  };
};

/** Every run starts on a whole hour of platform time, so a replay sees the same throttle windows and timestamps. */
export const RUN_ALIGNMENT_MS = 3_600_000;

/** The vendor's device ids the model drives (its plugin says which: EnOS assetIds, say), in fleet order. */
export const deviceIdsOf = (s: Session, vendor: Vendor): string[] =>
  (vendorOf(vendor).props.deviceIds as (fleet: unknown) => string[])(s.running.fleet[vendor]);

/** What the vendor's throttle counts calls against (an application, a credential), if anything. */
const appOf = (s: Session, vendor: Vendor): string | undefined =>
  (vendorOf(vendor).props.appOf as (fleet: unknown) => string | undefined)(s.running.fleet[vendor]);

/** The asyncModelRun set-up: a clean platform at an aligned instant, a fresh model, fresh clients. */
export const runSetup =
  (s: Session, vendor: Vendor, checks: Checks, params: RunParams = {}) =>
  async (): Promise<{ model: PropsModel; real: Real }> => {
    await must(s.control.reset());
    const was = (await must(s.control.clock())).now;
    const advanceTo = (Math.floor(was / RUN_ALIGNMENT_MS) + 1) * RUN_ALIGNMENT_MS;
    const t0 = (await must(s.control.changeClock({ advanceTo }))).now;
    const limit = params.throttleLimit ?? s.config.throttle.limit;
    const throttled = vendorOf(vendor).props.throttled;
    if (throttled && limit !== s.config.throttle.limit) await must(s.control.setThrottle(vendor, { limit }));
    const throttle = throttled ? { ...s.config.throttle, limit, originMs: 0 } : undefined;
    const model = newModel({
      vendor,
      now: t0,
      devices: deviceIdsOf(s, vendor),
      app: appOf(s, vendor),
      throttle,
      cap: vendorOf(vendor).pendingCap,
    });
    const real: Real = new Real({
      vendor,
      control: s.control,
      clients: makeClients(s.running.baseUrl, s.running.fleet, () => real.now),
      fleet: s.running.fleet,
      checks,
      throttle,
      now: t0,
    });
    real.last = await real.snapshot();
    return { model, real };
  };

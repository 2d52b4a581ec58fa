// The model one fast-check run carries: the vendor under test, its lifecycle model, its throttle model and its devices.
import type { Vendor } from '../../contracts/common/problem.ts';
import { LifecycleModel } from './lifecycle.ts';
import { FixedWindowModel, type WindowConfig } from './throttle-window.ts';

/** Response timeout of commands created without one (the simulators' documented default, EnOS's 30 s). */
export const DEFAULT_TIMEOUT_MS = 30_000;

export type PropsModel = {
  vendor: Vendor;
  life: LifecycleModel;
  /** The per-application throttle (OceanConnect, IoTDA); undefined for EnOS, which documents none. */
  throttle: FixedWindowModel | undefined;
  /** The application calls count against (OceanConnect appId, IoTDA credential). */
  app: string | undefined;
  /** Vendor device ids, which are also the store keys (EnOS: the assetId). */
  devices: readonly string[];
};

export const newModel = (opts: {
  vendor: Vendor;
  now: number;
  devices: readonly string[];
  app?: string;
  throttle?: WindowConfig;
  /** PENDING commands one device may hold (the vendor's documented cap). */
  cap: number;
}): PropsModel => ({
  vendor: opts.vendor,
  life: new LifecycleModel({
    now: opts.now,
    cap: opts.cap,
    defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
    devices: opts.devices,
  }),
  throttle: opts.throttle ? new FixedWindowModel(opts.throttle) : undefined,
  app: opts.app,
  devices: opts.devices,
});

/** Counts one call against the application's throttle at the model's time; true when admitted. */
export const admitted = (m: PropsModel): boolean =>
  m.throttle === undefined || m.app === undefined ? true : m.throttle.admit(m.app, m.life.now);

// The OceanConnect iocm v1.4.0 simulator: the VendorSim the platform server runs under /iocm/.
import { OC_ROUTES } from '../../contracts/oceanconnect/endpoints.ts';
import { findDocumentedError } from '../../contracts/oceanconnect/errors.ts';
import type { PlatformContext, VendorSim, VendorSimFactory } from '../platform/vendor-sim.ts';
import { documented, errorCodeOf, renderFault } from './answers.ts';
import type { OcSimOptionsInput } from './options.ts';
import { seedPlanFleet } from './plan-fleet.ts';
import { applyProviderState } from './provider-states.ts';
import { registerRoutes } from './routes.ts';
import { makeCore, resetCore } from './core.ts';

export const OC_PREFIXES = ['/iocm/'] as const;

/** The simulator with explicit options (task timing, token lifetime, defaults); the factory uses the defaults. */
export const simulatorWith =
  (options: OcSimOptionsInput = {}): VendorSimFactory<'oceanconnect'> =>
  (ctx: PlatformContext): VendorSim<'oceanconnect'> => {
    const w = makeCore(ctx, options);
    return {
      vendor: 'oceanconnect',
      prefixes: OC_PREFIXES,
      store: w.store,
      throttle: w.throttle,
      register: (app) => registerRoutes(app, w),
      routes: OC_ROUTES,
      injectedAnswer: (failure) => {
        const { status, code } = failure;
        if (failure.vendor !== 'oceanconnect' || status === undefined || code === undefined) return undefined;
        if (!findDocumentedError(status, code)) return undefined;
        const { body } = documented(status, code);
        return { status, body };
      },
      renderFault: (fault) => {
        const { status, body } = renderFault(fault);
        return { status, body };
      },
      errorCodeOf,
      fleet: () => ({ appId: w.fleet.appId, secret: w.fleet.secret, devices: [...w.fleet.devices] }),
      deviceKeyOf: (deviceId) => (w.owners.has(deviceId) ? deviceId : undefined),
      reset: () => resetCore(w),
      providerState: (state, params) => applyProviderState(w, state, params),
      seedFleet: (spec) => seedPlanFleet(w, spec),
    };
  };

/** The simulator with its default options: the factory `buildPlatform` takes (and the registry lists). */
export const simulator: VendorSimFactory<'oceanconnect'> = simulatorWith();

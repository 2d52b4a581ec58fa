// The Huawei Cloud IoTDA v5 simulator: store, throttle and tenant wired to the platform server as a VendorSim.
import { PENDING_CAP } from '../../contracts/iotda/constraints.ts';
import { IOTDA_ROUTES } from '../../contracts/iotda/endpoints.ts';
import { IOTDA_ERRORS, THROTTLE_CODE } from '../../contracts/iotda/errors.ts';
import type { PlatformFault } from '../platform/faults.ts';
import type { VendorSim, VendorSimFactory } from '../platform/vendor-sim.ts';
import { type Answer, apiNotFound, badRequestFormat, injected, internalError, throttled } from './answers.ts';
import { iotdaFleetOf } from './fleet.ts';
import { applyProviderState } from './provider-states.ts';
import type { Core } from './core.ts';
import { IOTDA_PREFIX, registerRoutes } from './routes.ts';
import { World } from './world.ts';

/** The documented (or clearest) IoTDA answer for a request the platform refused before any route ran. */
const faultAnswer = (fault: PlatformFault, requestId: () => string): Answer => {
  switch (fault.kind) {
    case 'malformed-body':
      return badRequestFormat(fault.detail);
    case 'unsupported-media-type':
      return badRequestFormat(`unsupported Content-Type ${fault.contentType}; send application/json`);
    case 'body-too-large':
      return badRequestFormat(`the body exceeds ${fault.limitBytes} bytes`);
    case 'headers-too-large':
      return badRequestFormat('the request headers exceed 16 KiB');
    case 'not-found':
      return apiNotFound(requestId());
    case 'internal':
      return internalError(fault.detail);
  }
};

/** The simulator (IoTDA's takes no options): the factory `buildPlatform` takes (and the registry lists). */
export const simulator: VendorSimFactory<'iotda'> = (ctx): VendorSim<'iotda'> => {
  const { config, clock } = ctx;
  const store = ctx.newStore({
    pendingCap: PENDING_CAP,
    idPrefix: 'iotda-',
    seed: config.seed,
    defaultBehaviour: config.deviceBehaviour,
  });
  const throttle = ctx.newThrottle(config.throttle.iotda);
  const world = new World(config.seed);
  const fleet = iotdaFleetOf(config.seed, config.devicesPerVendor);
  const deps: Core = { store, throttle, world, clock };

  const reset = (): void => {
    store.reset();
    // Back to the configured throttle, not only empty windows: a control-API change must not outlive a reset.
    throttle.configure(config.throttle.iotda);
    world.reset(fleet);
    for (const deviceId of fleet.devices) store.addDevice(deviceId, { online: false });
  };
  reset();

  return {
    vendor: 'iotda',
    prefixes: [IOTDA_PREFIX],
    store,
    throttle,
    register: (app) => registerRoutes(app, deps),
    routes: IOTDA_ROUTES,
    injectedAnswer: (failure) => {
      const row = IOTDA_ERRORS.find((e) => e.httpStatus === failure.status && e.code === failure.code);
      if (failure.vendor !== 'iotda' || !row) return undefined;
      // The throttle's text names the configured limit, as the throttle's own answers do.
      const a =
        row.code === THROTTLE_CODE
          ? throttled(throttle.config.limit, throttle.config.windowMs, world.takeRequestId())
          : injected(row.httpStatus, row.code, row.message, world.takeRequestId());
      return { status: a.status, body: a.body };
    },
    renderFault: (fault) => {
      const a = faultAnswer(fault, () => world.takeRequestId());
      return { status: a.status, body: a.body };
    },
    errorCodeOf: (_status, body) => {
      const code = (body as { error_code?: unknown } | null | undefined)?.error_code;
      return typeof code === 'string' ? code : undefined;
    },
    fleet: () => ({ ...fleet, devices: [...fleet.devices] }),
    deviceKeyOf: (deviceId) =>
      world.ownerOf(deviceId) !== undefined && store.getDevice(deviceId) !== undefined ? deviceId : undefined,
    reset,
    providerState: (state, params) => applyProviderState({ ...deps, reset }, state, params),
  };
};

// The EnOS Connection Service v2.1 simulator: store, throttle, fleet and routes wired into the platform's VendorSim contract.
import { PENDING_CAP } from '../../contracts/enos/constraints.ts';
import { ENOS_ROUTES } from '../../contracts/enos/endpoints.ts';
import { errorRow } from '../../contracts/enos/errors.ts';
import type { PlatformFault } from '../platform/faults.ts';
import type { VendorSim, VendorSimFactory } from '../platform/vendor-sim.ts';
import { errorCodeOfBody, failureAnswer, type EnosFailure, tokenFailureAnswer } from './answers.ts';
import { TOKEN_CODES } from './auth.ts';
import { makeCore } from './core.ts';
import { fleetPlan } from './fleet.ts';
import { EnosSimOptions, type EnosSimOptionsInput } from './options.ts';
import { setUpProviderState } from './provider-states.ts';
import { registerRoutes } from './routes.ts';
import { World, storeKeyOf } from './world.ts';

/** URL prefixes the EnOS simulator owns (faults and unknown paths under them get EnOS errors). */
export const ENOS_PREFIXES = ['/connect-service/v2.1/', '/apim-token-service/'] as const;

/** Faults the platform refused before any route ran, as EnOS failures (all with HTTP 200, as every EnOS error). */
const failureOfFault = (fault: PlatformFault): EnosFailure => {
  switch (fault.kind) {
    case 'malformed-body':
      return { kind: 'invalid-argument', field: 'body', reason: 'the body is not valid JSON' };
    case 'unsupported-media-type':
      return {
        kind: 'invalid-argument',
        field: 'Content-Type',
        reason: `a body must be application/json, got ${fault.contentType}`,
      };
    case 'body-too-large':
      return {
        kind: 'invalid-argument',
        field: 'body',
        reason: `the body is larger than ${fault.limitBytes} bytes`,
      };
    case 'headers-too-large':
      return {
        kind: 'invalid-argument',
        field: 'headers',
        reason: 'the request headers are larger than 16 KiB',
      };
    case 'not-found':
      return { kind: 'no-such-api', method: fault.method, path: fault.path };
    case 'internal':
      return { kind: 'internal' };
  }
};

/** The token service's own prefix: its answers keep its own envelope, faults included. */
const TOKEN_PREFIX = '/apim-token-service/';

/**
 * Faults on the token service, as its documented codes: 1005 for an internal error, 1004 "Invalid parameter." for
 * everything else (a body that is not JSON, another media type, an oversize body, a path or method it does not
 * answer); the vendor documents no code for an unknown path, so 1004 is our choice (DECISIONS.md).
 */
const tokenCodeOfFault = (fault: PlatformFault): number =>
  fault.kind === 'internal' ? TOKEN_CODES.internalError : TOKEN_CODES.invalidParameter;

/** A factory with EnOS-specific options (time zone, token life, poseidon tokens, search page size). */
export const simulatorWith =
  (input: EnosSimOptionsInput = {}): VendorSimFactory<'enos'> =>
  (ctx): VendorSim<'enos'> => {
    const options = EnosSimOptions.parse(input);
    const { config, clock } = ctx;
    const store = ctx.newStore({
      pendingCap: PENDING_CAP,
      idPrefix: 'enos-',
      seed: config.seed,
      defaultTimeoutMs: 30_000,
      defaultBehaviour: config.deviceBehaviour,
    });
    const throttle = ctx.newThrottle(config.throttle.enos);
    const world = new World();
    const core = makeCore({ store, world, throttle, clock, options, seed: config.seed });
    const plan = fleetPlan(config.seed, config.devicesPerVendor);

    const reset = (): void => {
      store.reset();
      world.clear();
      // Back to the configured throttle, not only empty windows: a control-API change must not outlive a reset.
      throttle.configure(config.throttle.enos);
      core.restartSequences();
      world.addApp({
        appKey: plan.appKey,
        appSecret: plan.appSecret,
        orgs: new Set([plan.orgId]),
        expireSeconds: options.tokenExpireSeconds,
      });
      world.orgs.add(plan.orgId);
      for (const d of plan.devices) {
        world.addDevice(d);
        store.addDevice(storeKeyOf(d), { online: false, behaviour: config.deviceBehaviour });
      }
    };
    reset();

    return {
      vendor: 'enos',
      prefixes: ENOS_PREFIXES,
      store,
      throttle,
      register: (app) => registerRoutes(app, core),
      routes: ENOS_ROUTES,
      injectedAnswer: (failure) => {
        const code = Number(failure.code);
        if (failure.vendor !== 'enos' || !errorRow(code)) return undefined;
        const { status, body } = failureAnswer(core.nextRequestId(), { kind: 'documented', code });
        return { status, body };
      },
      renderFault: (fault, url) =>
        url.startsWith(TOKEN_PREFIX)
          ? tokenFailureAnswer(tokenCodeOfFault(fault))
          : failureAnswer(core.nextRequestId(), failureOfFault(fault)),
      errorCodeOf: (_status, body) => errorCodeOfBody(body),
      fleet: () => ({
        orgId: plan.orgId,
        appKey: plan.appKey,
        appSecret: plan.appSecret,
        devices: plan.devices.map(({ assetId, productKey, deviceKey }) => ({
          assetId,
          productKey,
          deviceKey,
        })),
      }),
      deviceKeyOf: (id) => {
        const slash = id.indexOf('/');
        const d =
          slash < 0 ? world.deviceByAsset(id) : world.deviceByKeys(id.slice(0, slash), id.slice(slash + 1));
        return d && storeKeyOf(d);
      },
      reset,
      providerState: (state, params) => setUpProviderState(core, reset, state, params),
    };
  };

/** The EnOS simulator with its default options. */
/** The simulator with its default options: the factory `buildPlatform` takes (and the registry lists). */
export const simulator: VendorSimFactory<'enos'> = simulatorWith();

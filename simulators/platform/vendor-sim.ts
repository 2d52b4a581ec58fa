// The contract between the platform server and each vendor's simulator: routes, fault rendering, fleet, provider states.
import type { FastifyInstance } from 'fastify';
import type { FleetSeedAnswer, FleetSeedSpec } from '../../contracts/control/api.ts';
import type { EndpointRoute } from '../../contracts/common/endpoint-route.ts';
import type { DocumentedFailure } from '../../contracts/common/failure.ts';
import type { Vendor } from '../../contracts/common/problem.ts';
import type { SimClock, TimeSource } from '../model/clock.ts';
import type { CommandStore, CommandStoreConfigInput } from '../model/command-store.ts';
import type { Throttle, ThrottleConfigInput } from '../model/throttle.ts';
import type { SimConfig } from './config.ts';
import type { PlatformFault } from './faults.ts';
import type { FleetSections } from './ready-info.ts';

/** Makes a vendor's command store on the platform clock (a store with a deliberate fault in the mutation check). */
export type StoreFactory = (clock: TimeSource, config: CommandStoreConfigInput) => CommandStore;

/** Makes a vendor's throttle (one with a deliberate fault in the mutation check). */
export type ThrottleFactory = (config: ThrottleConfigInput) => Throttle;

/** How the engine parts every vendor simulator runs on are made; absent: the plain ones. */
export type EngineFactories = { stores?: StoreFactory; throttles?: ThrottleFactory };

export type PlatformContext = {
  config: SimConfig;
  clock: SimClock;
  /** The vendor's command store, on the platform clock. */
  newStore(config: CommandStoreConfigInput): CommandStore;
  /** The vendor's per-application throttle. */
  newThrottle(config: ThrottleConfigInput): Throttle;
};

export type ProviderStateOutcome =
  | { ok: true; values?: Record<string, unknown> }
  | { ok: false; message: string };

export type VendorSim<V extends string = Vendor> = {
  readonly vendor: V;
  /** URL path prefixes this vendor owns: unmatched requests under them get this vendor's error. */
  readonly prefixes: readonly string[];
  readonly store: CommandStore;
  readonly throttle: Throttle;
  /** Registers the vendor's routes on the platform server. */
  register(app: FastifyInstance): void;
  /** The vendor's documented (or clearest) answer for a request to `url` refused before any route ran. */
  renderFault(fault: PlatformFault, url: string): { status: number; body: unknown };
  /** The vendor's endpoints (contracts/<vendor>/endpoints.ts): the journal names each call's, injections pick one. */
  readonly routes: readonly EndpointRoute[];
  /** The vendor's documented answer for an injected failure of its own (undefined: not one of this vendor's). */
  injectedAnswer(failure: DocumentedFailure): { status: number; body: unknown } | undefined;
  /** Vendor error code in an answer body, for the journal (undefined for a success). */
  errorCodeOf(status: number, body: unknown): string | undefined;
  /** Credentials and device ids of the current fleet. */
  fleet(): V extends Vendor ? FleetSections[V] : unknown;
  /** The store key of a vendor device id (EnOS: an assetId or `productKey/deviceKey`). */
  deviceKeyOf(vendorDeviceId: string): string | undefined;
  /** Forgets every command, token and throttle window, and seeds the default fleet again. */
  reset(): void;
  /** Sets up a Pact provider state by name (the constants in contracts/<vendor>/provider-states.ts). */
  providerState(state: string, params: unknown): ProviderStateOutcome;
  /** A capacity-planning fleet in one call (POST /__control/fleet/:vendor); absent: the vendor offers none. */
  seedFleet?(spec: FleetSeedSpec): { ok: true; value: FleetSeedAnswer } | { ok: false; message: string };
};

export type VendorSimFactory<V extends string = Vendor> = (ctx: PlatformContext) => VendorSim<V>;

// What a vendor plugs into the harness: the descriptor every vendor's registry entry fills, one field per capability.
import type { z } from 'zod';
import type { CoverageRow } from '../contracts/common/coverage.ts';
import type { EndpointRoute } from '../contracts/common/endpoint-route.ts';
import type { PlanCalls } from '../contracts/common/plan-calls.ts';
import type { DocumentedFailure } from '../contracts/common/failure.ts';
import type { ProviderVerification } from '../contracts/common/provider-verify.ts';
import type { Quirk } from '../contracts/common/quirk.ts';
import type { DriftVendor } from '../drift/vendor.ts';
import type { GateVendor } from '../gate/vendor.ts';
import type { RunApp } from '../load/runner/run-file.ts';
import type { LoadTarget, LoadVendor } from '../load/runner/vendor.ts';
import type { PropsVendor } from '../property-tests/vendor.ts';
import type { DriftedAnswer } from '../simulators/platform/drift-rewrite.ts';
import type { ReplayCase } from '../simulators/replay/replay-case.ts';
import type { VendorSimFactory } from '../simulators/platform/vendor-sim.ts';

/** A vendor's throttle as the simulator runs it by default, and the error code that refuses a call over it. */
export type ThrottleFacts = {
  readonly limit: number;
  readonly windowMs: number;
  readonly enabled: boolean;
  readonly refusalCode: string;
};

/**
 * One vendor. Every field comes from the vendor's own folders (`contracts/<id>/`, `clients/<id>/`,
 * `simulators/<id>/`, ...); capabilities read them through `VENDORS` and never name a vendor themselves.
 */
export type VendorDescriptor<Id extends string = string, Fleet extends z.ZodObject = z.ZodObject> = {
  /** The id used in URLs of the control API, CLI flags, report fields and folder names. */
  readonly id: Id;
  /** The vendor's name as people write it (messages, reports). */
  readonly name: string;
  /** Pact provider name: names the committed pact file and the provider verification (contracts/<id>/constraints.ts). */
  readonly pactProvider: string;
  /** Words of a pact's provider name, and request path prefixes, that tell a third party's pact is for this vendor. */
  readonly recognisedBy: { readonly names: readonly string[]; readonly pathPrefixes: readonly string[] };
  /**
   * Its contract's modules: request and answer schemas, the error table, the state projection, and the request
   * signer and verifier where the vendor signs (contracts/<id>/).
   */
  readonly contract: {
    readonly requests: object;
    readonly responses: object;
    readonly errors: object;
    readonly states: object;
    readonly signing?: object;
  };
  /** Its typed reference client's factory (clients/<id>/client.ts). */
  readonly client: (config: never) => unknown;
  /** The documented answers WireMock replays by marker, one per fixture (simulators/<id>/replay-cases.ts). */
  readonly replayCases: readonly ReplayCase[];
  /** The cases its pact pins, one row each (contracts/<id>/coverage.ts). */
  readonly coverage: readonly CoverageRow[];
  /** PENDING commands one device may hold (contracts/<id>/constraints.ts). */
  readonly pendingCap: number;
  /** The simulator's default throttle and its refusal code (contracts/<id>/constraints.ts). */
  readonly throttle: ThrottleFacts;
  /** The vendor's section of the simulator's ready line: credentials and device ids (simulators/<id>/fleet.ts). */
  readonly fleet: Fleet;
  /** The simulator plug-in with its default options (simulators/<id>/sim.ts). */
  readonly simulator: VendorSimFactory<Id>;
  /** The vendor's endpoints as routes: what the journal names a call, what an injection picks (contracts/<id>/endpoints.ts). */
  readonly routes: readonly EndpointRoute[];
  /** The quirks the simulator reproduces and `harness gate --quirks` removes one at a time (contracts/<id>/quirks.ts). */
  readonly quirks: readonly Quirk[];
  /** The documented failures the simulator can inject and `harness gate --faults` does (contracts/<id>/failures.ts). */
  readonly failures: readonly DocumentedFailure[];
  /** How its answers change under the simulator's `drifted` profile (simulators/<id>/drift-profile.ts). */
  readonly driftedAnswer: DriftedAnswer;
  /** The vendor's part of verifying its committed pact against the simulator (simulators/<id>/verification.ts). */
  readonly providerVerification: (
    fleet: z.infer<Fleet>,
  ) => Pick<ProviderVerification, 'fixtureFor' | 'requestFilter'>;
  /** The vendor's part of the gate: its client's variables, its request check, its rule hooks (gate/<id>/plugin.ts). */
  readonly gate: GateVendor<z.infer<Fleet> & { baseUrl: string }>;
  /** The vendor's part of drift and pact verification (drift/<id>/plugin.ts). */
  readonly drift: DriftVendor;
  /**
   * Real deployments ask TLS clients for a certificate: with `harness sim --client-ca`, the vendor gets a front door
   * of its own that refuses the handshake without one (simulators/client-cert-door.ts).
   */
  readonly clientCertificate?: boolean;
  /** The vendor's part of `harness load`, if it takes part (load/runner/<id>/plugin.ts, k6 calls in load/scripts/<id>/). */
  readonly load?: LoadVendor<z.infer<Fleet>, LoadTarget, RunApp>;
  /** The vendor's part of the property suite (property-tests/<id>/plugin.ts). */
  readonly props: PropsVendor<{ kind: string }, z.infer<Fleet>, unknown>;
  /** The calls a capacity-planning drive makes (clients/<id>/plan-calls.ts); absent: `harness plan` cannot drain it. */
  readonly planCalls?: PlanCalls;
};

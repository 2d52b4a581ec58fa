// What a vendor brings to `harness drift` and `harness verify-pact`: credentials from the environment, the facts answers are judged by, each interaction's need, a default provider state, re-signing, quirk explanations.
import type { DriftFacts, Need } from '../contracts/common/drift.ts';
import type { CanonicalState } from '../contracts/common/lifecycle.ts';
import type { Explanation } from './explanation.ts';
import type { Intent } from './intent.ts';
import type { PactInteraction } from './pact-file.ts';
import type { ProviderState } from './replay.ts';

/** Headers (and AK/SK for Huawei signing) for calls to a real endpoint. */
export type EndpointCredentials = {
  headers: Record<string, string>;
  aksk?: { ak: string; sk: string };
  /** An app secret the vendor's signer uses when the provider state names none (EnOS apim-signature). */
  appSecret?: string;
  /** Top-level request body fields that replace the pact's where present (a login form's app id and secret). */
  bodyFields?: Record<string, string>;
};

/** A request about to be replayed, its headers (lower-case names) open to rewriting. */
export type ReplayedRequest = {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
  /** The first provider state the interaction was set up with, if any. */
  state: ProviderState | undefined;
  /** AK/SK the target was given (a real endpoint's credentials from the environment). */
  aksk?: { ak: string; sk: string };
  /** An app secret the target was given (a real endpoint's credentials from the environment). */
  appSecret?: string;
};

/** How a third party's interaction is mapped onto the vendor's provider states by what it asks for (drift/<vendor>/third-party.ts). */
export type ThirdPartyStates = {
  /** The vendor's error codes meaning "no such command" and "no such device". */
  readonly unknownCodes: { readonly command: readonly string[]; readonly device: readonly string[] };
  /** A status or state value of the vendor's answers as a canonical state. */
  statusOf(value: unknown): CanonicalState | undefined;
  /** The one command a request names (a command id in its path or query), if any. */
  commandIdOf(i: PactInteraction): string | undefined;
  /** Our provider state for what the interaction asks for; undefined when the request lacks what it takes (a token). */
  stateFor(intent: Intent, i: PactInteraction, v4: boolean): ProviderState | undefined;
};

/** One vendor's part of drift and pact verification (`drift/<vendor>/plugin.ts`, registered in `vendors/<vendor>.ts`). */
export type DriftVendor = {
  /** The vendor's own environment variables (HARNESS_DRIFT_<VENDOR>_...), besides the generic `_HEADERS` one. */
  readonly env: readonly string[];
  /** Credentials from those variables; an absent variable adds nothing. */
  credentials(env: Record<string, string | undefined>): EndpointCredentials;
  /** What the vendor's answers are judged by (contracts/<vendor>/drift.ts). */
  readonly facts: DriftFacts;
  /** What each pinned interaction needs of a target, by description (contracts/<vendor>/drift.ts). */
  readonly needs: Readonly<Record<string, Need>>;
  /** The documented default provider state for an interaction whose state names are not ours, if it can be derived. */
  defaultState(i: PactInteraction, v4: boolean): ProviderState | undefined;
  readonly thirdParty: ThirdPartyStates;
  /** Signs a replayed request again where its signature cannot survive the replay (another host, another secret). */
  resign(req: ReplayedRequest): void;
  /** Mismatches the vendor's known quirks account for, with the words `verify-pact` prints. */
  readonly explanations: readonly Explanation[];
};

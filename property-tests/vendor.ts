// What a vendor brings to the property suite: its calls and their command classes, its clients, its model facts, its answer cases.
import type fc from 'fast-check';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { CanonicalState } from '../contracts/common/lifecycle.ts';
import type { StepCommand } from './commands/support.ts';
import type { Invariant } from './invariants/types.ts';
import type { ErrorCase, Override, SuccessCase } from './schema/answer-case.ts';

/** A call spec: an object schema whose `kind` literal names the call (the vendor's own prefix, e.g. `oc-create`). */
export type CallSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.core.$ZodLooseShape>;

/**
 * One vendor's part of the property suite (`property-tests/<vendor>/plugin.ts`, registered in `vendors/<vendor>.ts`).
 * `Fleet` is the vendor's section of the simulator's ready line, `Clients` what its commands call through.
 */
export type PropsVendor<Call extends { kind: string }, Fleet, Clients> = {
  /** The vendor's calls as step specs (what regressions keep), one schema per call. */
  readonly calls: readonly CallSchema[];
  /** Arbitraries of those calls, weighted (a run draws from them, and bursts repeat one). */
  readonly callArbs: readonly { weight: number; arbitrary: fc.Arbitrary<Call> }[];
  /** The command class of one of the vendor's call specs. */
  commandOf(spec: Call): StepCommand;
  /** The suite runs the vendor's per-application throttle (small, fixed windows) and models it. */
  readonly throttled: boolean;
  /** The device ids the model drives, in fleet order (they are also the store's device keys). */
  deviceIds(fleet: Fleet): string[];
  /** What the vendor's throttle counts the suite's calls against (its application or credential), if anything. */
  appOf(fleet: Fleet): string | undefined;
  /** The reference client(s) a run calls through: fresh per run, no throttle retries, clocks on platform time. */
  clients(opts: {
    baseUrl: string;
    fleet: Fleet;
    platformNow: () => number;
    dispatcher?: Dispatcher;
  }): Clients;
  /** The invariants the vendor's runs exercise, shared ones and its own, in the suite's order. */
  readonly invariants: readonly Invariant[];
  /** Checks the contract's state mapping of one canonical state against the model's own table. */
  mappingProblems(state: CanonicalState, eq: (what: string, a: unknown, b: unknown) => void): void;
  /** The answers the reference client reads, drawn from the pinned schemas, and the error answers it must report. */
  readonly successCases: readonly SuccessCase[];
  readonly errorCases: readonly ErrorCase[];
  /** Values drawn directly where a schema's refinements cannot be seen (a URL, say). */
  readonly answerOverrides: readonly Override[];
  /** Error codes the reference client reports as `throttled` rather than as a vendor error. */
  readonly throttledCodes: readonly string[];
};

// What a vendor brings to `harness gate`: the variables its client is given, the check of its requests, and its rule hooks.
import type { ThrottleConfig } from '../simulators/model/throttle.ts';
import type { Secrets } from './redact.ts';
import type { AuditEntry } from './rules/types.ts';

/** One vendor's part of the gate (`gate/<vendor>/plugin.ts`, registered in `vendors/<vendor>.ts`). */
export type GateVendor<Section> = {
  /**
   * The variables the client's command gets (gate/README.md documents each): name and value, from the vendor's
   * section of the ready line (its base URL included) and the throttle the simulator runs for it.
   */
  readonly env: Readonly<Record<string, (section: Section, throttle: ThrottleConfig) => string>>;
  /** The request headers and body fields `--verbose` and the report blank. */
  readonly secrets: Secrets;
  /** `request-schema`: what is wrong with one request of the vendor (empty: nothing). */
  checkRequest(e: AuditEntry): string[];
  /** `throttle-window`: the code of a call the throttle refused, and what the throttle counts calls against. */
  readonly throttleWindow?: { readonly refusalCode: string; appOf(e: AuditEntry): string };
  /** `recancel`: the code refusing to cancel a command no longer cancellable, why, and the command a cancel names. */
  readonly recancel?: {
    readonly refusalCode: string;
    readonly why: string;
    commandOf(e: AuditEntry): string | undefined;
  };
};

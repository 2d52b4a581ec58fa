// Injected platform faults (500 100001, 503 100501): armed by a provider state, fired on the calls they match.
import { z } from 'zod';
import { AppId } from '../../contracts/oceanconnect/constraints.ts';
import { OC, type OcAnswer } from './answers.ts';

export const PLATFORM_FAULTS = ['internal-error', 'congestion'] as const;
export type PlatformFaultName = (typeof PLATFORM_FAULTS)[number];

export const FaultSpec = z.strictObject({
  fault: z.enum(PLATFORM_FAULTS),
  /** Only calls of this application (the `app_key` header, or the login form's appId); absent: every call. */
  appId: AppId.optional(),
  /** How many calls it answers before it disarms itself; absent: until cleared (a reset or another state). */
  calls: z.number().int().positive().optional(),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

/**
 * A simulator-only provider state: the control switch for faults. Unlike the contract's states it does not reset the
 * simulator first, so it can be layered on any state; `faults: []` disarms every fault.
 */
export const SIM_FAULTS_STATE = 'oceanconnect simulator: platform faults';
export const SimFaultsParams = z.strictObject({ faults: z.array(FaultSpec) });

const answerOf = (fault: PlatformFaultName): OcAnswer =>
  fault === 'internal-error'
    ? OC.internalError('injected fault: internal-error')
    : OC.congestion('injected fault: congestion');

type Armed = { spec: FaultSpec; remaining: number };

export class FaultSwitch {
  private armed: Armed[] = [];

  /** Replaces the armed faults. */
  set(specs: readonly FaultSpec[]): void {
    this.armed = specs.map((spec) => ({ spec, remaining: spec.calls ?? Number.POSITIVE_INFINITY }));
  }

  clear(): void {
    this.armed = [];
  }

  /** The answer of the first armed fault matching a call of `appId` (undefined: no app named), counting it as used. */
  take(appId: string | undefined): OcAnswer | undefined {
    const hit = this.armed.find(
      (a) => a.remaining > 0 && (a.spec.appId === undefined || a.spec.appId === appId),
    );
    if (!hit) return undefined;
    hit.remaining--;
    return answerOf(hit.spec.fault);
  }
}

// What a drift run sends its requests to: our simulator (provider states set), a live endpoint, or a recording; one send for all three.
import type { Vendor } from '../contracts/common/problem.ts';
import type { EndpointCredentials } from './vendor.ts';
import type { Recording } from './recording.ts';
import { type ProviderState, type ReplayAnswer, sendRequest, setProviderState } from './replay.ts';
import type { DriftRequest } from './request.ts';

export type Sent =
  | { ok: true; answer: ReplayAnswer }
  | { ok: false; reason: 'not-recorded' | 'transport'; message: string };

export type DriftTarget = {
  /** `simulator`: every provider state can be set; `live` and `recording`: none can. */
  mode: 'simulator' | 'live' | 'recording';
  label: string;
  send: (vendor: Vendor, req: DriftRequest, state?: ProviderState) => Promise<Sent>;
  /** Simulator only: sets an interaction's provider states; an error message when one is refused. */
  setStates?: (vendor: Vendor, states: readonly ProviderState[]) => Promise<string | undefined>;
};

const viaHttp =
  (baseUrl: string, perVendor: Partial<Record<Vendor, EndpointCredentials>>) =>
  async (vendor: Vendor, req: DriftRequest, state?: ProviderState): Promise<Sent> => {
    const c = perVendor[vendor];
    const r = await sendRequest(
      {
        vendor,
        baseUrl,
        ...(c?.aksk ? { aksk: c.aksk } : {}),
        ...(c?.appSecret ? { appSecret: c.appSecret } : {}),
      },
      req,
      state,
    );
    if (r.ok) return r;
    return {
      ok: false,
      reason: 'transport',
      message: r.problem.kind === 'transport' ? r.problem.message : JSON.stringify(r.problem),
    };
  };

/** Our simulator: provider states through its control API, requests as pinned. */
export const simulatorTarget = (baseUrl: string, controlUrl: string): DriftTarget => ({
  mode: 'simulator',
  label: `${baseUrl} (simulator, control API ${controlUrl})`,
  send: viaHttp(baseUrl, {}),
  setStates: async (vendor, states) => {
    for (const s of states) {
      const refused = await setProviderState(controlUrl, vendor, s);
      if (refused) return refused;
    }
    return undefined;
  },
});

/** A live endpoint without our control API (a vendor, a WireMock): AK/SK and apim-* requests re-signed with the team's secrets. */
export const liveTarget = (
  baseUrl: string,
  perVendor: Partial<Record<Vendor, EndpointCredentials>>,
): DriftTarget => ({
  mode: 'live',
  label: baseUrl,
  send: viaHttp(baseUrl, perVendor),
});

/** Recorded WireMock mappings, answered in process as WireMock would. */
export const recordingTarget = (dir: string, recording: Recording): DriftTarget => ({
  mode: 'recording',
  label: `recording ${dir}`,
  send: async (_vendor, req) => {
    const answer = recording.answer(req);
    return answer
      ? { ok: true, answer }
      : { ok: false, reason: 'not-recorded', message: 'no recorded mapping matches the request' };
  },
});

// Sends a request built from a pact interaction to a target (the simulator, a vendor endpoint), signed again by the vendor's plug-in where needed, and sets provider states through the simulator's control API.
import { send } from '../clients/common/http.ts';
import { type Problem, renderProblem, type Vendor } from '../contracts/common/problem.ts';
import { ControlClient } from '../contracts/control/client.ts';
import { vendorOf } from '../vendors/index.ts';
import type { PactInteraction } from './pact-file.ts';
import { type DriftRequest, requestOf, withHeaders } from './request.ts';

export type ProviderState = { name: string; params?: unknown };

export type ReplayTarget = {
  vendor: Vendor;
  baseUrl: string;
  /** The simulator's control API (…/__control): provider states are set through it. Absent for a real vendor. */
  controlUrl?: string;
  /** Headers that replace the pact's (credentials of a real endpoint, from the environment). */
  headers?: Record<string, string>;
  /** Huawei signing: re-sign AK/SK requests with these credentials when the provider state names none. */
  aksk?: { ak: string; sk: string };
  /** An app secret for the vendor's signer when the provider state names none (EnOS apim-signature). */
  appSecret?: string;
};

export type ReplayAnswer = { status: number; body: unknown };
export type SendOutcome = { ok: true; answer: ReplayAnswer } | { ok: false; problem: Problem };

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** Sets one provider state through the control API; an error message when refused. */
export const setProviderState = async (
  controlUrl: string,
  vendor: Vendor,
  state: ProviderState,
): Promise<string | undefined> => {
  const control = new ControlClient(controlUrl);
  try {
    const r = await control.providerState({ vendor, state: state.name, params: state.params });
    return r.ok ? undefined : `provider state "${state.name}": ${renderProblem(r.problem)}`;
  } finally {
    await control.close();
  }
};

/**
 * Sends a request to the target's base URL. Signatures that cannot survive the replay (another host, another secret)
 * are made again by the vendor's drift plug-in, with the provider state's credentials or else the target's.
 */
export const sendRequest = async (
  target: ReplayTarget,
  req: DriftRequest,
  state?: ProviderState,
): Promise<SendOutcome> => {
  const method = req.method.toUpperCase() as Method;
  if (!METHODS.includes(method))
    return {
      ok: false,
      problem: {
        kind: 'invalid-input',
        vendor: target.vendor,
        field: 'method',
        reason: 'not replayable',
        received: method,
      },
    };
  const url = new URL(req.path, target.baseUrl);
  for (const [k, v] of req.query) url.searchParams.append(k, v);
  const headers = { ...req.headers };
  vendorOf(target.vendor).drift.resign({
    method,
    url,
    headers,
    body: req.body,
    state,
    ...(target.aksk ? { aksk: target.aksk } : {}),
    ...(target.appSecret ? { appSecret: target.appSecret } : {}),
  });
  const r = await send(target.vendor, { method, url: url.toString(), headers, body: req.body });
  if (!r.ok) return r;
  return {
    ok: true,
    answer: { status: r.answer.status, body: r.answer.json ?? (r.answer.text || undefined) },
  };
};

/**
 * Replays one interaction: its states (as given, or as `states` overrides) through the control API when there is one,
 * then its request with the target's headers.
 */
export const replayInteraction = async (
  target: ReplayTarget,
  interaction: PactInteraction,
  opts: { v4: boolean; states?: readonly ProviderState[] },
): Promise<SendOutcome> => {
  const states = opts.states ?? interaction.providerStates ?? [];
  if (target.controlUrl) {
    for (const s of states) {
      const refused = await setProviderState(target.controlUrl, target.vendor, s);
      if (refused)
        return { ok: false, problem: { kind: 'transport', vendor: target.vendor, message: refused } };
    }
  }
  return sendRequest(target, withHeaders(requestOf(interaction, opts.v4), target.headers ?? {}), states[0]);
};

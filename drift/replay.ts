// Sends one pact interaction's request to a target (the simulator, a vendor endpoint), after setting its provider state when the target has a control API.
import { send } from '../clients/common/http.ts';
import { type Problem, renderProblem, type Vendor } from '../contracts/common/problem.ts';
import { ControlClient } from '../contracts/control/client.ts';
import { vendorOf } from '../vendors/index.ts';
import { bodyContent, type PactInteraction } from './pact-file.ts';

export type ProviderState = { name: string; params?: unknown };

export type ReplayTarget = {
  vendor: Vendor;
  baseUrl: string;
  /** The simulator's control API (…/__control): provider states are set through it. Absent for a real vendor. */
  controlUrl?: string;
  /** Headers that replace the pact's (credentials of a real endpoint, from the environment). */
  headers?: Record<string, string>;
  /** IoTDA: re-sign AK/SK requests with these credentials when the provider state names none. */
  aksk?: { ak: string; sk: string };
};

export type ReplayAnswer = { status: number; body: unknown };

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

const requestBody = (i: PactInteraction, v4: boolean): unknown => {
  const content = bodyContent(i.request.body, v4);
  const type = v4 ? (i.request.body as { contentType?: string } | undefined)?.contentType : undefined;
  if (typeof content === 'string' && type?.includes('x-www-form-urlencoded'))
    return new URLSearchParams(content);
  return content;
};

/**
 * Replays one interaction: its states (as given, or as `states` overrides) through the control API when there is one,
 * then its request, with the target's headers. Requests whose signature cannot survive the replay are
 * signed again by the vendor's drift plug-in (IoTDA AK/SK for the target's host, EnOS apim-* with the state's secret).
 */
export const replayInteraction = async (
  target: ReplayTarget,
  interaction: PactInteraction,
  opts: { v4: boolean; states?: readonly ProviderState[] },
): Promise<{ ok: true; answer: ReplayAnswer } | { ok: false; problem: Problem }> => {
  const states = opts.states ?? interaction.providerStates ?? [];
  if (target.controlUrl) {
    for (const s of states) {
      const refused = await setProviderState(target.controlUrl, target.vendor, s);
      if (refused)
        return { ok: false, problem: { kind: 'transport', vendor: target.vendor, message: refused } };
    }
  }
  const method = interaction.request.method.toUpperCase() as Method;
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
  const url = new URL(interaction.request.path, target.baseUrl);
  for (const [k, v] of Object.entries(interaction.request.query ?? {}))
    for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(interaction.request.headers ?? {})) {
    const value = Array.isArray(v) ? v.join(', ') : v;
    if (value !== undefined) headers[k.toLowerCase()] = value;
  }
  for (const [k, v] of Object.entries(target.headers ?? {})) headers[k.toLowerCase()] = v;
  const body = requestBody(interaction, opts.v4);
  // Signatures that cannot survive the replay (another host, another secret) are made again by the vendor's plug-in.
  vendorOf(target.vendor).drift.resign({
    method,
    url,
    headers,
    body,
    state: states[0],
    ...(target.aksk ? { aksk: target.aksk } : {}),
  });
  const r = await send(target.vendor, { method, url: url.toString(), headers, body });
  if (!r.ok) return r;
  return {
    ok: true,
    answer: { status: r.answer.status, body: r.answer.json ?? (r.answer.text || undefined) },
  };
};

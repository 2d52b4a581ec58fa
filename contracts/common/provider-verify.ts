// Verifies a committed pact against a base URL: provider states through the simulator's control API (stateful mode), or replayed fixtures chosen per interaction (replay mode).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Verifier } from '@pact-foundation/pact';
import type { RequestHandler } from 'express';
import { ControlClient } from '../control/client.ts';
import { vendorOf } from '../../vendors/index.ts';
import { renderProblem, type Vendor } from './problem.ts';

export type VerifyMode = 'stateful' | 'replay';

type PactInteraction = {
  description: string;
  providerStates?: { name: string; params?: unknown }[];
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, unknown>;
    body?: { content?: unknown; contentType?: string };
  };
};
type PactFile = { interactions: PactInteraction[] };

export type ProviderVerification = {
  vendor: Vendor;
  pactFile: string;
  providerBaseUrl: string;
  mode: VerifyMode;
  /** Stateful mode: the simulator's control API (…/__control). */
  controlUrl?: string;
  /** Replay mode: the fixture answering each interaction description, sent as the X-Harness-Case marker. */
  fixtureFor?: (description: string) => string | undefined;
  /** A vendor's own request rewriting (IoTDA re-signs with the AK/SK of the provider state), run last. */
  requestFilter?: (
    req: Parameters<RequestHandler>[0],
    state: { name: string; params: unknown } | undefined,
  ) => void;
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
};

const readPact = (file: string): PactFile => JSON.parse(readFileSync(file, 'utf8')) as PactFile;

/** Sets a provider state through the control API; its answer may carry values for `fromProviderState`. */
const setStateThroughControl = async (
  controlUrl: string,
  vendor: Vendor,
  state: string,
  params: unknown,
): Promise<Record<string, unknown>> => {
  const control = new ControlClient(controlUrl);
  try {
    const r = await control.providerState({ vendor, state, params });
    if (!r.ok) throw new Error(`provider state "${state}": ${renderProblem(r.problem)}`);
    return r.value;
  } finally {
    await control.close();
  }
};

/** Finds the interaction being replayed from the state just set up and the request the verifier is sending. */
export const interactionFor = (
  pact: PactFile,
  state: { name: string; params: unknown } | undefined,
  method: string,
  path: string,
  /** The request's query; tells apart interactions that share state, method and path (EnOS's `?action=`). */
  query?: URLSearchParams,
  /**
   * The request's headers (lower-case names) and parsed body; tell apart interactions that still look alike
   * (OceanConnect: 100022 by a 65-character deviceId and 100220 by a missing app_key share state and path).
   */
  sent?: { headers: Record<string, unknown>; body: unknown },
): PactInteraction | undefined => {
  const candidates = pact.interactions.filter((i) => {
    if (i.request.method.toUpperCase() !== method.toUpperCase() || i.request.path !== path) return false;
    const first = i.providerStates?.[0];
    if (!state) return first === undefined;
    return first?.name === state.name && isDeepStrictEqual(first.params ?? {}, state.params ?? {});
  });
  if (candidates.length <= 1 || (!query && !sent)) return candidates.length === 1 ? candidates[0] : undefined;
  const sameQuery = (i: PactInteraction) => {
    if (!query) return true;
    const want = i.request.query ?? {};
    const names = new Set([...Object.keys(want), ...query.keys()]);
    return [...names].every((n) => isDeepStrictEqual(want[n] ?? [], query.getAll(n)));
  };
  const byQuery = candidates.filter(sameQuery);
  if (byQuery.length <= 1 || !sent) return byQuery.length === 1 ? byQuery[0] : undefined;
  // Every header the interaction declares was sent, and a declared JSON body is the body sent.
  const sameRequest = (i: PactInteraction) =>
    Object.keys(i.request.headers ?? {}).every((h) => sent.headers[h.toLowerCase()] !== undefined) &&
    (i.request.body?.contentType !== 'application/json' ||
      isDeepStrictEqual(i.request.body.content, sent.body));
  const byRequest = byQuery.filter(sameRequest);
  return byRequest.length === 1 ? byRequest[0] : undefined;
};

export const verifyProvider = async (v: ProviderVerification): Promise<unknown> => {
  const pact = readPact(v.pactFile);
  let current: { name: string; params: unknown } | undefined;
  const names = new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
  const stateHandlers: Record<string, (params?: unknown) => Promise<Record<string, unknown> | undefined>> =
    {};
  // A state that could not be set up must fail its interaction: the verifier itself only logs a throwing handler.
  let stateFailure: string | undefined;
  for (const name of names) {
    stateHandlers[name] = async (params) => {
      current = { name, params: params ?? {} };
      stateFailure = undefined;
      if (v.mode !== 'stateful') return undefined;
      try {
        if (!v.controlUrl) throw new Error('stateful verification needs the control URL');
        return await setStateThroughControl(v.controlUrl, v.vendor, name, params);
      } catch (err) {
        stateFailure = (err as Error).message;
        throw err;
      }
    };
  }
  const requestFilter: RequestHandler = (req, res, next) => {
    // The verifier's own calls (state set-up) pass through the same filter.
    if (req.path.startsWith('/_pact')) {
      next();
      return;
    }
    if (stateFailure) {
      res.status(599).json({ harnessVerification: `provider state failed: ${stateFailure}` });
      return;
    }
    if (v.mode === 'replay') {
      const url = new URL(req.originalUrl ?? req.url, 'http://verifier.invalid');
      const interaction = interactionFor(pact, current, req.method, url.pathname, url.searchParams, {
        headers: req.headers,
        body: req.body,
      });
      const fixture = interaction && v.fixtureFor?.(interaction.description);
      if (!fixture) {
        res.status(599).json({
          harnessVerification: `no replay fixture answers ${req.method} ${url.pathname} in state ${current?.name ?? '(none)'}`,
        });
        return;
      }
      req.headers['x-harness-case'] = fixture;
    }
    v.requestFilter?.(req, current);
    next();
  };
  return new Verifier({
    provider: vendorOf(v.vendor).pactProvider,
    providerBaseUrl: v.providerBaseUrl,
    pactUrls: [v.pactFile],
    stateHandlers: stateHandlers as never,
    requestFilter,
    logLevel: v.logLevel ?? 'warn',
  }).verifyProvider();
};

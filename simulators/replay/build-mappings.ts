// Turns replay cases and their fixtures into WireMock's own mapping JSON: marker mappings, default mappings, fault mappings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CASE_HEADER, CASE_QUERY, FAULT_HEADER, type ReplayCase } from './replay-case.ts';

type Mapping = Record<string, unknown>;

/** Marker mappings win over everything; defaults over the stateful proxy (priority 100). */
export const MARKER_PRIORITY = 1;
export const DEFAULT_PRIORITY = 50;

const statusOf = (fixture: string): number => Number(fixture.slice(0, 3));

const requestPart = (c: ReplayCase, marker?: { header?: string; query?: string }): Mapping => {
  const queryParameters: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.query ?? {})) queryParameters[k] = { equalTo: v };
  if (marker?.query) queryParameters[CASE_QUERY] = { equalTo: marker.query };
  return {
    method: c.method,
    urlPathPattern: c.urlPathPattern,
    ...(Object.keys(queryParameters).length ? { queryParameters } : {}),
    ...(marker?.header ? { headers: { [CASE_HEADER]: { equalTo: marker.header } } } : {}),
  };
};

const responsePart = (c: ReplayCase, body: unknown): Mapping => ({
  status: statusOf(c.fixture),
  headers: { 'Content-Type': 'application/json;charset=UTF-8' },
  jsonBody: body,
});

/** Mappings answering each case by its marker (header or query parameter); registered in both modes. */
export const markerMappings = (
  vendor: string,
  cases: readonly ReplayCase[],
  fixturesDir: string,
): Mapping[] =>
  cases.flatMap((c) => {
    const body = JSON.parse(readFileSync(path.join(fixturesDir, `${c.fixture}.json`), 'utf8')) as unknown;
    return [
      {
        name: `${vendor} ${c.fixture} (header marker)`,
        priority: MARKER_PRIORITY,
        request: requestPart(c, { header: c.fixture }),
        response: responsePart(c, body),
      },
      {
        name: `${vendor} ${c.fixture} (query marker)`,
        priority: MARKER_PRIORITY,
        request: requestPart(c, { query: c.fixture }),
        response: responsePart(c, body),
      },
    ];
  });

/** Mappings answering unmarked requests with each endpoint's default case; registered in replay mode only. */
export const defaultMappings = (
  vendor: string,
  cases: readonly ReplayCase[],
  fixturesDir: string,
): Mapping[] =>
  cases
    .filter((c) => c.isDefault)
    .map((c) => ({
      name: `${vendor} ${c.fixture} (default)`,
      priority: DEFAULT_PRIORITY,
      request: requestPart(c),
      response: responsePart(
        c,
        JSON.parse(readFileSync(path.join(fixturesDir, `${c.fixture}.json`), 'utf8')) as unknown,
      ),
    }));

/** WireMock's transport faults, asked for with `X-Harness-Fault: <name>` on any request. */
export const FAULTS = {
  'connection-reset': 'CONNECTION_RESET_BY_PEER',
  'empty-response': 'EMPTY_RESPONSE',
  'malformed-chunk': 'MALFORMED_RESPONSE_CHUNK',
  'random-data': 'RANDOM_DATA_THEN_CLOSE',
} as const;
export type FaultName = keyof typeof FAULTS;

export const faultMappings = (): Mapping[] =>
  Object.entries(FAULTS).map(([name, fault]) => ({
    name: `fault ${name}`,
    priority: MARKER_PRIORITY,
    request: { method: 'ANY', urlPattern: '.*', headers: { [FAULT_HEADER]: { equalTo: name } } },
    response: { fault },
  }));

/** Latency profiles applied to every mapping the harness registers (replayed answers and the proxy). */
export type LatencyProfile =
  | { kind: 'none' }
  | { kind: 'fixed'; ms: number }
  | { kind: 'lognormal'; medianMs: number; sigma: number; maxMs?: number };

export const parseLatency = (text: string): LatencyProfile | { error: string } => {
  if (text === 'none' || text === '') return { kind: 'none' };
  const fixed = /^fixed:(\d+)$/.exec(text);
  if (fixed) return { kind: 'fixed', ms: Number(fixed[1]) };
  const logn = /^lognormal:(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+))?$/.exec(text);
  if (logn) {
    const p: LatencyProfile = { kind: 'lognormal', medianMs: Number(logn[1]), sigma: Number(logn[2]) };
    return logn[3] ? { ...p, maxMs: Number(logn[3]) } : p;
  }
  return { error: `latency must be none, fixed:<ms> or lognormal:<medianMs>,<sigma>[,<maxMs>]; got ${text}` };
};

/** Adds the latency profile to a mapping's response (fault mappings are left alone). */
export const withLatency = (mapping: Mapping, latency: LatencyProfile): Mapping => {
  const response = mapping.response as Mapping | undefined;
  if (!response || 'fault' in response || latency.kind === 'none') return mapping;
  const delay =
    latency.kind === 'fixed'
      ? { fixedDelayMilliseconds: latency.ms }
      : {
          delayDistribution: {
            type: 'lognormal',
            median: latency.medianMs,
            sigma: latency.sigma,
            ...(latency.maxMs ? { maxValue: latency.maxMs } : {}),
          },
        };
  return { ...mapping, response: { ...response, ...delay } };
};

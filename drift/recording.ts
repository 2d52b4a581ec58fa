// Recorded vendor answers as WireMock mapping files (record mode or hand-kept): loads them and answers a request as WireMock would, for the matchers recordings use.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { ReplayAnswer } from './replay.ts';
import type { DriftRequest } from './request.ts';

/** A value matcher; any other key is refused when the recording is read (never silently ignored). */
const ValueMatcher = z.strictObject({
  equalTo: z.string().optional(),
  caseInsensitive: z.boolean().optional(),
  matches: z.string().optional(),
  doesNotMatch: z.string().optional(),
  contains: z.string().optional(),
  absent: z.boolean().optional(),
});
type ValueMatcher = z.infer<typeof ValueMatcher>;

const BodyMatcher = z.strictObject({
  equalToJson: z.unknown().optional(),
  ignoreArrayOrder: z.boolean().optional(),
  ignoreExtraElements: z.boolean().optional(),
  equalTo: z.string().optional(),
  contains: z.string().optional(),
  matches: z.string().optional(),
});
type BodyMatcher = z.infer<typeof BodyMatcher>;

const Mapping = z.looseObject({
  priority: z.number().int().optional(),
  scenarioName: z.string().optional(),
  requiredScenarioState: z.string().optional(),
  newScenarioState: z.string().optional(),
  request: z.strictObject({
    method: z.string().optional(),
    url: z.string().optional(),
    urlPath: z.string().optional(),
    urlPattern: z.string().optional(),
    urlPathPattern: z.string().optional(),
    queryParameters: z.record(z.string(), ValueMatcher).optional(),
    headers: z.record(z.string(), ValueMatcher).optional(),
    bodyPatterns: z.array(BodyMatcher).optional(),
  }),
  response: z.looseObject({
    status: z.number().int().default(200),
    body: z.string().optional(),
    jsonBody: z.unknown().optional(),
    bodyFileName: z.string().optional(),
  }),
});
export type Mapping = z.infer<typeof Mapping>;

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return jsonFiles(full);
      return name.endsWith('.json') ? [full] : [];
    });

/**
 * Every mapping of every `*.json` file of a recording, one or many (`{"mappings": [...]}`) per file. `dir` is
 * WireMock's root (holding `mappings/` and `__files/`) or the mappings folder itself; a `bodyFileName` answer is read
 * from `__files/`. Throws, naming the file, when a mapping uses a matcher this reader does not know.
 */
export const loadMappings = (dir: string): Mapping[] => {
  if (!existsSync(dir)) throw new Error(`recording ${dir} does not exist`);
  const nested = path.join(dir, 'mappings');
  const mappingsDir = existsSync(nested) ? nested : dir;
  const filesDir = path.join(path.dirname(mappingsDir), '__files');
  return jsonFiles(mappingsDir).flatMap((file) => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { mappings?: unknown };
    const parsed = z.array(Mapping).safeParse(raw.mappings !== undefined ? raw.mappings : [raw]);
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return parsed.data.map((m) =>
      m.response.bodyFileName && m.response.body === undefined && m.response.jsonBody === undefined
        ? {
            ...m,
            response: {
              ...m.response,
              body: readFileSync(path.join(filesDir, m.response.bodyFileName), 'utf8'),
            },
          }
        : m,
    );
  });
};

const valueMatches = (m: ValueMatcher, values: readonly string[]): boolean => {
  if (m.absent) return values.length === 0;
  if (values.length === 0) return false;
  return values.some((v) => {
    if (m.equalTo !== undefined)
      return m.caseInsensitive ? m.equalTo.toLowerCase() === v.toLowerCase() : m.equalTo === v;
    if (m.matches !== undefined) return new RegExp(`^(?:${m.matches})$`).test(v);
    if (m.doesNotMatch !== undefined) return !new RegExp(`^(?:${m.doesNotMatch})$`).test(v);
    if (m.contains !== undefined) return v.includes(m.contains);
    return true;
  });
};

/** JSON equality as WireMock's equalToJson: extra object keys and array order only where allowed. */
const jsonEqual = (want: unknown, got: unknown, o: BodyMatcher): boolean => {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || want.length !== got.length) return false;
    if (!o.ignoreArrayOrder) return want.every((w, i) => jsonEqual(w, got[i], o));
    const left = [...got];
    return want.every((w) => {
      const at = left.findIndex((g) => jsonEqual(w, g, o));
      return at >= 0 && left.splice(at, 1).length === 1;
    });
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return false;
    const w = want as Record<string, unknown>;
    const g = got as Record<string, unknown>;
    if (!o.ignoreExtraElements && Object.keys(g).length !== Object.keys(w).length) return false;
    return Object.keys(w).every((k) => k in g && jsonEqual(w[k], g[k], o));
  }
  return isDeepStrictEqual(want, got);
};

const bodyText = (req: DriftRequest): string =>
  req.body === undefined
    ? ''
    : req.body instanceof URLSearchParams
      ? req.body.toString()
      : JSON.stringify(req.body);

const bodyMatches = (b: BodyMatcher, req: DriftRequest): boolean => {
  const text = bodyText(req);
  if (b.equalToJson !== undefined) {
    if (req.body === undefined || req.body instanceof URLSearchParams) return false;
    const want = typeof b.equalToJson === 'string' ? (JSON.parse(b.equalToJson) as unknown) : b.equalToJson;
    return jsonEqual(want, req.body, b);
  }
  if (b.equalTo !== undefined) return b.equalTo === text;
  if (b.contains !== undefined) return text.includes(b.contains);
  if (b.matches !== undefined) return new RegExp(`^(?:${b.matches})$`, 's').test(text);
  return true;
};

const sameQuery = (a: URLSearchParams, b: readonly [string, string][]): boolean =>
  isDeepStrictEqual([...a].map(([k, v]) => `${k}=${v}`).sort(), b.map(([k, v]) => `${k}=${v}`).sort());

const requestMatches = (m: Mapping, req: DriftRequest): boolean => {
  const r = m.request;
  if (r.method && r.method.toUpperCase() !== 'ANY' && r.method.toUpperCase() !== req.method) return false;
  const query = new URLSearchParams(req.query).toString();
  const full = `${req.path}${query ? `?${query}` : ''}`;
  if (r.url !== undefined) {
    // The recorded path and query, the query compared as a set (its order is the recorder's, not a matter of drift).
    const u = new URL(r.url, 'http://recording.invalid');
    if (u.pathname !== req.path || !sameQuery(u.searchParams, req.query)) return false;
  }
  if (r.urlPath !== undefined && r.urlPath !== req.path) return false;
  if (r.urlPattern !== undefined && !new RegExp(`^(?:${r.urlPattern})$`).test(full)) return false;
  if (r.urlPathPattern !== undefined && !new RegExp(`^(?:${r.urlPathPattern})$`).test(req.path)) return false;
  for (const [name, matcher] of Object.entries(r.queryParameters ?? {}))
    if (
      !valueMatches(
        matcher,
        req.query.filter(([k]) => k === name).map(([, v]) => v),
      )
    )
      return false;
  for (const [name, matcher] of Object.entries(r.headers ?? {})) {
    const value = req.headers[name.toLowerCase()];
    if (!valueMatches(matcher, value === undefined ? [] : [value])) return false;
  }
  return (r.bodyPatterns ?? []).every((b) => bodyMatches(b, req));
};

const answerOf = (m: Mapping): ReplayAnswer => {
  const { jsonBody, body: text, status } = m.response;
  if (jsonBody !== undefined || text === undefined) return { status, body: jsonBody };
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    return { status, body: text };
  }
};

export type Recording = {
  /** How many mappings the recording holds. */
  size: number;
  /** The answer WireMock would give, or undefined when no mapping matches (not recorded). */
  answer: (req: DriftRequest) => ReplayAnswer | undefined;
};

/**
 * A recording that answers as WireMock does: the matching mapping of the highest priority (lowest number, 5 when
 * unset; the one loaded last among equals), scenarios (state "Started" at first) followed and advanced.
 */
export const recordingOf = (mappings: readonly Mapping[]): Recording => {
  const ordered = mappings
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.priority ?? 5) - (b.m.priority ?? 5) || b.i - a.i)
    .map(({ m }) => m);
  const scenarios = new Map<string, string>();
  return {
    size: mappings.length,
    answer: (req) => {
      const hit = ordered.find(
        (m) =>
          requestMatches(m, req) &&
          (m.scenarioName === undefined ||
            m.requiredScenarioState === undefined ||
            (scenarios.get(m.scenarioName) ?? 'Started') === m.requiredScenarioState),
      );
      if (!hit) return undefined;
      if (hit.scenarioName !== undefined && hit.newScenarioState !== undefined)
        scenarios.set(hit.scenarioName, hit.newScenarioState);
      return answerOf(hit);
    },
  };
};

export const loadRecording = (dir: string): Recording => recordingOf(loadMappings(dir));

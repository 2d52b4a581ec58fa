// Recorded vendor answers as WireMock mapping files (record mode or hand-kept): loads them and finds the one recorded for a pact interaction.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { bodyContent, type PactInteraction } from './pact-file.ts';
import type { ReplayAnswer } from './replay.ts';

const Mapping = z.looseObject({
  request: z.looseObject({
    method: z.string().optional(),
    url: z.string().optional(),
    urlPath: z.string().optional(),
    urlPathPattern: z.string().optional(),
    queryParameters: z.record(z.string(), z.looseObject({ equalTo: z.string().optional() })).optional(),
    bodyPatterns: z.array(z.looseObject({ equalToJson: z.unknown().optional() })).optional(),
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
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });

/**
 * Every mapping of every `*.json` file of a recording, one or many per file. `dir` is WireMock's root (holding
 * `mappings/` and `__files/`) or the mappings folder itself; a `bodyFileName` answer is read from `__files/` and inlined.
 */
export const loadRecording = (dir: string): Mapping[] => {
  const nested = path.join(dir, 'mappings');
  const mappingsDir = existsSync(nested) ? nested : dir;
  const filesDir = path.join(path.dirname(mappingsDir), '__files');
  return jsonFiles(mappingsDir).flatMap((file) => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { mappings?: unknown };
    const mappings = raw.mappings !== undefined ? z.array(Mapping).parse(raw.mappings) : [Mapping.parse(raw)];
    return mappings.map((m) =>
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

const pathAndQuery = (m: Mapping): { path?: string; query: URLSearchParams } => {
  if (m.request.url) {
    const u = new URL(m.request.url, 'http://recording.invalid');
    return { path: u.pathname, query: u.searchParams };
  }
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(m.request.queryParameters ?? {}))
    if (v.equalTo !== undefined) query.set(k, v.equalTo);
  return { path: m.request.urlPath, query };
};

const matchesRequest = (m: Mapping, i: PactInteraction): boolean => {
  if (m.request.method && m.request.method.toUpperCase() !== i.request.method.toUpperCase()) return false;
  const { path: p, query } = pathAndQuery(m);
  if (
    p !== undefined
      ? p !== i.request.path
      : !new RegExp(`^${m.request.urlPathPattern ?? '.*'}$`).test(i.request.path)
  )
    return false;
  const want = i.request.query ?? {};
  return [...query.keys()].every((k) => {
    const v = want[k];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).includes(query.get(k) ?? '');
  });
};

/** The recorded answer for an interaction: same method, path and query; among several, the one recorded with the same JSON body. */
export const recordedAnswer = (
  mappings: readonly Mapping[],
  i: PactInteraction,
  v4: boolean,
): ReplayAnswer | undefined => {
  const candidates = mappings.filter((m) => matchesRequest(m, i));
  const body = bodyContent(i.request.body, v4);
  const chosen =
    candidates.find((m) => m.request.bodyPatterns?.some((b) => isDeepStrictEqual(b.equalToJson, body))) ??
    candidates[0];
  if (!chosen) return undefined;
  const { jsonBody, body: text, status } = chosen.response;
  let parsed: unknown = jsonBody;
  if (parsed === undefined && text !== undefined) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status, body: parsed };
};

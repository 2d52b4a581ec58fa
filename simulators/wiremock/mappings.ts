// WireMock mappings and the request journal: loading mapping files, registering them, proxying to the model, reading back.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { request } from 'undici';
import { MatchingAttributes, WireMock } from 'wiremock-captain';
import { z } from 'zod';
import { issuesOf } from '../../contracts/common/problem.ts';
import { SimulatorError, wireMockProblem } from './errors.ts';
import type { WireMockHandle } from './launcher.ts';

/** One stub mapping in WireMock's own JSON format; fields other than request and response pass through untouched. */
export const MappingSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  priority: z.number().int().optional(),
  request: z.looseObject({}),
  response: z.looseObject({}),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Mapping = z.infer<typeof MappingSchema>;

const MappingListFileSchema = z
  .looseObject({ mappings: z.array(MappingSchema) })
  .transform((f) => f.mappings);
const SingleMappingFileSchema = MappingSchema.transform((m) => [m]);

/** Checks a mapping file's JSON: WireMock accepts `{"mappings": [...]}` or one mapping alone; both give a list. */
export const parseMappingFile = (json: unknown) =>
  (typeof json === 'object' && json !== null && 'mappings' in json
    ? MappingListFileSchema
    : SingleMappingFileSchema
  ).safeParse(json);

/** The metadata key that marks a mapping as registered by one handle. */
export const OWNER_KEY = 'harnessOwner';

/** Lowest precedence we give the model proxy by default; WireMock's default stub priority is 5 (1 wins). */
export const PROXY_PRIORITY = 100;

const fail = (reason: string, message: string, output?: string): never => {
  throw new SimulatorError(wireMockProblem(reason, message, output));
};

/**
 * wiremock-captain's client for a handle, on the admin side (plain HTTP even when clients get HTTPS); the trailing
 * slash keeps a path prefix of an external WireMock.
 */
const captain = (handle: WireMockHandle): WireMock =>
  new WireMock(`${handle.adminUrl.replace(/\/__admin$/, '')}/`);

/** Runs an admin call and turns a network failure or a non-2xx answer into a SimulatorError. */
const admin = async (what: string, call: () => Promise<Response>): Promise<void> => {
  let res: Response;
  try {
    res = await call();
  } catch (err) {
    return fail('admin-call-failed', `${what}: ${(err as Error).message}`);
  }
  if (!res.ok) fail('admin-call-failed', `${what}: HTTP ${res.status}`, await res.text());
};

/** Reads every `*.json` file under `dir` (sub-folders too, as WireMock does), sorted by path; checks their shape. */
export const loadMappingFiles = async (dir: string): Promise<{ file: string; mappings: Mapping[] }[]> => {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    return fail('mapping-folder-unreadable', `${dir}: ${(err as Error).message}`);
  }
  const files: { file: string; mappings: Mapping[] }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      return fail('mapping-file-invalid', `${file}: ${(err as Error).message}`);
    }
    const parsed = parseMappingFile(json);
    if (!parsed.success)
      return fail(
        'mapping-file-invalid',
        `${relative(process.cwd(), file)}: ${issuesOf(parsed.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    files.push({ file, mappings: parsed.data });
  }
  return files;
};

/**
 * Posts one mapping as it is (plus our owner tag in its metadata) to `POST /__admin/mappings` and returns its id.
 * wiremock-captain's register() cannot do this: it rebuilds a mapping from its own request/response model (one
 * body pattern, a fixed set of response fields, an added Content-Type), so raw mapping files go through the admin
 * API directly.
 */
export const registerMapping = async (handle: WireMockHandle, mapping: Mapping): Promise<string> => {
  const body = { ...mapping, metadata: { ...mapping.metadata, [OWNER_KEY]: handle.owner } };
  let status: number;
  let text: string;
  try {
    const res = await request(`${handle.adminUrl}/mappings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    return fail('admin-call-failed', `POST ${handle.adminUrl}/mappings: ${(err as Error).message}`);
  }
  if (status !== 201)
    return fail(
      'mapping-refused',
      `WireMock refused mapping ${mapping.name ?? mapping.id ?? ''} (HTTP ${status})`,
      text,
    );
  const created = z.object({ id: z.string() }).safeParse(JSON.parse(text));
  return created.success
    ? created.data.id
    : fail('mapping-refused', 'WireMock answered without a mapping id', text);
};

/**
 * Registers many mappings in one admin call (`POST /__admin/mappings/import`) instead of one POST each: about 170
 * mappings took 0.15-0.5 s this way against 0.8-2 s one by one on a freshly started JVM (bench/startup). Give them
 * in registration order: among mappings of equal priority the later one wins, as with registerMapping one by one
 * (WireMock's import gives precedence to the *first* of a list, so the list is sent reversed).
 */
export const importMappings = async (handle: WireMockHandle, mappings: readonly Mapping[]): Promise<void> => {
  if (mappings.length === 0) return;
  const tagged = mappings.map((m) => ({ ...m, metadata: { ...m.metadata, [OWNER_KEY]: handle.owner } }));
  let status: number;
  let text: string;
  try {
    const res = await request(`${handle.adminUrl}/mappings/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mappings: tagged.reverse(),
        importOptions: { duplicatePolicy: 'OVERWRITE', deleteAllNotInImport: false },
      }),
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    return fail('admin-call-failed', `POST ${handle.adminUrl}/mappings/import: ${(err as Error).message}`);
  }
  if (status < 200 || status >= 300)
    fail(
      'mapping-refused',
      `WireMock refused the import of ${mappings.length} mappings (HTTP ${status})`,
      text,
    );
};

/** Loads every mapping file under `dir` and registers its mappings in file order; returns their ids. */
export const registerMappingsFromDir = async (handle: WireMockHandle, dir: string): Promise<string[]> => {
  const ids: string[] = [];
  for (const { mappings } of await loadMappingFiles(dir))
    for (const mapping of mappings) ids.push(await registerMapping(handle, mapping));
  return ids;
};

/**
 * Stateful mode: a catch-all mapping of low precedence that proxies every request no other mapping answers to the
 * platform model at `modelUrl` (a URL of this host; rewritten for a container). `response` adds fields to the
 * proxy's response definition, e.g. `fixedDelayMilliseconds` or `delayDistribution`. Returns the mapping id.
 */
export const registerProxyToModel = (
  handle: WireMockHandle,
  modelUrl: string,
  opts: ProxyOptions = {},
): Promise<string> => registerMapping(handle, proxyToModel(handle, modelUrl, opts));

export type ProxyOptions = {
  priority?: number;
  name?: string;
  /** More request matching (headers, query parameters) on top of any method and any URL. */
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
};

/** The mapping registerProxyToModel registers, for registering it with others in one import. */
export const proxyToModel = (handle: WireMockHandle, modelUrl: string, opts: ProxyOptions = {}): Mapping => ({
  name: opts.name ?? 'proxy to the platform model',
  priority: opts.priority ?? PROXY_PRIORITY,
  request: { ...opts.request, method: 'ANY', urlPattern: '.*' },
  response: { ...opts.response, proxyBaseUrl: handle.serverUrlFor(modelUrl).replace(/\/+$/, '') },
});

/** Removes the mappings registered through this handle (found by the owner tag), and no other. */
export const removeOwnedMappings = async (handle: WireMockHandle): Promise<void> => {
  try {
    await captain(handle).removeMappingByMetadata(
      { expression: `$.${OWNER_KEY}`, equalTo: handle.owner },
      MatchingAttributes.MatchesJsonPath,
    );
  } catch (err) {
    fail('admin-call-failed', `remove our mappings from ${handle.url}: ${(err as Error).message}`);
  }
};

/**
 * Embedded and container: back to no mappings (WireMock's reset restores the backing store, an empty folder).
 * External: only the mappings we added are removed, since others may share that WireMock.
 */
export const resetMappings = (handle: WireMockHandle): Promise<void> =>
  handle.kind === 'external'
    ? removeOwnedMappings(handle)
    : admin('reset mappings', () => captain(handle).resetMappings());

/** Empties the request journal. */
export const clearJournal = (handle: WireMockHandle): Promise<void> =>
  admin('clear the journal', () => captain(handle).clearAllRequests());

const HeadersSchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .optional()
  .transform((h) =>
    Object.fromEntries(
      Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]),
    ),
  );

/** One entry of `GET /__admin/requests`, reduced to what a test asserts on. */
export const JournalEntrySchema = z
  .object({
    id: z.string(),
    request: z.object({
      method: z.string(),
      url: z.string(),
      headers: HeadersSchema,
      body: z.string().default(''),
      loggedDate: z.number(),
    }),
    response: z
      .object({ status: z.number(), headers: HeadersSchema, body: z.string().default('') })
      .optional(),
    wasMatched: z.boolean(),
    stubMapping: z.object({ id: z.string().optional() }).loose().optional(),
    /** WireMock journals a request before its answer goes out and adds `totalTime` once it is sent. */
    timing: z.object({ totalTime: z.number().optional() }).loose().optional(),
  })
  .transform((e) => ({
    id: e.id,
    method: e.request.method,
    /** Path and query, as the client sent them. */
    url: e.request.url,
    /** Header names lower-cased; repeated headers joined with ", ". */
    headers: e.request.headers,
    body: e.request.body,
    loggedAt: new Date(e.request.loggedDate).toISOString(),
    wasMatched: e.wasMatched,
    /** Id of the mapping that answered; undefined when none matched. */
    mappingId: e.wasMatched ? e.stubMapping?.id : undefined,
    response: e.response ?? { status: 0, headers: {}, body: '' },
    /** Undefined while WireMock is still sending the answer. */
    totalTimeMs: e.timing?.totalTime,
    /** The answer is recorded and sent (a journal read right after a call may see it half written). */
    complete: e.response !== undefined && e.timing?.totalTime !== undefined,
  }));
export type JournalEntry = z.output<typeof JournalEntrySchema>;

const JournalSchema = z.object({ requests: z.array(JournalEntrySchema) });

/** The request journal, oldest first; `limit` keeps the most recent N (WireMock's own `limit`). */
export const getJournal = async (
  handle: WireMockHandle,
  opts: { limit?: number } = {},
): Promise<JournalEntry[]> => {
  const url = `${handle.adminUrl}/requests${opts.limit !== undefined ? `?limit=${opts.limit}` : ''}`;
  let json: unknown;
  try {
    const res = await request(url);
    const text = await res.body.text();
    if (res.statusCode !== 200) return fail('admin-call-failed', `GET ${url}: HTTP ${res.statusCode}`, text);
    json = JSON.parse(text);
  } catch (err) {
    if (err instanceof SimulatorError) throw err;
    return fail('admin-call-failed', `GET ${url}: ${(err as Error).message}`);
  }
  const parsed = JournalSchema.safeParse(json);
  if (!parsed.success)
    return fail(
      'journal-unreadable',
      issuesOf(parsed.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; '),
    );
  return parsed.data.requests.reverse();
};

/**
 * The journal once every entry read is complete: a client may have its answer before WireMock has finished the
 * entry (it adds the answer's timing after sending it), so a read right after a call polls until it is done.
 */
export const getCompleteJournal = async (
  handle: WireMockHandle,
  opts: { limit?: number; timeoutMs?: number } = {},
): Promise<JournalEntry[]> => {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const entries = await getJournal(handle, opts);
    const pending = entries.filter((e) => !e.complete);
    if (pending.length === 0) return entries;
    if (Date.now() >= deadline)
      return fail(
        'journal-incomplete',
        `${pending.length} journal entries still incomplete after ${opts.timeoutMs ?? 10_000} ms: ${pending
          .map((e) => `${e.method} ${e.url}`)
          .join(', ')}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
};

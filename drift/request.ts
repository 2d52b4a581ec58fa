// A pact interaction's request as plain data, and the changes a replay makes to it: the team's ids and headers, then a need's alterations.
import type { Alteration, RequestSlot } from '../contracts/common/drift.ts';
import { bodyContent, type PactInteraction } from './pact-file.ts';

/** Header names lower-case; `body` a JSON value, a form (URLSearchParams) or absent. */
export type DriftRequest = {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: unknown;
};

/** The request exactly as the pact pins it. */
export const requestOf = (i: PactInteraction, v4: boolean): DriftRequest => {
  const query: [string, string][] = [];
  for (const [k, v] of Object.entries(i.request.query ?? {}))
    for (const one of Array.isArray(v) ? v : [v]) query.push([k, one]);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(i.request.headers ?? {}))
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const content = bodyContent(i.request.body, v4);
  const type = v4 ? (i.request.body as { contentType?: string } | undefined)?.contentType : undefined;
  const body =
    typeof content === 'string' && type?.includes('x-www-form-urlencoded')
      ? new URLSearchParams(content)
      : content;
  return { method: i.request.method.toUpperCase(), path: i.request.path, query, headers, body };
};

const cloneBody = (body: unknown): unknown =>
  body instanceof URLSearchParams
    ? new URLSearchParams(body)
    : body === undefined
      ? undefined
      : structuredClone(body);

const mapJson = (v: unknown, f: (s: string) => string): unknown => {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapJson(x, f));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapJson(x, f)]));
  return v;
};

/**
 * Replaces the pinned example ids with the team's (`ids`: pinned value -> the team's value), wherever a whole path
 * segment, query value or body string equals one. Headers are left to `withHeaders`.
 */
export const mapIds = (req: DriftRequest, ids: Readonly<Record<string, string>>): DriftRequest => {
  if (Object.keys(ids).length === 0) return req;
  const f = (s: string): string => ids[s] ?? s;
  const body =
    req.body instanceof URLSearchParams
      ? new URLSearchParams([...req.body].map(([k, v]): [string, string] => [k, f(v)]))
      : mapJson(req.body, f);
  return {
    ...req,
    path: req.path
      .split('/')
      .map((seg) => encodeURIComponent(f(decodeURIComponent(seg))))
      .join('/'),
    query: req.query.map(([k, v]) => [k, f(v)]),
    body,
  };
};

/** The request with these headers set (names compared case-insensitively); they replace the pact's. */
export const withHeaders = (req: DriftRequest, headers: Readonly<Record<string, string>>): DriftRequest => {
  const out = { ...req.headers };
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return { ...req, headers: out };
};

/** Top-level body fields set to these values where the body has them (a team's appId and secret in a login form). */
export const withBodyFields = (req: DriftRequest, fields: Readonly<Record<string, string>>): DriftRequest => {
  if (Object.keys(fields).length === 0) return req;
  if (req.body instanceof URLSearchParams) {
    const form = new URLSearchParams(req.body);
    for (const [k, v] of Object.entries(fields)) if (form.has(k)) form.set(k, v);
    return { ...req, body: form };
  }
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) return req;
  const body = { ...(req.body as Record<string, unknown>) };
  for (const [k, v] of Object.entries(fields)) if (k in body) body[k] = v;
  return { ...req, body };
};

const setSlot = (req: DriftRequest, slot: RequestSlot, value: string): DriftRequest | string => {
  switch (slot.at) {
    case 'path': {
      const segs = req.path.split('/');
      const at = segs.indexOf(slot.after);
      if (at < 0 || at + 1 >= segs.length) return `the path ${req.path} has no segment after "${slot.after}"`;
      segs[at + 1] = encodeURIComponent(value);
      return { ...req, path: segs.join('/') };
    }
    case 'query':
      if (!req.query.some(([k]) => k === slot.name)) return `the request has no query parameter ${slot.name}`;
      return { ...req, query: req.query.map(([k, v]) => [k, k === slot.name ? value : v]) };
    case 'body': {
      const r = withBodyFields({ ...req, body: cloneBody(req.body) }, { [slot.name]: value });
      const has =
        r.body instanceof URLSearchParams
          ? r.body.get(slot.name) === value
          : (r.body as Record<string, unknown> | undefined)?.[slot.name] === value;
      return has ? r : `the request body has no field ${slot.name}`;
    }
  }
};

/**
 * A need's alterations applied in order. `captured` holds what earlier steps captured. The result is the request,
 * or a sentence saying why an alteration could not apply (a missing slot or captured value): a defect of the table.
 */
export const alter = (
  req: DriftRequest,
  alterations: readonly Alteration[],
  captured: Readonly<Record<string, string>>,
): DriftRequest | string => {
  let out: DriftRequest = { ...req, headers: { ...req.headers } };
  for (const a of alterations) {
    if ('header' in a) {
      const name = a.header.toLowerCase();
      if ('drop' in a) delete out.headers[name];
      else out.headers[name] = a.set;
      continue;
    }
    const value = 'set' in a ? a.set : captured[a.captured];
    if (value === undefined) return `no value was captured as "${'captured' in a ? a.captured : ''}"`;
    const next = setSlot(out, a.slot, value);
    if (typeof next === 'string') return next;
    out = next;
  }
  return out;
};

/** `GET /path?a=1`, for messages. */
export const describeRequest = (req: DriftRequest): string => {
  const q = new URLSearchParams(req.query).toString();
  return `${req.method} ${req.path}${q ? `?${q}` : ''}`;
};

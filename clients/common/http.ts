// The one HTTP call every reference client makes: undici underneath, a plain answer record or a transport problem out.
import { request, type Dispatcher } from 'undici';
import type { Problem, Vendor } from '../../contracts/common/problem.ts';

export type HttpCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** A JSON body (serialised here), or a form body given as a URLSearchParams. */
  body?: unknown;
};

export type HttpAnswer = {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
};

export type HttpOptions = { dispatcher?: Dispatcher; timeoutMs?: number };

export const buildUrl = (base: string, query?: HttpCall['query']): string => {
  const url = new URL(base);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
};

const flatHeaders = (h: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
};

export const send = async (
  vendor: Vendor,
  call: HttpCall,
  opts: HttpOptions = {},
): Promise<{ ok: true; answer: HttpAnswer } | { ok: false; problem: Problem }> => {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  let body: string | undefined;
  if (call.body instanceof URLSearchParams) {
    body = call.body.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] ??= 'application/json';
  }
  try {
    const res = await request(buildUrl(call.url, call.query), {
      method: call.method,
      headers,
      body,
      dispatcher: opts.dispatcher,
      headersTimeout: opts.timeoutMs ?? 30_000,
      bodyTimeout: opts.timeoutMs ?? 30_000,
    });
    const text = await res.body.text();
    let json: unknown;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { ok: true, answer: { status: res.statusCode, headers: flatHeaders(res.headers), text, json } };
  } catch (err) {
    return { ok: false, problem: { kind: 'transport', vendor, message: (err as Error).message } };
  }
};

// A journalled request with its secrets blanked (each vendor names its secret headers and fields), for `--verbose` and the report.
import type { AuditEntry } from './rules/types.ts';

/** What a vendor counts as secret in a request: header names and body field names (JSON or form), any case. */
export type Secrets = { readonly headers: readonly string[]; readonly fields: readonly string[] };

export type RedactedRequest = { headers: Record<string, string>; body: string };

/** Keeps an auth scheme word (`Bearer`, `SDK-HMAC-SHA256`) and says how long the secret was. */
const blank = (value: string): string => {
  const scheme = /^([A-Za-z][\w-]*) \S/.exec(value)?.[1];
  return `${scheme ? `${scheme} ` : ''}<redacted, ${value.length} chars>`;
};

const blankFields = (value: unknown, fields: ReadonlySet<string>): unknown => {
  if (Array.isArray(value)) return value.map((v) => blankFields(v, fields));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      fields.has(k.toLowerCase())
        ? blank(typeof v === 'string' ? v : JSON.stringify(v))
        : blankFields(v, fields),
    ]),
  );
};

const blankBody = (body: string, fields: ReadonlySet<string>): string => {
  if (body === '' || fields.size === 0) return body;
  try {
    return JSON.stringify(blankFields(JSON.parse(body), fields));
  } catch {
    // Not JSON: a form body (`appId=..&secret=..`) has its fields blanked; anything else is shown as sent.
    if (!/^[^=&\s]+=[^&\s]*(&[^=&\s]+=[^&\s]*)*$/.test(body)) return body;
    const form = new URLSearchParams(body);
    for (const [k, v] of [...form.entries()]) if (fields.has(k.toLowerCase())) form.set(k, blank(v));
    return form.toString();
  }
};

/** The request's headers and body with the secrets of `secrets` blanked. */
export const redact = (e: Pick<AuditEntry, 'headers' | 'body'>, secrets: Secrets): RedactedRequest => {
  const headers = new Set(secrets.headers.map((h) => h.toLowerCase()));
  const fields = new Set(secrets.fields.map((f) => f.toLowerCase()));
  return {
    headers: Object.fromEntries(
      Object.entries(e.headers).map(([k, v]) => [k, headers.has(k.toLowerCase()) ? blank(v) : v]),
    ),
    body: blankBody(e.body, fields),
  };
};

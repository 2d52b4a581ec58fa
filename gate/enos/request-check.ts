// The gate's request-schema check of one EnOS request: the apim-* headers, a signature the platform refused, each action's query and body.
import type { z } from 'zod';
import { ERROR_CODES } from '../../contracts/enos/errors.ts';
import { ENDPOINTS, EnosAction, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { checkBody, firstIssue, queryObject } from '../request-parts.ts';
import { type AuditEntry, headerOf, splitUrl } from '../rules/types.ts';

export const checkRequest = (e: AuditEntry): string[] => {
  const { path, query } = splitUrl(e.url);
  if (path === TOKEN_PATH) return [];
  const out: string[] = [];
  for (const h of ['apim-accesstoken', 'apim-signature', 'apim-timestamp'])
    if (!headerOf(e, h)) out.push(`missing ${h} header`);
  // The platform recomputes the signature over the exact request; its refusal is the proof of a wrong one.
  if (headerOf(e, 'apim-signature') && e.errorCode === String(ERROR_CODES.encryptionInvalid))
    out.push(`apim-signature does not match the request (EnOS answered ${ERROR_CODES.encryptionInvalid})`);
  const action = EnosAction.safeParse(query.get('action'));
  if (!action.success) return [...out, `unknown or missing action: ${query.get('action') ?? '(none)'}`];
  const endpoint = ENDPOINTS[action.data];
  const fields = queryObject(query);
  delete fields.action;
  out.push(...checkQueryFields(fields, endpoint.query, `${action.data} query`));
  if (endpoint.body && e.method === 'POST') out.push(...checkBody(e, endpoint.body, `${action.data} body`));
  return out;
};

/** EnOS query values that are numbers on the wire arrive as text: retry numeric-looking ones as numbers. */
const checkQueryFields = (fields: Record<string, string>, schema: z.ZodType, what: string): string[] => {
  const asNumbers = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, /^-?\d+$/.test(v) && k !== 'commandId' ? Number(v) : v]),
  );
  const r = schema.safeParse(asNumbers);
  if (r.success) return [];
  const plain = schema.safeParse(fields);
  return plain.success ? [] : [`${what}: ${firstIssue(r.error)}`];
};

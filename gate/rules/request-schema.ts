// Rule `request-schema`: every request the client sent, checked against the contract request schemas of its vendor.
import type { z } from 'zod';
import { ERROR_CODES as ENOS_CODES } from '../../contracts/enos/errors.ts';
import { ENDPOINTS as ENOS_ENDPOINTS, EnosAction, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { DevicePathParams, RequestAuthHeaders } from '../../contracts/iotda/requests.ts';
import {
  CreateAsyncCommandBodyTolerant,
  ListAsyncCommandsWireQuery,
  ListAsyncHistoryCommandsWireQuery,
} from '../../contracts/iotda/requests.ts';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import {
  AuthHeaders,
  CreateCommandBody,
  CreateRevocationTaskBody,
  LoginForm,
  ModifyCommandBody,
  QueryCommandsQuery,
  QueryRevocationTasksQuery,
} from '../../contracts/oceanconnect/requests.ts';
import { type AuditEntry, headerOf, type Rule, splitUrl, type Violation, violation } from './types.ts';

const ID = 'request-schema';

/** The first issue of a failed parse, as `field: message`. */
const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
};

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const parseJson = (body: string): Parsed => {
  if (body === '') return { ok: false, message: 'the body is empty' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, message: `the body is not JSON (${(err as Error).message})` };
  }
};

const queryObject = (q: URLSearchParams): Record<string, string> => Object.fromEntries(q.entries());

/** Checks a body against a schema: bad JSON first, then the schema. */
const checkBody = (e: AuditEntry, schema: z.ZodType, what: string): string[] => {
  const json = parseJson(e.body);
  if (!json.ok) return [`bad JSON in ${what}: ${json.message}`];
  const r = schema.safeParse(json.value);
  return r.success ? [] : [`${what}: ${firstIssue(r.error)}`];
};

const checkQuery = (q: URLSearchParams, schema: z.ZodType, what: string): string[] => {
  const r = schema.safeParse(queryObject(q));
  return r.success ? [] : [`${what}: ${firstIssue(r.error)}`];
};

const oceanconnect = (e: AuditEntry): string[] => {
  const { path, query } = splitUrl(e.url);
  if (path === OC_PATHS.login) {
    const form = LoginForm.safeParse(Object.fromEntries(new URLSearchParams(e.body)));
    return form.success ? [] : [`login form: ${firstIssue(form.error)}`];
  }
  const out: string[] = [];
  const appKey = headerOf(e, 'app_key');
  if (appKey === undefined || appKey === '') out.push('missing app_key header');
  const auth = headerOf(e, 'authorization');
  if (auth === undefined || auth === '') out.push('missing Authorization header');
  else {
    const r = AuthHeaders.shape.Authorization.safeParse(auth);
    if (!r.success) out.push(`Authorization: ${firstIssue(r.error)}`);
  }
  if (appKey) {
    const r = AuthHeaders.shape.app_key.safeParse(appKey);
    if (!r.success) out.push(`app_key: ${firstIssue(r.error)}`);
  }
  if (path === OC_PATHS.deviceCommands) {
    if (e.method === 'POST') out.push(...checkBody(e, CreateCommandBody, 'create-command body'));
    else out.push(...checkQuery(query, QueryCommandsQuery, 'query-commands query'));
  } else if (path === OC_PATHS.deviceCommandCancelTasks) {
    if (e.method === 'POST') out.push(...checkBody(e, CreateRevocationTaskBody, 'revocation-task body'));
    else out.push(...checkQuery(query, QueryRevocationTasksQuery, 'query-revocation-tasks query'));
  } else if (path.startsWith(`${OC_PATHS.deviceCommands}/`) && e.method === 'PUT') {
    out.push(...checkBody(e, ModifyCommandBody, 'modify-command body'));
  }
  return out;
};

const enos = (e: AuditEntry): string[] => {
  const { path, query } = splitUrl(e.url);
  if (path === TOKEN_PATH) return [];
  const out: string[] = [];
  for (const h of ['apim-accesstoken', 'apim-signature', 'apim-timestamp'])
    if (!headerOf(e, h)) out.push(`missing ${h} header`);
  // The platform recomputes the signature over the exact request; its refusal is the proof of a wrong one.
  if (headerOf(e, 'apim-signature') && e.errorCode === String(ENOS_CODES.encryptionInvalid))
    out.push(`apim-signature does not match the request (EnOS answered ${ENOS_CODES.encryptionInvalid})`);
  const action = EnosAction.safeParse(query.get('action'));
  if (!action.success) return [...out, `unknown or missing action: ${query.get('action') ?? '(none)'}`];
  const endpoint = ENOS_ENDPOINTS[action.data];
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

const IOTDA_PATH = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/(async-commands(?:-history)?)(?:\/([^/]+))?$/;

const iotda = (e: AuditEntry): string[] => {
  const { path, query } = splitUrl(e.url);
  const m = IOTDA_PATH.exec(path);
  if (!m) return [`not an IoTDA command path: ${path}`];
  const out: string[] = [];
  const auth = RequestAuthHeaders.safeParse(
    Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), v])),
  );
  if (!auth.success) out.push('missing X-Auth-Token or a valid SDK-HMAC-SHA256 Authorization');
  const ids = DevicePathParams.safeParse({
    project_id: decodeURIComponent(m[1] ?? ''),
    device_id: decodeURIComponent(m[2] ?? ''),
  });
  if (!ids.success) out.push(`path: ${firstIssue(ids.error)}`);
  if (e.method === 'POST' && m[3] === 'async-commands' && !m[4])
    out.push(...checkBody(e, CreateAsyncCommandBodyTolerant, 'create-async-command body'));
  if (e.method === 'GET' && !m[4])
    out.push(
      ...(m[3] === 'async-commands'
        ? checkQuery(query, ListAsyncCommandsWireQuery, 'list-async-commands query')
        : checkQuery(query, ListAsyncHistoryCommandsWireQuery, 'list-async-history-commands query')),
    );
  return out;
};

const CHECKS: Record<string, (e: AuditEntry) => string[]> = { oceanconnect, enos, iotda };

export const requestSchemaRule: Rule = {
  id: ID,
  description:
    'every request matches its vendor’s contract request schema: auth headers (app_key, Authorization, apim-*, X-Auth-Token), ids, query and JSON body',
  check: (entries) => {
    const out: Violation[] = [];
    for (const e of entries) {
      const check = CHECKS[e.vendor];
      if (!check) continue;
      for (const message of check(e)) out.push(violation(ID, e, message));
    }
    return out;
  },
};

// The gate's request-schema check of one OceanConnect request: login form, app_key and bearer headers, body or query of each API.
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
import { checkBody, checkQuery, firstIssue } from '../request-parts.ts';
import { type AuditEntry, headerOf, splitUrl } from '../rules/types.ts';

export const checkRequest = (e: AuditEntry): string[] => {
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

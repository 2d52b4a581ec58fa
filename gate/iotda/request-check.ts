// The gate's request-schema check of one IoTDA request: the command path and its ids, X-Auth-Token or AK/SK, body or list query.
import {
  CreateAsyncCommandBodyTolerant,
  DevicePathParams,
  ListAsyncCommandsWireQuery,
  ListAsyncHistoryCommandsWireQuery,
  RequestAuthHeaders,
} from '../../contracts/iotda/requests.ts';
import { checkBody, checkQuery, firstIssue } from '../request-parts.ts';
import { type AuditEntry, splitUrl } from '../rules/types.ts';

const IOTDA_PATH = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/(async-commands(?:-history)?)(?:\/([^/]+))?$/;

export const checkRequest = (e: AuditEntry): string[] => {
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

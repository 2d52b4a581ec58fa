// OceanConnect's calls for a capacity-planning drive: login, revocation task, modify to CANCELED, and their answers read cheaply.
import type { PlanCalls, PlanVerdict } from '../../contracts/common/plan-calls.ts';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { OC_ERROR_CODES } from '../../contracts/oceanconnect/errors.ts';

const THROTTLED: PlanVerdict = { kind: 'throttled' };
const TOKEN_INVALID: PlanVerdict = { kind: 'token-invalid' };
const NOT_PENDING: PlanVerdict = { kind: 'not-pending' };
const MODIFIED: PlanVerdict = { kind: 'ok', cancelled: 1 };

const headersOf = (appId: string, accessToken: string): string[] => [
  'content-type',
  'application/json',
  'app_key',
  appId,
  'authorization',
  `Bearer ${accessToken}`,
];

/** The documented error code of an error body, or undefined. */
const errorCodeOf = (body: string): string | undefined => {
  try {
    const code = (JSON.parse(body) as { error_code?: unknown }).error_code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
};

const unexpected = (status: number, body: string): PlanVerdict => ({
  kind: 'unexpected',
  status,
  detail: body.slice(0, 200),
});

/** A failure answer: the throttle, a refused token, a platform failure, or something no planner expects. */
const failure = (status: number, body: string): PlanVerdict => {
  const code = errorCodeOf(body);
  if (status === 403 && code === OC_ERROR_CODES.throttled) return THROTTLED;
  if (status === 403 && code === OC_ERROR_CODES.tokenInvalid) return TOKEN_INVALID;
  if (status >= 500) return { kind: 'server-error', status };
  return unexpected(status, body);
};

const TOTAL = '"totalCount":';

/**
 * A success is read without parsing the whole answer (a million of them take seconds to parse): a revocation task is
 * 201 with the task WAITTING and its `totalCount`; a modify is 200 with the command CANCELED. The contract tests
 * check these answers field by field; the planner only needs how many commands each call cancelled.
 */
export const OC_PLAN_CALLS: PlanCalls = {
  names: {
    revoke: 'revocation task (POST deviceCommandCancelTasks)',
    modify: 'modify to CANCELED (PUT deviceCommands/{id})',
  },
  endpoints: { revoke: 'createRevocationTask', modify: 'modifyCommand' },
  failures: {
    500: `oceanconnect.${OC_ERROR_CODES.internalError}`,
    503: `oceanconnect.${OC_ERROR_CODES.congestion}`,
  },
  login: (app) => ({
    method: 'POST',
    path: OC_PATHS.login,
    headers: ['content-type', 'application/x-www-form-urlencoded'],
    body: new URLSearchParams({ appId: app.appId, secret: app.secret }).toString(),
  }),
  revokeAll: (app, accessToken, deviceId) => ({
    method: 'POST',
    path: OC_PATHS.deviceCommandCancelTasks,
    headers: headersOf(app.appId, accessToken),
    body: `{"deviceId":${JSON.stringify(deviceId)}}`,
  }),
  cancelOne: (app, accessToken, commandId) => ({
    method: 'PUT',
    path: OC_PATHS.deviceCommand(commandId),
    headers: headersOf(app.appId, accessToken),
    body: '{"status":"CANCELED"}',
  }),
  read: (kind, status, body) => {
    if (kind === 'login') {
      if (status !== 200) return failure(status, body);
      try {
        const a = JSON.parse(body) as { accessToken?: unknown; expiresIn?: unknown };
        return typeof a.accessToken === 'string' && typeof a.expiresIn === 'number'
          ? { kind: 'login', accessToken: a.accessToken, expiresInMs: a.expiresIn * 1000 }
          : unexpected(status, body);
      } catch {
        return unexpected(status, body);
      }
    }
    if (kind === 'revoke') {
      if (status !== 201) return failure(status, body);
      const at = body.indexOf(TOTAL);
      const total =
        at < 0 ? Number.NaN : Number.parseInt(body.slice(at + TOTAL.length, at + TOTAL.length + 12), 10);
      return Number.isInteger(total) && body.includes('"status":"WAITTING"')
        ? { kind: 'ok', cancelled: total }
        : unexpected(status, body);
    }
    if (status === 200) return body.includes('"status":"CANCELED"') ? MODIFIED : unexpected(status, body);
    // A command that left PENDING cannot be modified: the simulator answers 400 100022 naming its status.
    if (status === 400 && errorCodeOf(body) === OC_ERROR_CODES.inputInvalid) return NOT_PENDING;
    return failure(status, body);
  },
};

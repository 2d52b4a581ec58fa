// OceanConnect calls of the scripts: the revocation task (cancel all of a device) and modify-to-CANCELED, each classified and recorded.
import http, { type RefinedResponse } from 'k6/http';
import type { OcApp as OcAppFull } from '../../runner/oceanconnect/app.ts';
import type { RunApp } from '../lib/run.ts';
import { type CallOutcome, metricsFor, record } from '../lib/metrics.ts';
import {
  METRICS_PREFIX,
  OC_CANCEL_TASKS_PATH,
  OC_COMMAND_PATH,
  OC_TASK_WAITING,
  OC_THROTTLED_BODY,
  OC_THROTTLED_CODE,
} from './constants.ts';

type TextResponse = RefinedResponse<'text'>;
/** An application as a VU holds it: its ids stay in the run's SharedArrays (lib/run.ts). */
type OcApp = Omit<OcAppFull, 'devices' | 'commands'>;

const OC_METRICS = metricsFor(METRICS_PREFIX);

const headersOf = (app: OcApp) => ({
  'Content-Type': 'application/json',
  app_key: app.appId,
  Authorization: `Bearer ${app.accessToken}`,
});

const jsonOf = (res: TextResponse): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(res.body ?? '');
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const outcome = (res: TextResponse, verdict: CallOutcome['verdict'], cancelled = 0): CallOutcome => ({
  verdict,
  cancelled,
  verbatim: verdict === 'throttled' && res.body === OC_THROTTLED_BODY,
  latencyMs: res.timings.duration,
});

/** 403 with error_code 1010009, whatever the rest of the body says (verbatim is judged separately). */
const isThrottle = (res: TextResponse, body: Record<string, unknown> | undefined): boolean =>
  res.status === 403 && body?.error_code === OC_THROTTLED_CODE;

/**
 * The documented success of the seed: 201 with a task WAITTING for this device, listing the revoked commands
 * (totalCount equal to the list's length).
 */
const classifyTask = (res: TextResponse, deviceId: string): CallOutcome => {
  const body = jsonOf(res);
  if (isThrottle(res, body)) return outcome(res, 'throttled');
  const list = body?.deviceCommands;
  const documented =
    res.status === 201 &&
    body !== undefined &&
    typeof body.taskId === 'string' &&
    body.status === OC_TASK_WAITING &&
    body.deviceId === deviceId &&
    Array.isArray(list) &&
    body.totalCount === list.length;
  return documented ? outcome(res, 'success', (list as unknown[]).length) : outcome(res, 'unexpected');
};

/** POST deviceCommandCancelTasks: revokes every PENDING command of the device. */
export const revokeAll = (app: OcApp, deviceId: string): CallOutcome => {
  const res = http.post(app.baseUrl + OC_CANCEL_TASKS_PATH, JSON.stringify({ deviceId }), {
    headers: headersOf(app),
    responseType: 'text',
    tags: { name: 'oceanconnect createRevocationTask' },
  });
  return record(OC_METRICS, classifyTask(res, deviceId));
};

/** PUT deviceCommands/{id} {"status":"CANCELED"}: the documented success is 200 with the command CANCELED. */
export const cancelOne = (app: OcApp, commandId: string): CallOutcome => {
  const res = http.put(
    app.baseUrl + OC_COMMAND_PATH + encodeURIComponent(commandId),
    '{"status":"CANCELED"}',
    {
      headers: headersOf(app),
      responseType: 'text',
      tags: { name: 'oceanconnect modifyCommand' },
    },
  );
  const body = jsonOf(res);
  if (isThrottle(res, body)) return record(OC_METRICS, outcome(res, 'throttled'));
  const documented = res.status === 200 && body?.commandId === commandId && body?.status === 'CANCELED';
  return record(OC_METRICS, documented ? outcome(res, 'success', 1) : outcome(res, 'unexpected'));
};

/** OceanConnect's entry in the k6 registry (lib/vendors.ts): a revocation task cancels all, a modify cancels one. */
export const K6_CALLS = {
  cancelAll: (app: RunApp, deviceId: string) => revokeAll(app as OcApp, deviceId),
  cancelOne: (app: RunApp, commandId: string) => cancelOne(app as OcApp, commandId),
};

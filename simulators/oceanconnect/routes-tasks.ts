// The revocation-task routes (the seed): POST deviceCommandCancelTasks revokes every PENDING command; GET lists tasks.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { DEFAULT_PAGE_SIZE, OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import {
  AppIdQuery,
  CreateRevocationTaskBody,
  QueryRevocationTasksQuery,
} from '../../contracts/oceanconnect/requests.ts';
import { OC, type OcAnswer, send, success } from './answers.ts';
import { admit } from './admission.ts';
import { pageOf } from './projection.ts';
import { parse, queryOf } from './request.ts';
import type { Core } from './core.ts';

/**
 * Revokes (cancels in the store, at once) every PENDING command of the device, oldest first, and answers 201 with
 * the new task: status WAITTING, and the revoked commands as they were a moment before, spelled PENDDING. Commands
 * already sent or delivered are not touched. A device of another application, or none, is 200 100418.
 */
const createTask = (w: Core, req: FastifyRequest): OcAnswer => {
  const g = admit(w, req);
  if (!g.ok) return g.answer;
  const query = parse(AppIdQuery, queryOf(req), 'query');
  if (!query.ok) return query.answer;
  const body = parse(CreateRevocationTaskBody, req.body, 'body');
  if (!body.ok) return body.answer;
  const { deviceId } = body.value;
  if (w.owners.get(deviceId) !== g.appId) return OC.deviceUnknown(deviceId);
  const revoked = w.store.cancelAll(deviceId);
  if (!revoked.ok) return OC.deviceUnknown(deviceId);
  const now = w.now();
  const task = {
    taskId: w.nextTaskId(),
    appId: g.appId,
    deviceId,
    createdAt: now,
    commandIds: revoked.before.map((c) => c.commandId),
    before: revoked.before.every((c) => c.state === 'PENDING') ? null : revoked.before.map((c) => c.state),
    fixedStatus: null,
  };
  // A planning fleet's application may not keep its tasks (FleetSeed.keepTasks): answered alike, never listed.
  if (w.apps.keepsTasks(g.appId)) w.tasks.add(task);
  return success(201, w.tasks.answerAt(task, now));
};

const queryTasks = (w: Core, req: FastifyRequest): OcAnswer => {
  const g = admit(w, req);
  if (!g.ok) return g.answer;
  const q = parse(QueryRevocationTasksQuery, queryOf(req), 'query');
  if (!q.ok) return q.answer;
  const { taskId, deviceId, status, startTime, endTime } = q.value;
  const from = startTime === undefined ? Number.NEGATIVE_INFINITY : (parseHuaweiTime(startTime) ?? 0);
  const to = endTime === undefined ? Number.POSITIVE_INFINITY : (parseHuaweiTime(endTime) ?? 0) + 999;
  const now = w.now();
  const matching = w.tasks
    .of(g.appId)
    .filter(
      (t) =>
        (taskId === undefined || t.taskId === taskId) &&
        (deviceId === undefined || t.deviceId === deviceId) &&
        t.createdAt >= from &&
        t.createdAt <= to,
    )
    .map((t) => w.tasks.answerAt(t, now))
    .filter((t) => status === undefined || t.status === status);
  return success(200, pageOf(matching, q.value.pageNo ?? 0, q.value.pageSize ?? DEFAULT_PAGE_SIZE));
};

export const registerTaskRoutes = (app: FastifyInstance, w: Core): void => {
  app.post(OC_PATHS.deviceCommandCancelTasks, async (req, reply) => send(reply, createTask(w, req)));
  app.get(OC_PATHS.deviceCommandCancelTasks, async (req, reply) => send(reply, queryTasks(w, req)));
};

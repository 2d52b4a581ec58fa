// The four IoTDA async-command routes on fastify, each behind one admission pipeline (auth, throttle, scripted answers, ids).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { EXPIRE_TIME_DEFAULT } from '../../contracts/iotda/constraints.ts';
import {
  CreateAsyncCommandBodyTolerant,
  DevicePathParams,
  ListAsyncCommandsWireQuery,
  ListAsyncHistoryCommandsWireQuery,
  ShowAsyncCommandPathParams,
} from '../../contracts/iotda/requests.ts';
import type {
  ListAsyncCommandsResponse,
  ListAsyncHistoryCommandsResponse,
} from '../../contracts/iotda/responses.ts';
import {
  type Answer,
  commandNotFound,
  deviceNotFound,
  deviceOffline,
  internalError,
  invalidInput,
} from './answers.ts';
import { admit, firstIssue } from './admission.ts';
import type { Core } from './core.ts';
import { pageOf, type PageQuery } from './paging.ts';
import {
  createBodyOf,
  type IotdaPayload,
  isHistory,
  isQueued,
  type ListItem,
  listItemOf,
  showBodyOf,
} from './projection.ts';

export const IOTDA_PREFIX = '/v5/iot/';
const DEVICE_ROUTE = '/v5/iot/:project_id/devices/:device_id';

const QUEUED_STATES: readonly CanonicalState[] = ['PENDING', 'SENT', 'DELIVERED'];
const HISTORY_STATES: readonly CanonicalState[] = [
  'EXPIRED',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'DELIVERED',
];

const send = (reply: FastifyReply, a: Answer) =>
  reply
    .code(a.status)
    .headers({ 'content-type': 'application/json;charset=UTF-8', ...a.headers })
    .send(JSON.stringify(a.body));

const showCommand = (deps: Core, req: FastifyRequest): Answer => {
  const a = admit(deps, req, ShowAsyncCommandPathParams);
  if (!a.ok) return a.answer;
  const { device_id: deviceId, command_id: commandId } = a.params;
  const view = deps.store.get(commandId);
  if (!view || view.deviceKey !== deviceId) return commandNotFound(commandId);
  const body = showBodyOf(view, deviceId);
  return body.ok ? { status: 200, body: body.value } : internalError(body.reason);
};

const createCommand = (deps: Core, req: FastifyRequest): Answer => {
  const a = admit(deps, req, DevicePathParams);
  if (!a.ok) return a.answer;
  const { project_id: projectId, device_id: deviceId } = a.params;
  const parsed = CreateAsyncCommandBodyTolerant.safeParse(req.body);
  if (!parsed.success) {
    const { field, reason } = firstIssue(parsed.error, 'body');
    return invalidInput(field, reason);
  }
  const b = parsed.data;
  const delay = b.send_strategy === 'delay';
  // delay: expire_time 0 or absent means the 24 h default (DECISIONS.md); immediately: nothing is cached.
  const ttlSeconds = delay ? b.expire_time || EXPIRE_TIME_DEFAULT : 0;
  const { store, world } = deps;
  const payload: IotdaPayload = {
    projectId,
    paras: b.paras,
    expireTime: b.expire_time ?? ttlSeconds,
    sendStrategy: b.send_strategy,
    recordId: world.takeRecordId(),
    ...(b.service_id !== undefined ? { serviceId: b.service_id } : {}),
    ...(b.command_name !== undefined ? { commandName: b.command_name } : {}),
  };
  const commandId = world.commandIdFor((id) => store.get(id) !== undefined);
  const r = store.create(deviceId, { commandId, payload, ttlMs: ttlSeconds * 1000, sendImmediately: !delay });
  if (!r.ok) {
    switch (r.reason) {
      case 'device-offline':
        return deviceOffline();
      case 'device-busy':
        return invalidInput(
          'send_strategy',
          `immediately is refused while command ${r.inFlight} is in flight to this device (the simulator delivers one command at a time); send it with delay to queue it`,
        );
      case 'cap-reached':
        return invalidInput(
          'device_id',
          `the device already holds ${r.cap} PENDING commands, the most it may hold`,
        );
      case 'unknown-device':
        return deviceNotFound();
      case 'duplicate-id':
        return internalError(`command id ${r.commandId} is taken`);
    }
  }
  world.commandCreated(commandId);
  const body = createBodyOf(r.command, deviceId);
  return body.ok ? { status: 200, body: body.value } : internalError(body.reason);
};

const invalidQuery = (error: z.ZodError): Answer => {
  const { field, reason } = firstIssue(error, 'query');
  return invalidInput(field, reason);
};

const listItems = (deps: Core, deviceId: string, states: readonly CanonicalState[], q: PageQuery) => {
  const page = pageOf(deps.store, deviceId, states, q);
  if (!page.ok) return { ok: false as const, answer: invalidInput(page.field, page.reason) };
  const items: ListItem[] = [];
  for (const v of page.views) {
    const item = listItemOf(v, deviceId);
    if (!item.ok) return { ok: false as const, answer: internalError(item.reason) };
    items.push(item.value);
  }
  return { ok: true as const, items, count: page.count, marker: page.marker };
};

const listQueued = (deps: Core, req: FastifyRequest): Answer => {
  const a = admit(deps, req, DevicePathParams);
  if (!a.ok) return a.answer;
  const q = ListAsyncCommandsWireQuery.safeParse(req.query ?? {});
  if (!q.success) return invalidQuery(q.error);
  const r = listItems(deps, a.params.device_id, QUEUED_STATES, q.data);
  if (!r.ok) return r.answer;
  const body: ListAsyncCommandsResponse = {
    commands: r.items.filter(isQueued),
    page: { count: r.count, ...(r.marker !== undefined ? { marker: r.marker } : {}) },
  };
  return { status: 200, body };
};

const listHistory = (deps: Core, req: FastifyRequest): Answer => {
  const a = admit(deps, req, DevicePathParams);
  if (!a.ok) return a.answer;
  const q = ListAsyncHistoryCommandsWireQuery.safeParse(req.query ?? {});
  if (!q.success) return invalidQuery(q.error);
  const r = listItems(deps, a.params.device_id, HISTORY_STATES, q.data);
  if (!r.ok) return r.answer;
  const body: ListAsyncHistoryCommandsResponse = {
    commands: r.items.filter(isHistory),
    page: r.marker !== undefined ? { marker: r.marker } : {},
  };
  return { status: 200, body };
};

/** Every handler answers a documented error or a clear one; an unexpected exception becomes 500 IOTDA.000001. */
const route =
  (deps: Core, handler: (deps: Core, req: FastifyRequest) => Answer) =>
  async (req: FastifyRequest, reply: FastifyReply) => {
    let answer: Answer;
    try {
      answer = handler(deps, req);
    } catch (err) {
      answer = internalError((err as Error).message);
    }
    return send(reply, answer);
  };

export const registerRoutes = (app: FastifyInstance, deps: Core): void => {
  app.get(`${DEVICE_ROUTE}/async-commands/:command_id`, route(deps, showCommand));
  app.post(`${DEVICE_ROUTE}/async-commands`, route(deps, createCommand));
  app.get(`${DEVICE_ROUTE}/async-commands`, route(deps, listQueued));
  app.get(`${DEVICE_ROUTE}/async-commands-history`, route(deps, listHistory));
};

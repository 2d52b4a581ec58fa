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
import type { TimeSource } from '../model/clock.ts';
import type { CommandStore } from '../model/command-store.ts';
import type { Throttle } from '../model/throttle.ts';
import {
  type Answer,
  applicationMissing,
  authenticationFailed,
  commandNotFound,
  deviceNotFound,
  deviceOffline,
  injected,
  internalError,
  invalidAccessToken,
  invalidInput,
  throttled,
} from './answers.ts';
import { authenticate } from './auth.ts';
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
import { type IotdaWorld, principalKey } from './world.ts';

export const IOTDA_PREFIX = '/v5/iot/';
const DEVICE_ROUTE = '/v5/iot/:project_id/devices/:device_id';

export type IotdaDeps = { store: CommandStore; throttle: Throttle; world: IotdaWorld; clock: TimeSource };

const QUEUED_STATES: readonly CanonicalState[] = ['PENDING', 'SENT', 'DELIVERED'];
const HISTORY_STATES: readonly CanonicalState[] = [
  'EXPIRED',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'DELIVERED',
];

/** The first zod issue as (field, reason); a body that is not an object at all names `body`. */
const firstIssue = (error: z.ZodError, root: string): { field: string; reason: string } => {
  const issue = error.issues[0];
  if (!issue) return { field: root, reason: 'invalid' };
  const field = issue.path.length ? issue.path.map(String).join('.') : root;
  return { field, reason: issue.message };
};

const send = (reply: FastifyReply, a: Answer) =>
  reply
    .code(a.status)
    .headers({ 'content-type': 'application/json;charset=UTF-8', ...a.headers })
    .send(JSON.stringify(a.body));

type Admitted<P> = { ok: true; params: P } | { ok: false; answer: Answer };

/**
 * The checks every call passes, in the order a gateway and then IoTDA would make them: credentials (401), credentials
 * a provider state rejects (401/403), the per-credential throttle (429 APIG.0308), an injected answer for this
 * device, path ids (400), Instance-Id (400), the project the credentials may reach (403 IOTDA.000004), the device (404).
 */
const admit = <S extends typeof DevicePathParams | typeof ShowAsyncCommandPathParams>(
  deps: IotdaDeps,
  req: FastifyRequest,
  schema: S,
): Admitted<z.infer<S>> => {
  const { world, throttle, store } = deps;
  const auth = authenticate(req, world);
  if (!auth.ok)
    return { ok: false, answer: { ...auth.answer, headers: { 'x-harness-auth-failure': auth.failure } } };
  const rejection = world.rejectionOf(auth.principal);
  if (rejection === 'authentication-failed') return { ok: false, answer: authenticationFailed() };
  if (rejection === 'application-missing') return { ok: false, answer: applicationMissing() };
  const decision = throttle.check(principalKey(auth.principal), req.callTime());
  if (!decision.allowed) {
    const { limit, windowMs } = throttle.config;
    return { ok: false, answer: throttled(limit, windowMs, world.takeRequestId()) };
  }
  const raw = req.params as { project_id?: string; device_id?: string };
  const injection = world.injectionFor(raw.project_id ?? '', raw.device_id ?? '');
  if (injection)
    return {
      ok: false,
      answer: injected(injection.httpStatus, injection.errorCode, injection.errorMsg, world.takeRequestId()),
    };
  const params = schema.safeParse(req.params);
  if (!params.success) {
    const { field, reason } = firstIssue(params.error, 'path');
    return { ok: false, answer: invalidInput(field, reason) };
  }
  const { project_id: projectId, device_id: deviceId } = params.data;
  const expected = world.instanceIdOf(projectId);
  const sent = req.headers['instance-id'];
  // An empty Instance-Id is the optional header left unset, not another instance (contracts/iotda/requests.ts).
  if (expected !== undefined && sent !== undefined && sent !== '' && sent !== expected)
    return {
      ok: false,
      answer: invalidInput('Instance-Id', `${String(sent)} is not the instance of this project`),
    };
  if (!world.mayReach(auth.principal, projectId)) return { ok: false, answer: invalidAccessToken() };
  if (world.ownerOf(deviceId) !== projectId || store.getDevice(deviceId) === undefined)
    return { ok: false, answer: deviceNotFound() };
  return { ok: true, params: params.data as z.infer<S> };
};

const showCommand = (deps: IotdaDeps, req: FastifyRequest): Answer => {
  const a = admit(deps, req, ShowAsyncCommandPathParams);
  if (!a.ok) return a.answer;
  const { device_id: deviceId, command_id: commandId } = a.params;
  const view = deps.store.get(commandId);
  if (!view || view.deviceKey !== deviceId) return commandNotFound(commandId);
  const body = showBodyOf(view, deviceId);
  return body.ok ? { status: 200, body: body.value } : internalError(body.reason);
};

const createCommand = (deps: IotdaDeps, req: FastifyRequest): Answer => {
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

const listItems = (deps: IotdaDeps, deviceId: string, states: readonly CanonicalState[], q: PageQuery) => {
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

const listQueued = (deps: IotdaDeps, req: FastifyRequest): Answer => {
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

const listHistory = (deps: IotdaDeps, req: FastifyRequest): Answer => {
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
  (deps: IotdaDeps, handler: (deps: IotdaDeps, req: FastifyRequest) => Answer) =>
  async (req: FastifyRequest, reply: FastifyReply) => {
    let answer: Answer;
    try {
      answer = handler(deps, req);
    } catch (err) {
      answer = internalError((err as Error).message);
    }
    return send(reply, answer);
  };

export const registerIotdaRoutes = (app: FastifyInstance, deps: IotdaDeps): void => {
  app.get(`${DEVICE_ROUTE}/async-commands/:command_id`, route(deps, showCommand));
  app.post(`${DEVICE_ROUTE}/async-commands`, route(deps, createCommand));
  app.get(`${DEVICE_ROUTE}/async-commands`, route(deps, listQueued));
  app.get(`${DEVICE_ROUTE}/async-commands-history`, route(deps, listHistory));
};

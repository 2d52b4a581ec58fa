// The command routes under /iocm/app/cmd/v1.4.0/deviceCommands: create (201), query (paged), modify to CANCELED.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import {
  DEFAULT_EXPIRE_TIME_S,
  DEFAULT_PAGE_SIZE,
  OC_PATHS,
} from '../../contracts/oceanconnect/constraints.ts';
import {
  AppIdQuery,
  CreateCommandBody,
  ModifyCommandBody,
  ModifyCommandPath,
  QueryCommandsQuery,
} from '../../contracts/oceanconnect/requests.ts';
import { OC, type OcAnswer, send, success } from './answers.ts';
import { admit } from './admission.ts';
import { commandResp, type OcPayload, pageOf, payloadOf } from './projection.ts';
import { parse, queryOf } from './request.ts';
import type { Core } from './core.ts';

/** An id for a command the store does not generate itself (a failed "send now"). */
const freeId = (w: Core): string => {
  for (let n = w.store.stats().commands + 1; ; n++) {
    const id = `${w.store.config.idPrefix}f${n}`;
    if (!w.store.get(id)) return id;
  }
};

const ownedBy = (w: Core, deviceId: string, appId: string): boolean => w.owners.get(deviceId) === appId;

const create = (w: Core, req: FastifyRequest): OcAnswer => {
  const g = admit(w, req);
  if (!g.ok) return g.answer;
  const query = parse(AppIdQuery, queryOf(req), 'query');
  if (!query.ok) return query.answer;
  const body = parse(CreateCommandBody, req.body, 'body');
  if (!body.ok) return body.answer;
  const b = body.value;
  const ttlMs = (b.expireTime ?? DEFAULT_EXPIRE_TIME_S) * 1000;
  if (!Number.isSafeInteger(ttlMs))
    return OC.inputInvalid(`body: expireTime: ${b.expireTime} s is too large`);
  if (!ownedBy(w, b.deviceId, g.appId)) return OC.deviceUnknown(b.deviceId);
  const payload: OcPayload = {
    appId: g.appId,
    command: { serviceId: b.command.serviceId, method: b.command.method, paras: b.command.paras ?? {} },
    callbackUrl: b.callbackUrl ?? null,
    expireTime: b.expireTime ?? null,
    maxRetransmit: b.maxRetransmit ?? w.options.defaultMaxRetransmit,
  };
  const created = w.store.create(b.deviceId, { payload, ttlMs });
  if (created.ok) return success(201, commandResp(created.command));
  switch (created.reason) {
    case 'cap-reached':
      return OC.commandLimit(created.cap);
    case 'unknown-device':
      return OC.deviceUnknown(b.deviceId);
    case 'device-offline':
    case 'device-busy': {
      // expireTime 0 ("send now") to a device that cannot take it now: the issuance fails; the command is FAILED.
      const now = w.now();
      const failed = w.store.seed(b.deviceId, {
        commandId: freeId(w),
        state: 'FAILED',
        payload,
        createdAt: now,
        ttlMs: 0,
        finishedAt: now,
        // The device never received it: no executeTime, no result (found by the property suite).
        respondedAt: null,
      });
      if (failed.ok) return success(201, commandResp(failed.command));
      return OC.internalError(
        `expireTime 0 to a device that cannot take it: ${created.reason} (${failed.reason})`,
      );
    }
    case 'duplicate-id':
      return OC.internalError(`generated command id ${created.commandId} is taken`);
  }
};

const query = (w: Core, req: FastifyRequest): OcAnswer => {
  const g = admit(w, req);
  if (!g.ok) return g.answer;
  const q = parse(QueryCommandsQuery, queryOf(req), 'query');
  if (!q.ok) return q.answer;
  const { deviceId, startTime, endTime } = q.value;
  const pageNo = q.value.pageNo ?? 0;
  const pageSize = q.value.pageSize ?? DEFAULT_PAGE_SIZE;
  if (deviceId !== undefined && !ownedBy(w, deviceId, g.appId))
    return success(200, pageOf([], pageNo, pageSize));
  const { items } = w.store.listAll({
    deviceKey: deviceId,
    createdFrom: startTime === undefined ? undefined : parseHuaweiTime(startTime),
    // Times have whole seconds: an end time covers its whole second.
    createdTo: endTime === undefined ? undefined : (parseHuaweiTime(endTime) ?? 0) + 999,
  });
  const mine = items.filter((v) => payloadOf(v).appId === g.appId).map(commandResp);
  return success(200, pageOf(mine, pageNo, pageSize));
};

const modify = (w: Core, req: FastifyRequest): OcAnswer => {
  const g = admit(w, req);
  if (!g.ok) return g.answer;
  const path = parse(ModifyCommandPath, req.params, 'path');
  if (!path.ok) return path.answer;
  const q = parse(AppIdQuery, queryOf(req), 'query');
  if (!q.ok) return q.answer;
  const body = parse(ModifyCommandBody, req.body, 'body');
  if (!body.ok) return body.answer;
  const id = path.value.deviceCommandId;
  const view = w.store.get(id);
  // No documented code in our sources for an unknown command or one that is no longer PENDING: 400 100022.
  if (!view || payloadOf(view).appId !== g.appId)
    return OC.inputInvalid(`no command ${id} of the application`);
  const canceled = w.store.cancel(id);
  if (!canceled.ok)
    return OC.inputInvalid(
      canceled.reason === 'not-pending'
        ? `command ${id} is ${canceled.state}: only a PENDING command can be canceled`
        : `no command ${id}`,
    );
  return success(200, commandResp(canceled.after));
};

export const registerCommandRoutes = (app: FastifyInstance, w: Core): void => {
  app.post(OC_PATHS.deviceCommands, async (req, reply) => send(reply, create(w, req)));
  app.get(OC_PATHS.deviceCommands, async (req, reply) => send(reply, query(w, req)));
  app.put(`${OC_PATHS.deviceCommands}/:deviceCommandId`, async (req, reply) => send(reply, modify(w, req)));
};

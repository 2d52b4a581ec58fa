// Projects a store CommandView onto IoTDA's answer bodies (show, create, list entry), typed by the contract schemas.
import { z } from 'zod';
import { formatHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { JsonObject, SendStrategy } from '../../contracts/iotda/constraints.ts';
import type {
  CreateAsyncCommandResponse,
  HistoryCommand,
  QueuedCommand,
  ShowAsyncCommandResponse,
} from '../../contracts/iotda/responses.ts';
import {
  HISTORY_STATUSES,
  type IotdaStatus,
  QUEUED_STATUSES,
  toIotdaStatus,
} from '../../contracts/iotda/states.ts';
import type { CommandView } from '../model/command.ts';

/** What the IoTDA layer stores with each command (the store never reads it). */
export const IotdaPayload = z.object({
  projectId: z.string(),
  serviceId: z.string().optional(),
  commandName: z.string().optional(),
  paras: JsonObject,
  /** The expire_time the command answers with (seconds), as created or seeded. */
  expireTime: z.number().int().nonnegative(),
  sendStrategy: SendStrategy,
  /** The list record id: what `page.marker` names. */
  recordId: z.string().min(1),
});
export type IotdaPayload = z.infer<typeof IotdaPayload>;

export type Projection<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A list entry: the show fields minus `paras` and `result` (the SDK's AsyncDeviceListCommand). */
export type ListItem = Omit<ShowAsyncCommandResponse, 'paras' | 'result'>;

const timeOf = (ms: number | null): string | undefined => (ms === null ? undefined : formatHuaweiTime(ms));

/**
 * The device's result as IoTDA documents it, a JSON object: an object is kept, nothing (null) is absent, and any
 * other value a scripted behaviour produced is wrapped as `{"value": ...}`.
 */
const resultOf = (result: unknown): Record<string, unknown> | undefined => {
  if (result === null || result === undefined) return undefined;
  const asObject = JsonObject.safeParse(result);
  return asObject.success && !Array.isArray(result) ? asObject.data : { value: result };
};

type Common = { payload: IotdaPayload; status: IotdaStatus };

const commonOf = (view: CommandView): Projection<Common> => {
  const payload = IotdaPayload.safeParse(view.payload);
  if (!payload.success) return { ok: false, reason: `command ${view.commandId} has no IoTDA payload` };
  const status = toIotdaStatus(view.state);
  if (!status.ok) return { ok: false, reason: `command ${view.commandId} is ${view.state}: no IoTDA status` };
  return { ok: true, value: { payload: payload.data, status: status.status } };
};

/** The fields every answer shares, in the seed sample's order; times absent until their stage is reached. */
const listItemFields = (view: CommandView, deviceId: string, c: Common): ListItem => {
  const item: ListItem = {
    device_id: deviceId,
    command_id: view.commandId,
    expire_time: c.payload.expireTime,
    status: c.status,
    created_time: formatHuaweiTime(view.createdAt),
    send_strategy: c.payload.sendStrategy,
  };
  if (c.payload.serviceId !== undefined) item.service_id = c.payload.serviceId;
  if (c.payload.commandName !== undefined) item.command_name = c.payload.commandName;
  const sent = timeOf(view.sentAt);
  const delivered = timeOf(view.deliveredAt);
  const responded = timeOf(view.respondedAt);
  if (sent !== undefined) item.sent_time = sent;
  if (delivered !== undefined) item.delivered_time = delivered;
  if (responded !== undefined) item.response_time = responded;
  return item;
};

/** GET async-commands/{command_id}: the command in any status (the seed). */
export const showBodyOf = (view: CommandView, deviceId: string): Projection<ShowAsyncCommandResponse> => {
  const c = commonOf(view);
  if (!c.ok) return c;
  const body: ShowAsyncCommandResponse = {
    ...listItemFields(view, deviceId, c.value),
    paras: c.value.payload.paras,
  };
  const result = resultOf(view.result);
  if (result !== undefined) body.result = result;
  return { ok: true, value: body };
};

/**
 * POST async-commands: the command as accepted. Its status is the acceptance snapshot (PENDING for delay, SENT for
 * immediately), even when the store has already moved it on at the same instant (a delay command to an idle online
 * device is sent at once).
 */
export const createBodyOf = (view: CommandView, deviceId: string): Projection<CreateAsyncCommandResponse> => {
  const c = commonOf(view);
  if (!c.ok) return c;
  const p = c.value.payload;
  const body: CreateAsyncCommandResponse = {
    device_id: deviceId,
    command_id: view.commandId,
    paras: p.paras,
    expire_time: p.expireTime,
    status: p.sendStrategy === 'delay' ? 'PENDING' : 'SENT',
    created_time: formatHuaweiTime(view.createdAt),
    send_strategy: p.sendStrategy,
  };
  if (p.serviceId !== undefined) body.service_id = p.serviceId;
  if (p.commandName !== undefined) body.command_name = p.commandName;
  return { ok: true, value: body };
};

export const listItemOf = (view: CommandView, deviceId: string): Projection<ListItem> => {
  const c = commonOf(view);
  return c.ok ? { ok: true, value: listItemFields(view, deviceId, c.value) } : c;
};

export const isQueued = (item: ListItem): item is QueuedCommand =>
  (QUEUED_STATUSES as readonly string[]).includes(item.status);
export const isHistory = (item: ListItem): item is HistoryCommand =>
  (HISTORY_STATUSES as readonly string[]).includes(item.status);

// Projects the store's vendor-neutral command views onto OceanConnect answer bodies (DeviceCommandResp, pages).
import { z } from 'zod';
import { formatHuaweiTime } from '../../contracts/common/huawei-time.ts';
import {
  AppId,
  CallbackUrl,
  ExpireTime,
  MaxRetransmit,
  Method,
  Paras,
  ServiceId,
} from '../../contracts/oceanconnect/constraints.ts';
import type {
  DeviceCommandResp,
  Pagination,
  RevokedDeviceCommandResp,
} from '../../contracts/oceanconnect/responses.ts';
import { fromCanonical } from '../../contracts/oceanconnect/states.ts';
import type { CommandView } from '../model/command.ts';

/**
 * What the simulator stores with each command (the store's opaque payload). The device is not in it: a device's store
 * key is its id, so commands of one application that were created alike can share one payload (a planning fleet of a
 * million commands holds a handful).
 */
export const OcPayload = z.object({
  appId: AppId,
  command: z.object({ serviceId: ServiceId, method: Method, paras: Paras }),
  callbackUrl: CallbackUrl.nullable(),
  /** As sent; null when the request left it out (the seed sample shows null then). */
  expireTime: ExpireTime.nullable(),
  maxRetransmit: MaxRetransmit,
});
export type OcPayload = z.infer<typeof OcPayload>;

/** The payload of a view made by this simulator (every command it stores carries an OcPayload). */
export const payloadOf = (view: CommandView): OcPayload => view.payload as OcPayload;

const time = (ms: number | null): string | null => (ms === null ? null : formatHuaweiTime(ms));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `result` (ObjectNode): a record that already carries `resultCode` is shown as it is (seeded commands, scripted
 * behaviours); once the device has responded anything else is wrapped as `{resultCode, resultDetail}`; a record
 * stored before any response (a seeded one) is shown as it is; otherwise null.
 */
const resultOf = (view: CommandView, status: string): Record<string, unknown> | null => {
  if (isRecord(view.result) && 'resultCode' in view.result) return view.result;
  if (view.respondedAt !== null) return { resultCode: status, resultDetail: view.result ?? null };
  return isRecord(view.result) ? view.result : null;
};

const project = <S extends string>(view: CommandView, status: S) => {
  const p = payloadOf(view);
  return {
    commandId: view.commandId,
    appId: p.appId,
    deviceId: view.deviceKey,
    command: { serviceId: p.command.serviceId, method: p.command.method, paras: p.command.paras },
    callbackUrl: p.callbackUrl,
    expireTime: p.expireTime,
    status,
    result: resultOf(view, status),
    creationTime: formatHuaweiTime(view.createdAt),
    executeTime: time(view.respondedAt),
    platformIssuedTime: time(view.sentAt),
    deliveredTime: time(view.deliveredAt),
    /** null until the platform has sent it, as the seed sample shows for a pending command. */
    issuedTimes: view.sentAt === null ? null : view.issuedTimes,
    maxRetransmit: p.maxRetransmit,
  };
};

/** A command in create, query and modify answers (PENDING spelled correctly). */
export const commandResp = (view: CommandView): DeviceCommandResp =>
  project(view, fromCanonical(view.state, 'command'));

/** A command inside a revocation-task answer (pending spelled PENDDING, as the vendor does). */
export const revokedCommandResp = (view: CommandView): RevokedDeviceCommandResp =>
  project(view, fromCanonical(view.state, 'revocation'));

/** One page of `items` (pageNo counts from 0), with the pagination block both query APIs answer. */
export const pageOf = <T>(
  items: readonly T[],
  pageNo: number,
  pageSize: number,
): { pagination: Pagination; data: T[] } => ({
  pagination: { pageNo, pageSize, totalSize: items.length },
  data: items.slice(pageNo * pageSize, pageNo * pageSize + pageSize),
});

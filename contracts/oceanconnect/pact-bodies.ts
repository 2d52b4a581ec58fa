// Pact matcher bodies built from the fixtures: ids and times by pattern, status spellings, error codes and texts exact.
import { MatchersV3 } from '@pact-foundation/pact';
import { HUAWEI_TIME_REGEX } from '../common/huawei-time.ts';
import type { ErrorBody } from './errors.ts';
import type { DeviceCommandResp, Pagination, RevocationTask, RevokedDeviceCommandResp } from './responses.ts';

const { regex, integer, like } = MatchersV3;

/** Ids are platform-allocated String(1-64): any value of that shape, the fixture's as the example. */
export const ID_PATTERN = '^\\S{1,64}$';
/** `Bearer {accessToken}`: the provider issues its own tokens. */
export const BEARER_PATTERN = '^Bearer \\S+$';
/** JSON, with or without a charset parameter. */
export const JSON_CONTENT_TYPE_PATTERN = '^application/json(;.*)?$';

export const id = (example: string) => regex(ID_PATTERN, example);
const time = (example: string | null) => (example === null ? null : regex(HUAWEI_TIME_REGEX, example));
const intOrNull = (example: number | null) => (example === null ? null : integer(example));

export const jsonResponseHeaders = { 'Content-Type': regex(JSON_CONTENT_TYPE_PATTERN, 'application/json') };

export const authHeaders = (appId: string, accessToken: string) => ({
  app_key: id(appId),
  Authorization: regex(BEARER_PATTERN, `Bearer ${accessToken}`),
});

/** A DeviceCommandResp: `status` is exact (PENDDING stays PENDDING), nulls stay null, the rest by type or pattern. */
export const commandBody = (c: DeviceCommandResp | RevokedDeviceCommandResp) => ({
  commandId: id(c.commandId),
  appId: id(c.appId),
  deviceId: id(c.deviceId),
  command: {
    serviceId: like(c.command.serviceId),
    method: like(c.command.method),
    paras: like(c.command.paras),
  },
  callbackUrl: c.callbackUrl === null ? null : like(c.callbackUrl),
  expireTime: intOrNull(c.expireTime),
  status: c.status,
  result: c.result === null ? null : like(c.result),
  creationTime: time(c.creationTime),
  executeTime: time(c.executeTime),
  platformIssuedTime: time(c.platformIssuedTime),
  deliveredTime: time(c.deliveredTime),
  issuedTimes: intOrNull(c.issuedTimes),
  maxRetransmit: integer(c.maxRetransmit),
});

/**
 * A revocation task. `status` is exact unless `anyTaskStatus` (the task status of a task with nothing to revoke is
 * not documented); `totalCount` and the list are exact: they are what the provider state seeded.
 */
export const taskBody = (t: RevocationTask, opts: { anyTaskStatus?: boolean } = {}) => ({
  taskId: id(t.taskId),
  appId: id(t.appId),
  deviceId: id(t.deviceId),
  status: opts.anyTaskStatus ? regex('^(WAITTING|RUNNING|SUCCESS|FAILED|PART_SUCCESS)$', t.status) : t.status,
  totalCount: t.totalCount,
  deviceCommands: t.deviceCommands.map(commandBody),
});

export const pageBody = <T>(page: { pagination: Pagination; data: T[] }, item: (t: T) => unknown) => ({
  pagination: {
    pageNo: integer(page.pagination.pageNo),
    pageSize: integer(page.pagination.pageSize),
    totalSize: page.pagination.totalSize,
  },
  data: page.data.map(item),
});

/** Error bodies are pinned verbatim: the code and the text are the contract. */
export const errorBody = (e: ErrorBody): ErrorBody => ({
  error_code: e.error_code,
  error_desc: e.error_desc,
});

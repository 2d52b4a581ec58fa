// Pact bodies and provider-state params built from the IoTDA fixtures, so the pact, the fixtures and the seeds agree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchersV3 } from '@pact-foundation/pact';
import { HUAWEI_TIME_REGEX } from '../common/huawei-time.ts';
import { COMMAND_ID_REGEX, DEVICE_ID_REGEX } from './constraints.ts';
import type { SeededCommand } from './provider-states.ts';
import { type ListedCommandTolerant, ShowAsyncCommandResponse } from './responses.ts';

const { integer, like, regex } = MatchersV3;

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8')) as unknown;

const TIME_FIELDS = new Set(['created_time', 'sent_time', 'delivered_time', 'response_time']);
/** Values that are the contract itself: pinned exactly, never "any string". */
const EXACT_FIELDS = new Set(['status', 'send_strategy', 'error_code', 'error_msg']);

/**
 * Turns a fixture body into a Pact body: ids by the documented id regexes, Huawei times by their format, enums and
 * error texts exact, numbers as integers, free-form objects (`paras`, `result`) and names by type.
 */
export const matcherBody = (body: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (key === 'device_id' && typeof value === 'string') out[key] = regex(DEVICE_ID_REGEX, value);
    else if (key === 'command_id' && typeof value === 'string') out[key] = regex(COMMAND_ID_REGEX, value);
    else if (TIME_FIELDS.has(key) && typeof value === 'string') out[key] = regex(HUAWEI_TIME_REGEX, value);
    else if (EXACT_FIELDS.has(key)) out[key] = value;
    else if (typeof value === 'number' && Number.isInteger(value)) out[key] = integer(value);
    else out[key] = like(value);
  }
  return out;
};

/** A show-endpoint fixture as the command a provider must hold (camelCase params of the provider state). */
export const seededCommandOf = (fixtureName: string): SeededCommand => {
  const c = ShowAsyncCommandResponse.parse(readFixture(fixtureName));
  const seeded: SeededCommand = {
    commandId: c.command_id,
    status: c.status,
    paras: c.paras,
    expireTime: c.expire_time,
    sendStrategy: c.send_strategy,
    createdTime: c.created_time,
  };
  if (c.service_id !== undefined) seeded.serviceId = c.service_id;
  if (c.command_name !== undefined) seeded.commandName = c.command_name;
  if (c.result !== undefined) seeded.result = c.result;
  if (c.sent_time !== undefined) seeded.sentTime = c.sent_time;
  if (c.delivered_time !== undefined) seeded.deliveredTime = c.delivered_time;
  if (c.response_time !== undefined) seeded.responseTime = c.response_time;
  return seeded;
};

/** A list-endpoint entry as the command a provider must hold; lists omit `paras`, so the caller supplies them. */
export const seededCommandOfListItem = (
  item: ListedCommandTolerant,
  paras: SeededCommand['paras'],
): SeededCommand => {
  const seeded: SeededCommand = {
    commandId: item.command_id,
    status: item.status,
    paras,
    expireTime: item.expire_time,
    sendStrategy: item.send_strategy,
    createdTime: item.created_time,
  };
  if (item.service_id !== undefined) seeded.serviceId = item.service_id;
  if (item.command_name !== undefined) seeded.commandName = item.command_name;
  if (item.sent_time !== undefined) seeded.sentTime = item.sent_time;
  if (item.delivered_time !== undefined) seeded.deliveredTime = item.delivered_time;
  if (item.response_time !== undefined) seeded.responseTime = item.response_time;
  return seeded;
};

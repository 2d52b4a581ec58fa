// Turns a provider-state command (the vendor's fields) into the input of CommandStore.seed (store times and payload).
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { DEFAULT_EXPIRE_TIME_S } from '../../contracts/oceanconnect/constraints.ts';
import type { SeededCommand, SeededRevokedCommand } from '../../contracts/oceanconnect/provider-states.ts';
import { toCanonical } from '../../contracts/oceanconnect/states.ts';
import type { SeedCommandInput } from '../model/seed.ts';
import type { OcPayload } from './projection.ts';

const timeOf = (text: string | null): number | null =>
  text === null ? null : (parseHuaweiTime(text) ?? null);

/**
 * A provider-state command as the store input. Times come from the vendor fields (platformIssuedTime = sentAt,
 * deliveredTime = deliveredAt, executeTime = respondedAt); the store fills in when a terminal one finished. A PENDING command keeps its creationTime only if it lies in the past and
 * the command would still be pending now; otherwise it is created now (a seed must not expire at once).
 */
export const seedInputOf = (
  c: SeededCommand | SeededRevokedCommand,
  owner: { appId: string; deviceId: string },
  now: number,
): SeedCommandInput => {
  const state = toCanonical(c.status);
  const ttlMs = (c.expireTime ?? DEFAULT_EXPIRE_TIME_S) * 1000;
  const stated = timeOf(c.creationTime) ?? now;
  const createdAt = state === 'PENDING' && (stated > now || stated + ttlMs <= now) ? now : stated;
  const sentAt = timeOf(c.platformIssuedTime);
  const deliveredAt = timeOf(c.deliveredTime);
  const respondedAt = timeOf(c.executeTime);
  const payload: OcPayload = {
    appId: owner.appId,
    command: { serviceId: c.command.serviceId, method: c.command.method, paras: c.command.paras },
    callbackUrl: c.callbackUrl,
    expireTime: c.expireTime,
    maxRetransmit: c.maxRetransmit,
  };
  return {
    commandId: c.commandId,
    state,
    payload,
    createdAt,
    ttlMs,
    sentAt,
    deliveredAt,
    respondedAt,
    result: c.result,
  };
};

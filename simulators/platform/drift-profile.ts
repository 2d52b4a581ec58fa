// Drift profiles for the platform model: an onSend hook that rewrites JSON answers the way a changed vendor API would, so `harness drift` can be tested.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONTROL_PREFIX } from '../../contracts/control/api.ts';

/** `none`: answers as documented. `drifted`: one change of every class the drift report knows (see driftHook). */
export const DriftProfile = z.enum(['none', 'drifted']);
export type DriftProfile = z.infer<typeof DriftProfile>;

type Rewrite = { status?: number; body: unknown };

const IOTDA_SHOW = /^\/v5\/iot\/[^/]+\/devices\/[^/]+\/async-commands\/[^/?]+(\?|$)/;
const OC_REVOKE = /^\/iocm\/app\/cmd\/v1\.4\.0\/deviceCommandCancelTasks(\?|$)/;
const ENOS_COMMANDS = /^\/connect-service\/v2\.1\/commands(\?|$)/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every numeric `createTime` under a value, as a string (EnOS retypes it). */
const stringifyCreateTime = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(stringifyCreateTime);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      k === 'createTime' && typeof x === 'number' ? String(x) : stringifyCreateTime(x),
    ]),
  );
};

/**
 * The `drifted` profile: IoTDA show answers gain `newField` (added: a warning); OceanConnect revocation-task answers
 * lose `totalCount` (removed), spell their pending commands `PENDING` (misspelling fixed) and come with HTTP 200
 * instead of 201 (status changed); EnOS command answers carry `createTime` as a string (retyped). Undefined: unchanged.
 */
const drifted = (method: string, url: string, status: number, body: unknown): Rewrite | undefined => {
  if (method === 'GET' && status === 200 && IOTDA_SHOW.test(url) && isObject(body) && 'command_id' in body)
    return { body: { ...body, newField: 'added by the drifted profile' } };
  if (method === 'POST' && status === 201 && OC_REVOKE.test(url) && isObject(body)) {
    const { totalCount: _gone, ...rest } = body;
    const commands = Array.isArray(rest.deviceCommands)
      ? rest.deviceCommands.map((c) =>
          isObject(c) && c.status === 'PENDDING' ? { ...c, status: 'PENDING' } : c,
        )
      : rest.deviceCommands;
    return { status: 200, body: { ...rest, deviceCommands: commands } };
  }
  if (ENOS_COMMANDS.test(url) && isObject(body) && 'data' in body)
    return { body: { ...body, data: stringifyCreateTime(body.data) } };
  return undefined;
};

/** A fastify onSend hook applying a profile to JSON answers (control API calls are never touched). */
export const driftHook =
  (profile: DriftProfile) =>
  async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (profile === 'none' || typeof payload !== 'string' || req.url.startsWith(CONTROL_PREFIX))
      return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    const r = drifted(req.method, req.url, reply.statusCode, body);
    if (!r) return payload;
    if (r.status !== undefined) reply.code(r.status);
    return JSON.stringify(r.body);
  };

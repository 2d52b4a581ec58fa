// Drift profiles for the platform model: an onSend hook that rewrites JSON answers the way a changed vendor API would, so `harness drift` can be tested.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONTROL_PREFIX } from '../../contracts/control/api.ts';
import { VENDORS } from '../../vendors/index.ts';
import type { DriftRewrite } from './drift-rewrite.ts';

/** `none`: answers as documented. `drifted`: one change of every class the drift report knows (see driftHook). */
export const DriftProfile = z.enum(['none', 'drifted']);
export type DriftProfile = z.infer<typeof DriftProfile>;

/**
 * The `drifted` profile: each vendor's answers changed the way its API could drift (simulators/<vendor>/drift-profile.ts:
 * a field added, removed or retyped, a misspelling fixed, a status changed). Undefined: unchanged.
 */
const drifted = (method: string, url: string, status: number, body: unknown): DriftRewrite | undefined => {
  for (const v of VENDORS) {
    const r = v.driftedAnswer(method, url, status, body);
    if (r) return r;
  }
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

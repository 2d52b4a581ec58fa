// The checks every IoTDA call passes before its route runs, in the order a gateway and then IoTDA would make them.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { DevicePathParams, ShowAsyncCommandPathParams } from '../../contracts/iotda/requests.ts';
import {
  type Answer,
  applicationMissing,
  authenticationFailed,
  deviceNotFound,
  injected,
  invalidAccessToken,
  invalidInput,
  throttled,
} from './answers.ts';
import { authenticate } from './auth.ts';
import type { Core } from './core.ts';
import { principalKey } from './world.ts';

export /** The first zod issue as (field, reason); a body that is not an object at all names `body`. */
const firstIssue = (error: z.ZodError, root: string): { field: string; reason: string } => {
  const issue = error.issues[0];
  if (!issue) return { field: root, reason: 'invalid' };
  const field = issue.path.length ? issue.path.map(String).join('.') : root;
  return { field, reason: issue.message };
};

export type Admitted<P> = { ok: true; params: P } | { ok: false; answer: Answer };

/**
 * The checks every call passes, in the order a gateway and then IoTDA would make them: credentials (401), credentials
 * a provider state rejects (401/403), the per-credential throttle (429 APIG.0308), an injected answer for this
 * device, path ids (400), Instance-Id (400), the project the credentials may reach (403 IOTDA.000004), the device (404).
 */
export const admit = <S extends typeof DevicePathParams | typeof ShowAsyncCommandPathParams>(
  deps: Core,
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

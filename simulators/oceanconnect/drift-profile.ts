// OceanConnect under the `drifted` profile: a revocation task loses totalCount, spells PENDING, and comes with HTTP 200.
import { type DriftedAnswer, isObject } from '../platform/drift-rewrite.ts';

const REVOKE = /^\/iocm\/app\/cmd\/v1\.4\.0\/deviceCommandCancelTasks(\?|$)/;

/** A removed field, a misspelling fixed and a status changed: three breaking changes in one answer. */
export const driftedAnswer: DriftedAnswer = (method, url, status, body) => {
  if (method !== 'POST' || status !== 201 || !REVOKE.test(url) || !isObject(body)) return undefined;
  const { totalCount: _gone, ...rest } = body;
  const commands = Array.isArray(rest.deviceCommands)
    ? rest.deviceCommands.map((c) =>
        isObject(c) && c.status === 'PENDDING' ? { ...c, status: 'PENDING' } : c,
      )
    : rest.deviceCommands;
  return { status: 200, body: { ...rest, deviceCommands: commands } };
};

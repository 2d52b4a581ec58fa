// EnOS under the `drifted` profile: command answers carry `createTime` as a string (a retyped field).
import { type DriftedAnswer, isObject } from '../platform/drift-rewrite.ts';

const COMMANDS = /^\/connect-service\/v2\.1\/commands(\?|$)/;

/** Every numeric `createTime` under a value, as a string. */
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

export const driftedAnswer: DriftedAnswer = (_method, url, _status, body) =>
  COMMANDS.test(url) && isObject(body) && 'data' in body
    ? { body: { ...body, data: stringifyCreateTime(body.data) } }
    : undefined;

// IoTDA under the `drifted` profile: a show answer gains `newField` (an added field: a warning in a drift report).
import { type DriftedAnswer, isObject } from '../platform/drift-rewrite.ts';

const SHOW = /^\/v5\/iot\/[^/]+\/devices\/[^/]+\/async-commands\/[^/?]+(\?|$)/;

export const driftedAnswer: DriftedAnswer = (method, url, status, body) =>
  method === 'GET' && status === 200 && SHOW.test(url) && isObject(body) && 'command_id' in body
    ? { body: { ...body, newField: 'added by the drifted profile' } }
    : undefined;

// The EnOS share of the property suite in npm test: model agreement and every invariant, on one live platform.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openSession, type Session } from './harness/session.ts';
import { INVARIANT_PROPERTIES, MODEL_PROPERTIES } from './runner/properties.ts';
import { expectProperty } from './test-support.ts';

const VENDOR = 'enos';
let session: Session;

beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

describe(`property suite: ${VENDOR} against the live simulator`, () => {
  for (const p of [...MODEL_PROPERTIES, ...INVARIANT_PROPERTIES].filter((x) => x.vendor === VENDOR))
    it(p.name, () => expectProperty(p, { session, mutations: [] }));
});

// The share of the property suite that needs no simulator: mappings, timestamps, engine cross-checks, client schemas.
import { describe, it } from 'vitest';
import { PROPERTIES } from './runner/properties.ts';
import { expectProperty } from './test-support.ts';

describe('property suite: without the simulator', () => {
  for (const p of PROPERTIES.filter((x) => x.group === 'pure' || x.group === 'schema'))
    it(p.name, () => expectProperty(p, { mutations: [] }));
});

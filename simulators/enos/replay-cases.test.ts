// Checks the EnOS replay cases: every answer fixture is replayed, every pact interaction has exactly one, one default per endpoint.
import { PACT_PROVIDER } from '../../contracts/enos/constraints.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedPactPath } from '../../contracts/common/pact.ts';
import { fixturesDirOf } from '../replay/mapping-files.ts';
import { fixtureFor, REPLAY_CASES } from './replay-cases.ts';

const pact = JSON.parse(readFileSync(committedPactPath(PACT_PROVIDER), 'utf8')) as {
  interactions: {
    description: string;
    request: { method: string; path: string; query?: Record<string, string[]> };
  }[];
};
const fixtures = readdirSync(fixturesDirOf('enos'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

describe('EnOS replay cases', () => {
  it('replay every fixture exactly once (every EnOS fixture is an answer)', () => {
    expect(REPLAY_CASES.map((c) => c.fixture).sort()).toEqual([...fixtures].sort());
  });

  it('answer every pact interaction with exactly one fixture, of the right method and action', () => {
    for (const i of pact.interactions) {
      const owners = REPLAY_CASES.filter((c) => c.interactions.includes(i.description));
      expect(
        owners.map((c) => c.fixture),
        i.description,
      ).toHaveLength(1);
      const c = owners[0]!;
      expect(fixtureFor(i.description)).toBe(c.fixture);
      expect(c.method === 'ANY' || c.method === i.request.method, i.description).toBe(true);
      expect(new RegExp(`^${c.urlPathPattern}$`).test(i.request.path), i.description).toBe(true);
      for (const [k, v] of Object.entries(c.query ?? {}))
        expect(i.request.query?.[k], i.description).toEqual([v]);
    }
    const described = new Set(pact.interactions.map((i) => i.description));
    for (const c of REPLAY_CASES) for (const d of c.interactions) expect(described.has(d), d).toBe(true);
  });

  it('have one default per endpoint (path and action)', () => {
    const defaults = REPLAY_CASES.filter((c) => c.isDefault).map(
      (c) => `${c.urlPathPattern} ${c.query?.action}`,
    );
    expect(new Set(defaults).size).toBe(defaults.length);
    expect(defaults.sort()).toEqual([
      '/apim-token-service/v2\\.0/token/get undefined',
      '/connect-service/v2\\.1/commands cancel',
      '/connect-service/v2\\.1/commands get',
      '/connect-service/v2\\.1/commands invokeService',
      '/connect-service/v2\\.1/commands search',
      '/connect-service/v2\\.1/commands setMeasurepoint',
    ]);
  });
});

// REPLAY_CASES covers every answer fixture once, one default per endpoint, and every pact interaction with one fixture.
import { PACT_PROVIDER } from '../../contracts/oceanconnect/constraints.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedPactPath } from '../../contracts/common/pact.ts';
import { fixtureNames } from '../../contracts/oceanconnect/fixtures.ts';
import { fixtureFor, REPLAY_CASES } from './replay-cases.ts';

type Pact = { interactions: { description: string; request: { method: string; path: string } }[] };
const pact = JSON.parse(readFileSync(committedPactPath(PACT_PROVIDER), 'utf8')) as Pact;

/** Java and JavaScript agree on these simple patterns: a full match of the path. */
const matches = (pattern: string, path: string): boolean => new RegExp(`^(?:${pattern})$`).test(path);

describe('OceanConnect replay cases', () => {
  it('cover every answer fixture exactly once (request samples are not answers)', () => {
    const answers = fixtureNames()
      .filter((n) => !n.startsWith('request-'))
      .map((n) => n.replace(/\.json$/, ''));
    expect(REPLAY_CASES.map((c) => c.fixture).sort()).toEqual(answers.sort());
  });

  it('have one default per endpoint, and it is a success', () => {
    const defaults = REPLAY_CASES.filter((c) => c.isDefault);
    const endpoints = defaults.map((c) => `${c.method} ${c.urlPathPattern}`);
    expect(new Set(endpoints).size).toBe(endpoints.length);
    expect(endpoints).toHaveLength(6);
    for (const c of defaults) expect(c.fixture).toMatch(/^20[01]-/);
  });

  it.each(pact.interactions.map((i) => [i.description, i] as const))(
    'pact interaction "%s" is answered by exactly one fixture, on its own path',
    (description, interaction) => {
      const cases = REPLAY_CASES.filter((c) => c.interactions.includes(description));
      expect(cases.map((c) => c.fixture)).toHaveLength(1);
      const c = cases[0]!;
      expect(fixtureFor(description)).toBe(c.fixture);
      expect(c.method === 'ANY' || c.method === interaction.request.method).toBe(true);
      expect(matches(c.urlPathPattern, interaction.request.path)).toBe(true);
    },
  );

  it('name only interactions that the pact has', () => {
    const known = new Set(pact.interactions.map((i) => i.description));
    expect(REPLAY_CASES.flatMap((c) => c.interactions).filter((d) => !known.has(d))).toEqual([]);
  });
});

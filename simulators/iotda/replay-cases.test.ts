// Checks the IoTDA replay cases: every answer fixture is replayed, every pact interaction has exactly one of the right status.
import { PACT_PROVIDER } from '../../contracts/iotda/constraints.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedPactPath } from '../../contracts/common/pact.ts';
import { fixturesDirOf } from '../replay/mapping-files.ts';
import { COLLECTION_PATH, fixtureFor, HISTORY_PATH, REPLAY_CASES, SHOW_PATH } from './replay-cases.ts';

const pact = JSON.parse(readFileSync(committedPactPath(PACT_PROVIDER), 'utf8')) as {
  interactions: {
    description: string;
    request: { method: string; path: string };
    response: { status: number };
  }[];
};
const fixtures = readdirSync(fixturesDirOf('iotda'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
/** WireMock's patterns are Java regexes matched against the whole path; these use only syntax JS reads the same. */
const matches = (pattern: string, path: string) => new RegExp(`^${pattern}$`).test(path);

describe('IoTDA replay cases', () => {
  it('replay every fixture exactly once (every IoTDA fixture is an answer, none a request sample)', () => {
    expect(REPLAY_CASES.map((c) => c.fixture).sort()).toEqual([...fixtures].sort());
  });

  it('answer every pact interaction with exactly one fixture, of its method, path and status', () => {
    for (const i of pact.interactions) {
      const owners = REPLAY_CASES.filter((c) => c.interactions.includes(i.description));
      expect(
        owners.map((c) => c.fixture),
        i.description,
      ).toHaveLength(1);
      const c = owners[0]!;
      expect(fixtureFor(i.description)).toBe(c.fixture);
      expect(c.method === 'ANY' || c.method === i.request.method, i.description).toBe(true);
      expect(matches(c.urlPathPattern, i.request.path), i.description).toBe(true);
      expect(Number(c.fixture.slice(0, 3)), i.description).toBe(i.response.status);
    }
    const described = new Set(pact.interactions.map((i) => i.description));
    for (const c of REPLAY_CASES) for (const d of c.interactions) expect(described.has(d), d).toBe(true);
  });

  it('have one default per endpoint: the seed sample for show, the main success sample elsewhere', () => {
    const defaults = REPLAY_CASES.filter((c) => c.isDefault).map((c) => [
      c.method,
      c.urlPathPattern,
      c.fixture,
    ]);
    expect(defaults).toEqual([
      ['GET', SHOW_PATH, '200-show-delivered-seed-sample'],
      ['POST', COLLECTION_PATH, '200-create-delay-pending'],
      ['GET', COLLECTION_PATH, '200-list-queued'],
      ['GET', HISTORY_PATH, '200-list-history'],
    ]);
  });

  it('tell the endpoints apart by path: show, queue and history patterns never match each other', () => {
    const p = '/v5/iot/proj01/devices/dev_01';
    expect([
      matches(SHOW_PATH, `${p}/async-commands/c-1`),
      matches(SHOW_PATH, `${p}/async-commands-history`),
    ]).toEqual([true, false]);
    expect([
      matches(COLLECTION_PATH, `${p}/async-commands`),
      matches(COLLECTION_PATH, `${p}/async-commands/c`),
    ]).toEqual([true, false]);
    expect(matches(HISTORY_PATH, `${p}/async-commands-history`)).toBe(true);
  });
});

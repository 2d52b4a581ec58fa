// The whole simulator end to end, in both modes: every replay case answered by its marker, unmarked requests routed, faults and latency.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vendor } from '../contracts/common/problem.ts';
import { REPLAY_CASES as ENOS_CASES } from './enos/replay-cases.ts';
import { REPLAY_CASES as IOTDA_CASES } from './iotda/replay-cases.ts';
import { REPLAY_CASES as OC_CASES } from './oceanconnect/replay-cases.ts';
import { FAULTS } from './replay/build-mappings.ts';
import { fixturesDirOf } from './replay/mapping-files.ts';
import { CASE_HEADER, CASE_QUERY, FAULT_HEADER, type ReplayCase } from './replay/replay-case.ts';
import { type RunningSim, type SimMode, startSimulators } from './sim.ts';

const CASES: readonly (readonly [Vendor, ReplayCase])[] = [
  ...ENOS_CASES.map((c) => ['enos', c] as const),
  ...OC_CASES.map((c) => ['oceanconnect', c] as const),
  ...IOTDA_CASES.map((c) => ['iotda', c] as const),
];

/**
 * One concrete path a case's urlPathPattern matches: ids for character classes, the first alternative of a group,
 * optional groups left out. The test checks the result against the pattern, so a wrong guess fails loudly.
 */
const examplePath = (pattern: string): string => {
  let p = pattern.replace(/\[[^\]]+\](\{\d+,\d+\}|\+)/g, 'id-1');
  for (let before = ''; before !== p; ) {
    before = p;
    p = p.replace(/\([^()]*\)\?/g, '');
  }
  return p.replace(/\(([^()|]*)\|[^()]*\)/g, '$1').replace(/\\\./g, '.');
};

const fixtureOf = (vendor: Vendor, c: ReplayCase): unknown =>
  JSON.parse(readFileSync(path.join(fixturesDirOf(vendor), `${c.fixture}.json`), 'utf8'));

const call = async (
  base: string,
  c: ReplayCase,
  marker: { header?: string; query?: string } = {},
): Promise<{ status: number; json: unknown }> => {
  const url = new URL(`${base}${examplePath(c.urlPathPattern)}`);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  if (marker.query) url.searchParams.set(CASE_QUERY, marker.query);
  const method = c.method === 'ANY' ? 'POST' : c.method;
  const res = await request(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(marker.header ? { [CASE_HEADER]: marker.header } : {}),
    },
    body: method === 'GET' ? undefined : '{}',
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.statusCode, json };
};

describe.each<SimMode>(['stateful', 'replay'])('simulator in %s mode', (mode) => {
  let sim: RunningSim;
  const journalSeq = (): number => sim.platform?.journal.lastSeq ?? 0;

  beforeAll(async () => {
    sim = await startSimulators({ mode, latency: { kind: 'none' } });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('the example paths match their patterns (checks the test itself)', () => {
    for (const [, c] of CASES)
      expect(new RegExp(`^${c.urlPathPattern}$`).test(examplePath(c.urlPathPattern)), c.urlPathPattern).toBe(
        true,
      );
  });

  it.each(CASES)(
    '%s %o: answered verbatim by the header marker and by the query marker',
    async (vendor, c) => {
      const before = journalSeq();
      const expected = { status: Number(c.fixture.slice(0, 3)), json: fixtureOf(vendor, c) };
      expect(await call(sim.wiremock.url, c, { header: c.fixture })).toEqual(expected);
      expect(await call(sim.wiremock.url, c, { query: c.fixture })).toEqual(expected);
      // WireMock answered; the platform model never saw these requests.
      expect(journalSeq()).toBe(before);
    },
  );

  it("an unmarked request gets its endpoint's default case in replay mode, the model's answer in stateful mode", async () => {
    const defaults = CASES.filter(([, c]) => c.isDefault);
    expect(defaults.length).toBeGreaterThanOrEqual(3);
    for (const [vendor, c] of defaults) {
      const before = journalSeq();
      const r = await call(sim.wiremock.url, c);
      if (mode === 'replay')
        expect(r, c.fixture).toEqual({ status: Number(c.fixture.slice(0, 3)), json: fixtureOf(vendor, c) });
      else expect(journalSeq(), c.fixture).toBe(before + 1);
    }
  });

  it.each(Object.keys(FAULTS))(
    'X-Harness-Fault: %s breaks the transport instead of answering',
    async (fault) => {
      const attempt = request(`${sim.wiremock.url}/v5/iot/p/devices/d/async-commands/c`, {
        headers: { [FAULT_HEADER]: fault },
      }).then((res) => res.body.text());
      await expect(attempt).rejects.toThrow();
    },
  );
});

describe('simulator routing in stateful mode', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSimulators({ mode: 'stateful' });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const showUnknown = (headers: Record<string, string> = {}, query = '') =>
    request(
      `${sim.wiremock.url}/v5/iot/${sim.info.iotda.projectId}/devices/${sim.info.iotda.devices[0]}/async-commands/no-such-command${query}`,
      { headers: { 'X-Auth-Token': sim.info.iotda.authToken, ...headers } },
    );

  it('an unmarked request goes to the platform model, which answers from its state', async () => {
    const before = sim.platform!.journal.lastSeq;
    const res = await showUnknown();
    expect(res.statusCode).toBe(404);
    expect(await res.body.json()).toMatchObject({ error_code: 'IOTDA.014000' });
    expect(sim.platform!.journal.lastSeq).toBe(before + 1);
  });

  it('a marker naming no case of that endpoint falls through to the model too', async () => {
    const before = sim.platform!.journal.lastSeq;
    const byHeader = await showUnknown({ [CASE_HEADER]: '200-no-such-fixture' });
    expect(byHeader.statusCode).toBe(404);
    await byHeader.body.dump();
    const byQuery = await showUnknown({}, `?${CASE_QUERY}=200-no-such-fixture`);
    expect(byQuery.statusCode).toBe(404);
    await byQuery.body.dump();
    expect(sim.platform!.journal.lastSeq).toBe(before + 2);
  });
});

describe('simulator latency profile', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSimulators({ mode: 'stateful', latency: { kind: 'fixed', ms: 300 } });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('delays proxied answers and replayed ones by at least the fixed latency', async () => {
    const seed = IOTDA_CASES.find((c) => c.fixture === '200-show-delivered-seed-sample')!;
    for (const marker of [{}, { header: seed.fixture }]) {
      const started = performance.now();
      const r = await call(sim.wiremock.url, seed, marker);
      expect(r.status).toBeGreaterThan(0);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    }
  });
});

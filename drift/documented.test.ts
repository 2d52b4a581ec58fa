// `harness drift` against answers nobody here generated: a plain WireMock (and the same mappings as a recording) serving the vendors' documented answers, and one drifted copy per change class.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as driftRun } from '../cli/commands/drift.ts';
import { launchWireMock, type WireMockHandle } from '../simulators/wiremock/launcher.ts';
import { registerMapping, resetMappings } from '../simulators/wiremock/mappings.ts';
import { type DriftReport, runDrift } from './drift.ts';
import { renderDrift } from './report.ts';
import {
  DOCUMENTED_DIR,
  type Documented,
  DRIFTED_COPIES,
  documented,
  TEAM,
  TEAM_ENV,
} from './test-support.ts';

let wiremock: WireMockHandle;

/** Replaces every mapping of the WireMock with these and starts its scenarios afresh. */
const serve = async (d: Documented): Promise<void> => {
  await resetMappings(wiremock);
  await request(`${wiremock.adminUrl}/scenarios/reset`, { method: 'POST' }).then((r) => r.body.dump());
  for (const mappings of Object.values(d)) for (const m of mappings) await registerMapping(wiremock, m);
};

/** The documented answers as a recording folder (one mappings file per vendor). */
const recordingOf = (d: Documented): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'drift-documented-'));
  mkdirSync(path.join(dir, 'mappings'));
  for (const [vendor, mappings] of Object.entries(d))
    writeFileSync(path.join(dir, 'mappings', `${vendor}.json`), JSON.stringify({ mappings }));
  return dir;
};

const againstWireMock = () => runDrift({ live: { baseUrl: wiremock.url, credentials: TEAM } });
const againstRecording = (dir: string) => runDrift({ recording: dir, credentials: TEAM });

const groupsOf = (r: DriftReport) =>
  r.groups.map((g) => ({
    vendor: g.vendor,
    kind: g.kind,
    severity: g.severity,
    field: g.field,
    was: g.was,
    now: g.now,
  }));

beforeAll(async () => {
  wiremock = await launchWireMock({});
}, 90_000);
afterAll(async () => {
  await wiremock?.stop();
});

describe('harness drift against the documented answers', () => {
  it('--target a plain WireMock: exit 0, every interaction clean or not reproducible here', async () => {
    await serve(documented());
    const dir = mkdtempSync(path.join(tmpdir(), 'drift-cli-'));
    const out = path.join(dir, 'drift.json');
    const env = vi.spyOn(process, 'env', 'get').mockReturnValue({ ...process.env, ...TEAM_ENV });
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      printed.push(String(s));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await driftRun({
      args: [],
      options: { target: wiremock.url, out, junit: path.join(dir, 'junit.xml') },
    });
    vi.restoreAllMocks();
    env.mockRestore();
    const r = JSON.parse(readFileSync(out, 'utf8')) as DriftReport;
    expect(printed.join(''), printed.join('')).toContain('drift: OK');
    expect(code).toBe(0);
    expect(r.groups).toEqual([]);
    const outcomes = r.vendors.flatMap((v) => v.interactions.map((i) => [i.need, i.outcome]));
    // Every interaction that needs nothing or a request the run can make was compared; every `state` one was not.
    for (const [need, outcome] of outcomes)
      expect(outcome).toBe(need === 'state' ? 'not-reproducible' : 'compared');
    expect(r.coverage).toEqual({ compared: 31, reproducible: 31, minShare: 0.5 });
    expect(r.summary.map((s) => [s.vendor, s.compared, s.notReproducible])).toEqual([
      ['enos', 13, 1],
      ['oceanconnect', 11, 8],
      ['iotda', 7, 14],
    ]);
    const junit = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(junit).not.toContain('<failure');
    expect(junit).toContain(
      'name="GET /v5/iot/{project_id}/devices/{device_id}/async-commands/{command_id}"',
    );
  }, 60_000);

  it('--recording of the same answers: the same clean verdict', async () => {
    const r = await againstRecording(DOCUMENTED_DIR);
    expect(renderDrift(r)).toContain('drift: OK');
    expect(r.groups).toEqual([]);
    expect(r.coverage.compared).toBe(31);
  });

  it("makes the made interactions for real: a team's credentials never reach an interaction about their absence", async () => {
    // The documented answers refuse anything but the team's token, so a bad token or a missing app_key that the
    // team's credentials had overwritten would be answered 200/201 and reported as a status change.
    const r = await againstRecording(DOCUMENTED_DIR);
    const made = r.vendors.flatMap((v) => v.interactions.filter((i) => i.need === 'made'));
    expect(made.map((i) => i.outcome)).toEqual(made.map(() => 'compared'));
    expect(made.map((i) => i.description)).toEqual(
      expect.arrayContaining([
        'a revocation task without the app_key header',
        'a revocation task with a superseded access token',
        'iotda show async command: 401 IOTDA.000002 authentication failed',
        'iotda show async command: 404 IOTDA.014000 device does not exist',
        'enos cancel: command not in Created state gives 11905 with HTTP 200',
      ]),
    );
  });

  it('fails on an empty recording, and on one that covers less than the stated share', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'drift-empty-'));
    const none = await againstRecording(empty);
    expect(none.ok).toBe(false);
    expect(none.failures).toEqual(['nothing was compared: the recording covers no interaction']);
    const onlyIotda = documented();
    onlyIotda.enos = [];
    onlyIotda.oceanconnect = [];
    const partial = await againstRecording(recordingOf(onlyIotda));
    expect(partial.ok).toBe(false);
    expect(partial.failures).toEqual([
      'only 7 of 31 reproducible interactions compared (23%, at least 50% required)',
    ]);
    expect(
      (await runDrift({ recording: recordingOf(onlyIotda), credentials: TEAM, vendors: ['iotda'] })).ok,
    ).toBe(true);
  });
});

describe.each(DRIFTED_COPIES)('drifted copy: $name', (copy) => {
  const planted = () => {
    const d = documented();
    copy.plant(d);
    return d;
  };
  const check = (r: DriftReport) => {
    const got = groupsOf(r);
    if (!copy.expect) expect(got).toEqual([]);
    else {
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject(copy.expect);
    }
    expect(r.ok).toBe(copy.expect?.severity !== 'breaking');
    expect(r.failures.filter((f) => !f.includes('breaking'))).toEqual([]);
  };
  it('--target WireMock reports the planted change, and nothing else', async () => {
    await serve(planted());
    check(await againstWireMock());
  }, 30_000);
  it('--recording reports the planted change, and nothing else', async () => {
    check(await againstRecording(recordingOf(planted())));
  });
});

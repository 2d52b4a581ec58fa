// Test support for the k6 suites: finds k6 (never builds it), reads the profiles, runs a scenario in a work folder and prints what failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { renderProblem } from '../../contracts/common/problem.ts';
import { findK6, type K6Binary } from './k6-binary.ts';
import { type ProfilesFile, profileOf, readProfiles } from './profiles.ts';
import type { ScenarioName } from './run-file.ts';
import { type LoadReport, runScenario } from './scenario.ts';

export const RUN_TIMEOUT_MS = 120_000;

/**
 * Registers the suite's hooks: k6 is looked up once (no build: .ci/k6.sh makes it available before npm test; in CI a
 * missing k6 fails, elsewhere the suite says why it skips), and the work folder is removed afterwards unless
 * KEEP_LOAD_WORK=1 keeps it for a post-mortem.
 */
export const k6Suite = (name: string) => {
  let k6: K6Binary | undefined;
  let profiles: ProfilesFile;
  const work = mkdtempSync(path.join(tmpdir(), 'harness-load-'));
  beforeAll(async () => {
    const found = await findK6({ build: false });
    if (found.ok) k6 = found.k6;
    else if (process.env.CI) throw new Error(`k6 is required in CI (run .ci/k6.sh first):\n${found.message}`);
    else console.log(`${name} skipped: no k6 here (run .ci/k6.sh to build it)\n${found.message}`);
    const p = readProfiles();
    if (!p.ok) throw new Error(renderProblem(p.problem));
    profiles = p.value;
  });
  afterAll(() => {
    if (process.env.KEEP_LOAD_WORK) console.log(`load work files kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  const run = async (scenario: ScenarioName, segments = 1, profileName = 'smoke'): Promise<LoadReport> => {
    const profile = profileOf(profiles, scenario, profileName);
    if (!profile.ok) throw new Error(renderProblem(profile.problem));
    const r = await runScenario({
      ...({ scenario, profile: profile.value } as Parameters<typeof runScenario>[0]),
      profileName,
      k6: k6!,
      workDir: path.join(work, `${scenario}-${profileName}-${segments}`),
      segments,
    });
    if (!r.ok) throw new Error(renderProblem(r.problem));
    const failed = [
      ...r.value.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`),
      ...r.value.k6.thresholds.filter((t) => !t.ok).map((t) => `threshold ${t.metric} ${t.expression}`),
    ];
    if (failed.length)
      console.log(
        `${scenario} failed (rerun with KEEP_LOAD_WORK=1 to keep ${work}):\n  ${failed.join('\n  ')}`,
      );
    return r.value;
  };
  return { run, hasK6: () => k6 !== undefined };
};

// Every counterexample the suite found is replayed exactly: faults must still be caught, fixed behaviour must still pass.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUITE_CONFIG } from './harness/platform.ts';
import { openSession, type Session } from './harness/session.ts';
import { notWiredParts } from './runner/mutation-check.ts';
import { loadRegressions, type Regression } from './runner/regressions.ts';
import { replaySteps } from './runner/replay.ts';

const sessions = new Map<string, Promise<Session>>();
const sessionFor = (mutations: Regression['mutations']): Promise<Session> => {
  const key = [...mutations].sort().join(',');
  let s = sessions.get(key);
  if (!s) {
    s = openSession({ ...DEFAULT_SUITE_CONFIG, mutations });
    sessions.set(key, s);
  }
  return s;
};

afterAll(async () => {
  for (const s of sessions.values()) await (await s).close();
});

const REGRESSIONS = loadRegressions();

describe('regressions', () => {
  it('there are some', () => {
    expect(REGRESSIONS.length).toBeGreaterThan(0);
  });

  for (const r of REGRESSIONS) {
    it(`${r.name}: ${r.failsWith ? `fails with ${r.failsWith} under ${r.mutations.join(', ')}` : 'passes'}`, async () => {
      const session = await sessionFor(r.mutations);
      for (const m of r.mutations)
        expect(
          notWiredParts(session.running.platform, m),
          `fault ${m} is not wired into the simulator`,
        ).toEqual([]);
      const outcome = await replaySteps(session, r.property, r.params, r.steps);
      if (r.failsWith) {
        expect(outcome.ok, `${r.name} should fail (${r.about})`).toBe(false);
        expect(outcome.ok ? undefined : outcome.check).toBe(r.failsWith);
      } else {
        expect(outcome, r.about).toMatchObject({ ok: true });
      }
    });

    if (r.mutations.length > 0)
      it(`${r.name}: the same steps pass without the fault`, async () => {
        expect(await replaySteps(await sessionFor([]), r.property, r.params, r.steps)).toMatchObject({
          ok: true,
        });
      });
  }
});

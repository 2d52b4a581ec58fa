// A failure replays exactly from its printed seed, path and replayPath: same steps, same broken check, same words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './harness/session.ts';
import type { Invariant } from './invariants/types.ts';
import { checkModelRuns } from './runner/model-property.ts';
import { renderFailure } from './runner/outcome.ts';

/** A rule the simulator rightly breaks as soon as a command is delivered: it makes runs fail on purpose. */
const neverDelivered: Invariant = {
  name: 'never-delivered (a rule made to fail)',
  says: 'no command is ever DELIVERED',
  check: (o) =>
    o.after.commands.filter((c) => c.state === 'DELIVERED').map((c) => `${c.commandId} is DELIVERED`),
};

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

describe('replay', () => {
  it('prints seed, path and replay command, and the printed values replay the shrunk run exactly', async () => {
    const checks = { agreement: false, invariants: [neverDelivered] };
    const found = await checkModelRuns('demo', session, 'oceanconnect', checks, { numRuns: 100, seed: 99 });
    expect(found.ok).toBe(false);
    const f = found.failure!;
    const printed = renderFailure(found);
    expect(printed).toContain(`seed: ${found.seed}`);
    expect(printed).toContain(`path: ${f.path}`);
    expect(printed).toContain(`--seed ${found.seed} --path '${f.path}'`);
    expect(f.steps!.length).toBeGreaterThan(0);

    for (let i = 0; i < 2; i++) {
      const again = await checkModelRuns('demo', session, 'oceanconnect', checks, {
        numRuns: 100,
        seed: found.seed,
        path: f.path,
        ...(f.replayPath ? { replayPath: f.replayPath } : {}),
      });
      expect(again.ok).toBe(false);
      expect(again.executions).toBe(1);
      expect(again.failure?.steps).toEqual(f.steps);
      expect(again.failure?.params).toEqual(f.params);
      expect(again.failure?.message).toBe(f.message);
    }
  });
});

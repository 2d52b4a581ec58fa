// Proof the suite bites: each deliberate fault of the simulator, one at a time, must make the property suite fail.
import { describe, expect, it } from 'vitest';
import { MUTATIONS, type Mutation } from './mutations/faults.ts';
import { MUTATION_EFFECTS, notWiredParts, runMutationCheck } from './runner/mutation-check.ts';
import { renderFailure } from './runner/outcome.ts';
import { INVARIANT_PROPERTIES, MODEL_PROPERTIES, type SuiteProperty } from './runner/properties.ts';
import { SUITE_SEED } from './test-support.ts';

/** OceanConnect first for the faults of its own features (the throttle, PENDDING); the order only saves time. */
const ocFirst = (m: Mutation, properties: readonly SuiteProperty[]): SuiteProperty[] =>
  m === 'throttle-off-by-one' || m === 'pendding-spelled-correctly'
    ? [
        ...properties.filter((p) => p.vendor === 'oceanconnect'),
        ...properties.filter((p) => p.vendor !== 'oceanconnect'),
      ]
    : [...properties];

const expectCaught = async (mutation: Mutation, properties: readonly SuiteProperty[]) => {
  const [verdict] = await runMutationCheck({
    mutations: [mutation],
    properties,
    run: { numRuns: 40, seed: SUITE_SEED, endOnFailure: true },
    firstCatchOnly: true,
    requireWired: true,
  });
  const v = verdict!;
  expect(
    v.notWired,
    `the fault is not wired into: ${v.notWired.join(', ')} (pass config.mutations down)`,
  ).toEqual([]);
  const caught = v.outcomes.find((o) => !o.ok);
  expect(
    caught,
    `"${mutation}" (${MUTATION_EFFECTS[mutation]}) went unnoticed by ${v.outcomes.map((o) => o.name).join(', ')}`,
  ).toBeDefined();
  return renderFailure(caught!, mutation);
};

describe('mutation check', () => {
  it('checks every fault the simulator config declares', () => {
    expect(Object.keys(MUTATION_EFFECTS).sort()).toEqual([...MUTATIONS].sort());
  });

  for (const mutation of MUTATIONS) {
    it(`${mutation}: caught by model agreement`, async () => {
      const report = await expectCaught(mutation, ocFirst(mutation, MODEL_PROPERTIES));
      expect(report).toContain('seed:');
    });

    it(`${mutation}: caught by an invariant alone, without the model`, async () => {
      const report = await expectCaught(mutation, ocFirst(mutation, INVARIANT_PROPERTIES));
      expect(report).toContain('path:');
    });
  }

  it('notices a fault that is not wired in', async () => {
    const { openSession } = await import('./harness/session.ts');
    const session = await openSession();
    try {
      // a clean platform: no part carries the fault, so every store (or throttle) is reported
      expect(notWiredParts(session.running.platform, 'cancel-takes-sent')).toHaveLength(3);
      expect(notWiredParts(session.running.platform, 'throttle-off-by-one')).toHaveLength(3);
      expect(notWiredParts(session.running.platform, 'pendding-spelled-correctly')).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

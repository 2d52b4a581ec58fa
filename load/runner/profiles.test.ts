// load/profiles.json: it parses, every scenario has the smoke profile npm test runs, and the paced smoke runs compress 10 platform minutes into under 30 s.
import { describe, expect, it } from 'vitest';
import { profileOf, readProfiles } from './profiles.ts';
import { SCENARIOS } from './run-file.ts';

describe('load profiles', () => {
  const profiles = readProfiles();

  it('parse against their schema', () => {
    expect(profiles.ok ? 'ok' : profiles.problem).toBe('ok');
  });

  it.each(SCENARIOS)('%s has a smoke and a full profile', (scenario) => {
    if (!profiles.ok) throw new Error('profiles do not parse');
    expect(profileOf(profiles.value, scenario, 'smoke').ok).toBe(true);
    expect(profileOf(profiles.value, scenario, 'full').ok).toBe(true);
    expect(profileOf(profiles.value, scenario, 'nope').ok).toBe(false);
  });

  it.each(['at-limit', 'over-limit'] as const)(
    '%s smoke covers at least 10 platform minutes in under 30 s of wall',
    (scenario) => {
      if (!profiles.ok) throw new Error('profiles do not parse');
      const p = profileOf(profiles.value, scenario, 'smoke');
      if (!p.ok) throw new Error('no smoke profile');
      const platformMs = p.value.windows * p.value.windowMs;
      expect(platformMs).toBeGreaterThanOrEqual(10 * 60_000);
      expect(platformMs / p.value.timeScale).toBeLessThan(30_000);
    },
  );
});

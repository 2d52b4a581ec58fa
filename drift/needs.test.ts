// Every pinned interaction of every vendor says what it needs of a drift target, and every step it names exists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Need } from '../contracts/common/drift.ts';
import { committedPactPath } from '../contracts/common/pact.ts';
import { vendorIds, vendorOf } from '../vendors/index.ts';
import { readPactFile } from './pact-file.ts';

describe.each(vendorIds())('%s drift needs', (vendor) => {
  const pact = readPactFile(committedPactPath(vendorOf(vendor).pactProvider));
  const descriptions = pact.interactions.map((i) => i.description).sort();
  const { coverage, drift } = vendorOf(vendor);
  const { needs, facts } = drift;
  const endpoints = new Map(coverage.map((r) => [r.interaction, r.endpoint]));

  it('name exactly the pinned interactions, each with its documented endpoint', () => {
    expect(Object.keys(needs).sort()).toEqual(descriptions);
    for (const d of descriptions) expect(endpoints.get(d), d).toMatch(/^(GET|POST|PUT) \//);
  });

  it("are named in the README's table of free-form fields", () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const { name } = vendorOf(vendor);
    const row = readme.split('\n').find((l) => l.startsWith(`| ${name} `));
    const listed = [...(row?.split('|')[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual(facts.freeForm.map((f) => f.field));
  });

  it('parse, and every setup or cleanup step replays a pinned interaction', () => {
    for (const [description, need] of Object.entries(needs)) {
      const parsed = Need.parse(need);
      const steps =
        parsed.kind === 'state' ? [] : [...(parsed.kind === 'made' ? parsed.setup : []), ...parsed.cleanup];
      for (const s of steps) expect(descriptions, `${description}: ${s.replay}`).toContain(s.replay);
      if (parsed.kind !== 'state' && parsed.cleanup.length > 0)
        expect(parsed.capture, description).toBeDefined();
    }
  });
});

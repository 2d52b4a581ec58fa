// The k6 scripts' vendor list (load/scripts/lib/vendors.ts, which k6 loads without Node) names exactly the registry's load vendors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVendors, primaryVendor } from './load-vendors.ts';

const K6_REGISTRY = path.join(import.meta.dirname, '..', 'scripts', 'lib', 'vendors.ts');

describe('the k6 vendor list', () => {
  it('has one entry per load vendor of the registry, each its calls.ts K6_CALLS', () => {
    const text = readFileSync(K6_REGISTRY, 'utf8');
    const block = /K6_VENDORS[^=]*=\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
    const entries = [...block.matchAll(/^\s*(\w+): (\w+)\.K6_CALLS,$/gm)].map((m) => [m[1], m[2]]);
    expect(entries.map(([id]) => id).sort()).toEqual(
      loadVendors()
        .map((v) => v.id)
        .sort(),
    );
    for (const [id, module] of entries) {
      expect(module).toBe(id);
      expect(text).toContain(`import * as ${id} from '../${id}/calls.ts';`);
    }
  });

  it('knows a primary vendor, whose throttle the load figures measure', () => {
    expect(loadVendors().filter((v) => v.load.primary)).toEqual([primaryVendor()]);
  });
});

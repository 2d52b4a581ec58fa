// Vendors stay plug-ins: outside their own folders and the registry, no module names a vendor (two documented exceptions), and no plug-in imports the registry.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENDORS } from './index.ts';
import { isVendorOwned, modulesNamingVendors, vendorNamings } from './names.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const IDS = VENDORS.map((v) => v.id);

/** The only modules outside the vendors' folders and the registry allowed to name vendors, and why. */
const EXCEPTIONS: Record<string, string> = {
  'load/scripts/lib/vendors.ts':
    'the k6 side of the registry: k6 cannot load vendors/ (Node modules), so it lists the k6 calls of each load vendor',
  'bench/simulator/run.ts':
    'the simulator benchmark measures one vendor endpoint (IoTDA show) against static stubs of the same answer',
};

describe('vendor names', () => {
  it('are found as string literals, imports from vendor folders and identifiers, not in prose or comments', () => {
    const code = [
      "import { x } from '../clients/enos/client.ts';",
      "const v = 'iotda';",
      'const c = new OceanConnectClient();',
      "// enos in a comment; 'oceanconnect' in a comment",
      "const words = 'EnOS answers 11905 with HTTP 200';",
    ].join('\n');
    expect(vendorNamings(code, IDS).sort()).toEqual(
      ['identifier OceanConnectClient', 'import ../clients/enos/client.ts', "literal 'iotda'"].sort(),
    );
    expect(isVendorOwned('property-tests/enos/create.ts', IDS)).toBe(true);
    expect(isVendorOwned('property-tests/commands/support.ts', IDS)).toBe(false);
    expect(isVendorOwned('vendors/index.ts', IDS)).toBe(true);
  });

  it('appear in no non-test module outside the vendors’ folders and the registry but the documented exceptions', () => {
    const found = modulesNamingVendors(ROOT, IDS);
    expect(Object.keys(found).sort()).toEqual(Object.keys(EXCEPTIONS).sort());
    expect(Object.keys(EXCEPTIONS).length).toBeLessThanOrEqual(2);
  });

  it('the documented exceptions exist and say why', () => {
    for (const [file, why] of Object.entries(EXCEPTIONS)) {
      expect(readFileSync(path.join(ROOT, file), 'utf8').length).toBeGreaterThan(0);
      expect(why.length).toBeGreaterThan(20);
    }
  });
});

describe('the registry', () => {
  // A plug-in module that imports the registry (directly or through a shared module) makes a cycle: loading that
  // vendor's descriptor first then fails with "Cannot access ... before initialization". Each in its own process.
  it.each(IDS)('loads with vendors/%s.ts as the first module of a process', (id) => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `import('./vendors/${id}.ts').then(() => import('./vendors/index.ts')).then((m) => console.log(m.VENDORS.length))`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(String(VENDORS.length));
  });
});

// The committed WireMock mapping files of each vendor: generated from its replay cases and fixtures, checked for drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vendor } from '../../contracts/common/problem.ts';
import { defaultMappings, faultMappings, markerMappings } from './build-mappings.ts';
import type { ReplayCase } from './replay-case.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const fixturesDirOf = (vendor: Vendor): string => path.join(ROOT, 'contracts', vendor, 'fixtures');
export const mappingsDirOf = (vendor: Vendor): string => path.join(ROOT, 'simulators', vendor, 'mappings');
/** Mappings registered in both modes (marker-selected answers, faults) and in replay mode only (defaults). */
export const MARKER_FILE = 'cases.json';
export const DEFAULTS_FILE = 'replay-defaults.json';
export const FAULTS_PATH = path.join(ROOT, 'simulators', 'replay', 'mappings', 'faults.json');

type MappingFile = { path: string; content: string };

const render = (mappings: unknown[]): string => `${JSON.stringify({ mappings }, null, 2)}\n`;

export const expectedFiles = (vendor: Vendor, cases: readonly ReplayCase[]): MappingFile[] => [
  {
    path: path.join(mappingsDirOf(vendor), MARKER_FILE),
    content: render(markerMappings(vendor, cases, fixturesDirOf(vendor))),
  },
  {
    path: path.join(mappingsDirOf(vendor), DEFAULTS_FILE),
    content: render(defaultMappings(vendor, cases, fixturesDirOf(vendor))),
  },
];

export const expectedFaultsFile = (): MappingFile => ({
  path: FAULTS_PATH,
  content: render(faultMappings()),
});

/** Files whose committed content differs from what the cases generate; with `write`, rewrites them instead. */
export const syncMappingFiles = (files: MappingFile[], write: boolean): string[] => {
  const stale: string[] = [];
  for (const f of files) {
    const current = existsSync(f.path) ? readFileSync(f.path, 'utf8') : undefined;
    if (current === f.content) continue;
    if (write) {
      mkdirSync(path.dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.content);
    } else stale.push(path.relative(ROOT, f.path));
  }
  return stale;
};

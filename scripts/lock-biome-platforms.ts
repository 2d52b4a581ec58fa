// Restores the lock-file entries of Biome's other-platform binaries, which npm drops when its registry lacks them, so `npm ci` accepts the lock.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');

type Entry = Record<string, unknown>;
const PLATFORMS: Record<string, { os: string[]; cpu: string[]; libc?: string[] }> = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'android-x64': { os: ['android'], cpu: ['x64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64': { os: ['win32'], cpu: ['x64'] },
};

const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, Entry> };
const biome = lock.packages['node_modules/@biomejs/biome'];
if (!biome) throw new Error('no @biomejs/biome in the lock file');
const wanted = Object.keys((biome.optionalDependencies as Record<string, string>) ?? {});
let added = 0;
for (const name of wanted) {
  const key = `node_modules/${name}`;
  const platform = PLATFORMS[name.replace('@biomejs/cli-', '')];
  if (lock.packages[key] || !platform) continue;
  lock.packages[key] = {
    version: biome.version,
    dev: true,
    optional: true,
    license: 'MIT OR Apache-2.0',
    ...platform,
  };
  added += 1;
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(LOCK, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
process.stdout.write(`lock file: ${added} Biome platform entries restored\n`);

// For the install test (.ci/install-test.sh): a scratch project that depends on the packed harness, with the lock file `npm install <tarball>` would write, so `npm ci --offline` installs it from npm's cache alone.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type LockEntry = Record<string, unknown> & { dev?: boolean };
type Lock = { packages: Record<string, LockEntry> };
type Manifest = {
  name: string;
  version: string;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * npm resolves a tarball's dependencies from the registry's package documents, which `npm ci` never caches, so an
 * offline `npm install <tarball>` fails. The harness's own lock already names every runtime package with its integrity:
 * hoisted under the scratch project's root it is exactly the tree npm would build for a project with no other
 * dependencies, and each tarball is in the cache from the checkout's own `npm ci`.
 */
export const consumerLock = (
  lock: Lock,
  manifest: Manifest,
  tarball: { file: string; integrity: string },
): { packageJson: object; lock: object } => {
  const spec = `file:${tarball.file}`;
  const root = { name: 'harness-install-test', version: '1.0.0', dependencies: { [manifest.name]: spec } };
  const packages: Record<string, LockEntry> = {
    '': root,
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: spec,
      integrity: tarball.integrity,
      ...(manifest.license ? { license: manifest.license } : {}),
      ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
      ...(manifest.bin ? { bin: manifest.bin } : {}),
      ...(manifest.engines ? { engines: manifest.engines } : {}),
    },
  };
  for (const [where, entry] of Object.entries(lock.packages))
    if (where !== '' && !entry.dev) packages[where] = entry;
  return {
    packageJson: { ...root, private: true },
    lock: { name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages },
  };
};

// node scripts/consumer-lock.ts <npm pack --json output> <project folder>
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [packJson, project] = process.argv.slice(2);
  if (!packJson || !project) {
    process.stderr.write('usage: node scripts/consumer-lock.ts <pack.json> <project folder>\n');
    process.exit(2);
  }
  const [packed] = JSON.parse(readFileSync(packJson, 'utf8')) as { filename: string; integrity: string }[];
  if (!packed) throw new Error(`${packJson}: no packed file`);
  const tarball = path.join(path.dirname(path.resolve(packJson)), packed.filename);
  const made = consumerLock(
    JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock,
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest,
    { file: path.relative(project, tarball), integrity: packed.integrity },
  );
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(made.packageJson, null, 2)}\n`);
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify(made.lock, null, 2)}\n`);
}

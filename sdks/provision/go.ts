// Go SDK driver binaries: each `sdks/<vendor>/go` module (its go.mod and go.sum pin the SDK) built with Go's module cache, kept in the cache by the hash of its sources.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  keyOf,
  type ProvisionFailure,
  publish,
  runStreaming,
  SDKS_DIR,
  sdkCacheDir,
  versionOf,
} from './cache.ts';

/** Every Go driver module of sdks/: a `go` folder with a go.mod beside a vendor's suite. */
export const goDriverDirs = (): string[] =>
  readdirSync(SDKS_DIR)
    .map((name) => path.join(SDKS_DIR, name, 'go'))
    .filter((dir) => existsSync(path.join(dir, 'go.mod')) && statSync(dir).isDirectory());

/** The version a driver's go.mod requires of a module (its one home). */
export const goModuleVersion = (dir: string, module: string): string => {
  const m = new RegExp(`^\\s*(?:require )?${module.replaceAll('.', '\\.')} (v\\S+)`, 'm').exec(
    readFileSync(path.join(dir, 'go.mod'), 'utf8'),
  );
  if (!m?.[1]) throw new Error(`${path.join(dir, 'go.mod')} does not require ${module}`);
  return m[1];
};

/** The binary's name, from the module's folder: `sdks/<name>/go` builds `<name>-go-driver`. */
const binaryName = (dir: string): string =>
  `${path.basename(path.dirname(dir))}-${path.basename(dir)}-driver`;

export type GoDriver = {
  ok: true;
  binary: string;
  built: boolean;
  seconds: number;
  modulesDownloaded: number;
};

/** go.mod, go.sum and every .go file of the driver: what the binary is built from. */
const sources = (dir: string): Buffer[] =>
  readdirSync(dir)
    .filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go'))
    .sort()
    .flatMap((f) => [Buffer.from(f), readFileSync(path.join(dir, f))]);

/**
 * The driver binary: reused when the cache has one built from the same sources with the same Go, otherwise built with
 * `go build` (modules from GOPROXY into Go's own module cache, go.sum checked, go.mod never rewritten, no toolchain
 * download) and published atomically.
 */
export const ensureGoDriver = async (
  moduleDir: string,
  opts: { env?: NodeJS.ProcessEnv; onProgress?: (line: string) => void } = {},
): Promise<GoDriver | ProvisionFailure> => {
  const env = opts.env ?? process.env;
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const go = versionOf('go', ['version'], env);
  if (!go)
    return {
      ok: false,
      missing: true,
      message: 'Go is not installed (no `go` on the PATH): the Go SDK cannot run',
    };
  const cacheDir = path.join(
    sdkCacheDir(env),
    'go',
    keyOf(...sources(moduleDir), go, process.platform, process.arch),
  );
  const binary = path.join(cacheDir, binaryName(moduleDir));
  if (existsSync(binary)) return { ok: true, binary, built: false, seconds: seconds(), modulesDownloaded: 0 };

  mkdirSync(cacheDir, { recursive: true });
  const work = `${binary}.tmp-${process.pid}-${Date.now()}`;
  opts.onProgress?.(`building ${path.relative(SDKS_DIR, moduleDir)} with ${go} into ${cacheDir}`);
  let modules = 0;
  const r = await runStreaming('go', ['build', '-o', work, '.'], {
    cwd: moduleDir,
    env: { ...env, GOFLAGS: '-mod=readonly -buildvcs=false', GOTOOLCHAIN: 'local' },
    timeoutMs: 900_000,
    onLine: (line) => {
      if (line.startsWith('go: downloading')) modules += 1;
      opts.onProgress?.(`  ${line}`);
    },
  });
  if (r.code !== 0 || !existsSync(work))
    return {
      ok: false,
      missing: false,
      message: `go build in ${moduleDir} failed (exit ${r.code}):${r.tail}`,
    };
  publish(work, binary);
  opts.onProgress?.(
    `${binaryName(moduleDir)} built in ${seconds().toFixed(1)} s (${modules} modules downloaded)`,
  );
  return { ok: true, binary, built: true, seconds: seconds(), modulesDownloaded: modules };
};

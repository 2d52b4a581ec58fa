// The Go IoTDA SDK driver binary: built from sdks/iotda/go (go.mod and go.sum pin the SDK) with Go's module cache, kept in the cache by the hash of its sources.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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

export const GO_DRIVER_DIR = path.join(SDKS_DIR, 'iotda', 'go');
export const GO_SDK_MODULE = 'github.com/huaweicloud/huaweicloud-sdk-go-v3';

/** The SDK version go.mod pins (its one home). */
export const goSdkVersion = (): string => {
  const m = new RegExp(`^require ${GO_SDK_MODULE.replaceAll('.', '\\.')} (v\\S+)$`, 'm').exec(
    readFileSync(path.join(GO_DRIVER_DIR, 'go.mod'), 'utf8'),
  );
  if (!m?.[1]) throw new Error(`sdks/iotda/go/go.mod does not require ${GO_SDK_MODULE}`);
  return m[1];
};
const BINARY = 'iotda-sdk-driver';

export type GoDriver = {
  ok: true;
  binary: string;
  built: boolean;
  seconds: number;
  modulesDownloaded: number;
};

/** go.mod, go.sum and every .go file of the driver: what the binary is built from. */
const sources = (): Buffer[] =>
  readdirSync(GO_DRIVER_DIR)
    .filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go'))
    .sort()
    .flatMap((f) => [Buffer.from(f), readFileSync(path.join(GO_DRIVER_DIR, f))]);

/**
 * The driver binary: reused when the cache has one built from the same sources with the same Go, otherwise built with
 * `go build` (modules from GOPROXY into Go's own module cache, go.sum checked, go.mod never rewritten, no toolchain
 * download) and published atomically.
 */
export const ensureGoDriver = async (
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
  const dir = path.join(sdkCacheDir(env), 'go', keyOf(...sources(), go, process.platform, process.arch));
  const binary = path.join(dir, BINARY);
  if (existsSync(binary)) return { ok: true, binary, built: false, seconds: seconds(), modulesDownloaded: 0 };

  mkdirSync(dir, { recursive: true });
  const work = `${binary}.tmp-${process.pid}-${Date.now()}`;
  opts.onProgress?.(`building the Go IoTDA SDK driver with ${go} into ${dir}`);
  let modules = 0;
  const r = await runStreaming('go', ['build', '-o', work, '.'], {
    cwd: GO_DRIVER_DIR,
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
      message: `go build in ${GO_DRIVER_DIR} failed (exit ${r.code}):${r.tail}`,
    };
  publish(work, binary);
  opts.onProgress?.(`Go driver built in ${seconds().toFixed(1)} s (${modules} modules downloaded)`);
  return { ok: true, binary, built: true, seconds: seconds(), modulesDownloaded: modules };
};

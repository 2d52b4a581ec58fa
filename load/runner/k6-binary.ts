// Finds a k6 binary: K6_BIN, then k6 on the PATH, then a cached Go build, then a container; otherwise says how to get one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { adopt } from '../../runtime/children.ts';

/** The k6 module built with Go. The v2 module path named in older notes is not on the Go module proxy; v1.8.1 is. */
export const K6_GO_MODULE = 'go.k6.io/k6';
export const K6_VERSION = 'v1.8.1';
export const K6_IMAGE = 'grafana/k6:1.8.1';

/**
 * The Go build is cached outside the clone (XDG cache folder), so a fresh clone on the same machine, as CI makes,
 * finds the k6 built by an earlier run; K6_CACHE_DIR overrides it.
 */
export const k6CacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.K6_CACHE_DIR ??
  path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'iot-command-harness', 'k6', K6_VERSION);

export type K6Binary =
  | { kind: 'env' | 'path' | 'cache'; command: string; prefixArgs: string[] }
  | { kind: 'container'; command: 'docker'; prefixArgs: string[] };

export type K6Lookup = { ok: true; k6: K6Binary } | { ok: false; message: string };

export type K6LookupOptions = {
  env?: NodeJS.ProcessEnv;
  /** Build with Go into the cache when nothing else is found (default true). */
  build?: boolean;
  /** Receives each line of build progress. */
  onProgress?: (line: string) => void;
  cacheDir?: string;
};

const runsVersion = (command: string, prefixArgs: string[] = []): boolean => {
  const r = spawnSync(command, [...prefixArgs, 'version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && /k6 v\d/.test(r.stdout);
};

const onPath = (name: string, env: NodeJS.ProcessEnv): string | undefined => {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
};

/** Builds k6 with `go install` into the cache folder, streaming Go's progress lines. */
export const buildK6WithGo = (
  cacheDir: string,
  onProgress: (line: string) => void = () => {},
): Promise<{ ok: true; command: string } | { ok: false; message: string }> =>
  new Promise((resolve) => {
    const go = spawnSync('go', ['version'], { encoding: 'utf8' });
    if (go.status !== 0) {
      resolve({ ok: false, message: 'Go is not installed, so k6 cannot be built' });
      return;
    }
    mkdirSync(cacheDir, { recursive: true });
    onProgress(`building k6 ${K6_VERSION} with ${go.stdout.trim()} into ${cacheDir} (a few minutes, once)`);
    const child = spawn('go', ['install', `${K6_GO_MODULE}@${K6_VERSION}`], {
      env: { ...process.env, GOBIN: cacheDir, GOFLAGS: '-buildvcs=false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    adopt(child, { group: false });
    let modules = 0;
    let tail = '';
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail = `${tail}\n${line}`.slice(-4000);
        if (line.startsWith('go: downloading')) {
          modules += 1;
          if (modules % 10 === 1) onProgress(`  ${modules} modules downloaded (${line.slice(16)})`);
        } else onProgress(`  ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      const command = path.join(cacheDir, 'k6');
      if (code === 0 && existsSync(command)) {
        onProgress(`k6 built (${modules} modules downloaded)`);
        resolve({ ok: true, command });
      } else
        resolve({
          ok: false,
          message: `go install ${K6_GO_MODULE}@${K6_VERSION} failed (exit ${code}):${tail}`,
        });
    });
  });

const dockerEngineAnswers = (): boolean => {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return r.status === 0 && r.stdout.trim().length > 0;
};

export const HOW_TO_GET_K6 = [
  'k6 was not found. Any one of these works:',
  '  - set K6_BIN to a k6 binary (v1.0 or newer: it runs .ts scripts natively);',
  '  - put k6 on the PATH (https://grafana.com/docs/k6/latest/set-up/install-k6/);',
  `  - install Go >= 1.24 and let the harness build it: go install ${K6_GO_MODULE}@${K6_VERSION};`,
  `  - run a Docker engine, so the harness can use the ${K6_IMAGE} image.`,
].join('\n');

/** Resolves k6 in the documented order. */
export const findK6 = async (opts: K6LookupOptions = {}): Promise<K6Lookup> => {
  const env = opts.env ?? process.env;
  if (env.K6_BIN) {
    if (runsVersion(env.K6_BIN))
      return { ok: true, k6: { kind: 'env', command: env.K6_BIN, prefixArgs: [] } };
    return { ok: false, message: `K6_BIN=${env.K6_BIN} does not run 'k6 version'` };
  }
  const fromPath = onPath('k6', env);
  if (fromPath && runsVersion(fromPath))
    return { ok: true, k6: { kind: 'path', command: fromPath, prefixArgs: [] } };
  const cacheDir = opts.cacheDir ?? k6CacheDir(env);
  const cached = path.join(cacheDir, 'k6');
  if (existsSync(cached) && runsVersion(cached))
    return { ok: true, k6: { kind: 'cache', command: cached, prefixArgs: [] } };
  let buildMessage = '';
  if (opts.build !== false) {
    const built = await buildK6WithGo(cacheDir, opts.onProgress);
    if (built.ok) return { ok: true, k6: { kind: 'cache', command: built.command, prefixArgs: [] } };
    buildMessage = built.message;
  }
  if (dockerEngineAnswers()) {
    return {
      ok: true,
      k6: {
        kind: 'container',
        command: 'docker',
        prefixArgs: ['run', '--rm', '-i', '--network', 'host', K6_IMAGE],
      },
    };
  }
  return { ok: false, message: `${buildMessage ? `${buildMessage}\n` : ''}${HOW_TO_GET_K6}` };
};

/**
 * The command line that runs `k6 <args>` with the binary found. A container also gets `mounts` (folders it must read
 * or write: the scripts, the run file, the summary) mounted at the same paths, so the arguments need no rewriting.
 */
export const k6Invocation = (
  k6: K6Binary,
  args: string[],
  mounts: string[] = [],
): { command: string; args: string[] } => {
  if (k6.kind !== 'container') return { command: k6.command, args: [...k6.prefixArgs, ...args] };
  const image = k6.prefixArgs.at(-1) ?? K6_IMAGE;
  return {
    command: k6.command,
    args: [...k6.prefixArgs.slice(0, -1), ...mounts.flatMap((m) => ['-v', `${m}:${m}`]), image, ...args],
  };
};

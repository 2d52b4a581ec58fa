// Where the vendor SDK installs live (a cache outside the clone, one entry per pinned input), and the small process helpers provisioning shares.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `sdks/` folder of this checkout. */
export const SDKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The cache folder: SDK_CACHE_DIR, else `${XDG_CACHE_HOME:-~/.cache}/iot-command-harness/sdks`, outside the clone so
 * a fresh clone on the same machine (as CI makes) finds what an earlier run installed.
 */
export const sdkCacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.SDK_CACHE_DIR ??
  path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'iot-command-harness', 'sdks');

/** 16 hex digits of the SHA-256 of the inputs: the name of one cache entry. */
export const keyOf = (...inputs: (string | Buffer)[]): string => {
  const h = createHash('sha256');
  for (const input of inputs) h.update(input).update('\0');
  return h.digest('hex').slice(0, 16);
};

/** A tool's answer to `<command> <args>` (e.g. `go version`), or undefined when it does not run. */
export const versionOf = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): string | undefined => {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000, env });
  return r.status === 0 ? `${r.stdout}${r.stderr}`.trim() : undefined;
};

/** Why a provisioning step did not give a usable tool; `missing` is the one case a test may skip on (outside CI). */
export type ProvisionFailure = { ok: false; missing: boolean; message: string };

/** Runs a command to completion, streaming its output lines to `onLine`; resolves with the exit code and the tail. */
export const runStreaming = (
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void; timeoutMs: number },
): Promise<{ code: number | null; tail: string }> =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail = `${tail}\n${line}`.slice(-4000);
        opts.onLine?.(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, tail });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, tail: `${tail}\n${err.message}` });
    });
  });

/**
 * Moves a finished build into its cache place. Another process may have finished the same entry first (tests run in
 * parallel): then its copy is kept and ours removed. Either way the entry is complete when this returns.
 */
export const publish = (built: string, final: string): void => {
  try {
    renameSync(built, final);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    rmSync(built, { recursive: true, force: true });
  }
};

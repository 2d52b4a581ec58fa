// The Python venv holding the vendors' pinned Python clients: found in the cache by the hash of requirements.txt and the interpreter, or built there.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

export const REQUIREMENTS = path.join(SDKS_DIR, 'requirements.txt');

/** The version requirements.txt pins for a package (its one home), e.g. `pinnedVersion('enos-poseidon')`. */
export const pinnedVersion = (pkg: string): string => {
  const m = new RegExp(`^${pkg.replaceAll('.', '\\.')}==(\\S+)$`, 'm').exec(
    readFileSync(REQUIREMENTS, 'utf8'),
  );
  if (!m?.[1]) throw new Error(`sdks/requirements.txt does not pin ${pkg}`);
  return m[1];
};

export type PythonVenv = { ok: true; python: string; dir: string; built: boolean; seconds: number };

/** The interpreter that builds the venv: HARNESS_PYTHON, else python3, else python (3.8 or newer). */
export const findPython = (
  env: NodeJS.ProcessEnv = process.env,
): { command: string; version: string } | undefined => {
  for (const command of [env.HARNESS_PYTHON, 'python3', 'python']) {
    if (!command) continue;
    const version = versionOf(command, ['--version'], env);
    const m = version ? /Python (\d+)\.(\d+)/.exec(version) : null;
    if (m && (Number(m[1]) > 3 || (Number(m[1]) === 3 && Number(m[2]) >= 8)))
      return { command, version: version! };
  }
  return undefined;
};

const venvPython = (dir: string): string => path.join(dir, 'bin', 'python');

/**
 * The venv for requirements.txt: reused when the cache has one for the same file and interpreter, otherwise made
 * with `python -m venv` and `pip install -r` (from the registry pip is configured for) and then published atomically.
 */
export const ensureVenv = async (
  opts: { env?: NodeJS.ProcessEnv; onProgress?: (line: string) => void } = {},
): Promise<PythonVenv | ProvisionFailure> => {
  const env = opts.env ?? process.env;
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const python = findPython(env);
  if (!python)
    return {
      ok: false,
      missing: true,
      message: 'no Python 3.8+ found (HARNESS_PYTHON, python3, python): the vendor Python SDKs cannot run',
    };
  const requirements = readFileSync(REQUIREMENTS);
  const dir = path.join(
    sdkCacheDir(env),
    'python',
    keyOf(requirements, python.version, process.platform, process.arch),
  );
  if (existsSync(venvPython(dir)) && versionOf(venvPython(dir), ['--version']))
    return { ok: true, python: venvPython(dir), dir, built: false, seconds: seconds() };

  const work = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(path.dirname(dir), { recursive: true });
  opts.onProgress?.(
    `creating a ${python.version} venv for ${path.relative(process.cwd(), REQUIREMENTS)} in ${dir}`,
  );
  const steps: [string, string[]][] = [
    [python.command, ['-m', 'venv', work]],
    [
      venvPython(work),
      ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '-r', REQUIREMENTS],
    ],
  ];
  for (const [command, args] of steps) {
    const r = await runStreaming(command, args, {
      env,
      timeoutMs: 600_000,
      onLine: (line) => {
        if (/^(Collecting|Successfully installed)/.test(line)) opts.onProgress?.(`  ${line}`);
      },
    });
    if (r.code !== 0) {
      rmSync(work, { recursive: true, force: true });
      return {
        ok: false,
        missing: false,
        message: `${[command, ...args].join(' ')} failed (exit ${r.code}):${r.tail}`,
      };
    }
  }
  writeFileSync(path.join(work, 'requirements.txt'), requirements);
  publish(work, dir);
  opts.onProgress?.(`venv ready in ${seconds().toFixed(1)} s`);
  return { ok: true, python: venvPython(dir), dir, built: true, seconds: seconds() };
};

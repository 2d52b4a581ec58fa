// Where a run's reports and work files go: `--out`, else HARNESS_OUT, else reports/out under the working directory; never inside node_modules.
import path from 'node:path';

export const OUT_ENV = 'HARNESS_OUT';
export const DEFAULT_OUT = path.join('reports', 'out');

export type OutDir = { ok: true; dir: string } | { ok: false; message: string };

/** Resolved once, at the entry point, against the directory the user runs the harness from. */
export const resolveOutDir = (
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): OutDir => {
  const dir = path.resolve(cwd, flag ?? env[OUT_ENV] ?? DEFAULT_OUT);
  if (dir.split(path.sep).includes('node_modules'))
    return {
      ok: false,
      message: `the output folder ${dir} is inside node_modules: run the harness from your project's folder, or give --out <dir>`,
    };
  return { ok: true, dir };
};

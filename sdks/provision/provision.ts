// Entry point of .ci/sdks.sh: installs the vendor SDKs the suite runs (the Python venv, every Go driver of sdks/) into the cache, with progress and timings.
import path from 'node:path';
import { SDKS_DIR } from './cache.ts';
import { ensureGoDriver, goDriverDirs } from './go.ts';
import { ensureVenv } from './python.ts';

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const venv = await ensureVenv({ onProgress: say });
say(
  venv.ok
    ? `python SDKs: ${venv.built ? 'installed' : 'found'} in ${venv.seconds.toFixed(1)} s (${venv.python})`
    : `python SDKs: ${venv.message}`,
);
let goOk = true;
for (const dir of goDriverDirs()) {
  const go = await ensureGoDriver(dir, { onProgress: say });
  const name = path.relative(SDKS_DIR, dir);
  say(
    go.ok
      ? `Go driver ${name}: ${go.built ? `built (${go.modulesDownloaded} modules downloaded)` : 'found'} in ${go.seconds.toFixed(1)} s (${go.binary})`
      : `Go driver ${name}: ${go.message}`,
  );
  goOk &&= go.ok;
}
// CI must have all: a test that cannot run its vendor client fails there rather than skipping.
process.exit(venv.ok && goOk ? 0 : 1);

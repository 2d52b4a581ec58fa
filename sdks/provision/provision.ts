// Entry point of .ci/sdks.sh: installs the vendor SDKs the suite runs (the Python venv, the Go driver) into the cache, with progress and timings.
import { ensureGoDriver } from './go.ts';
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
const go = await ensureGoDriver({ onProgress: say });
say(
  go.ok
    ? `Go SDK driver: ${go.built ? `built (${go.modulesDownloaded} modules downloaded)` : 'found'} in ${go.seconds.toFixed(1)} s (${go.binary})`
    : `Go SDK driver: ${go.message}`,
);
// CI must have both: a test that cannot run its vendor client fails there rather than skipping.
process.exit(venv.ok && go.ok ? 0 : 1);

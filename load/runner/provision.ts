// Entry point of .ci/k6.sh: finds k6 in the documented order, building it with Go into the cache when missing, and prints where it is.
import { spawnSync } from 'node:child_process';
import { findK6, k6Invocation } from './k6-binary.ts';

const found = await findK6({ onProgress: (line) => process.stderr.write(`${line}\n`) });
if (!found.ok) {
  process.stderr.write(`${found.message}\n`);
  process.exit(1);
}
const inv = k6Invocation(found.k6, ['version']);
const version = spawnSync(inv.command, inv.args, { encoding: 'utf8', timeout: 60_000 });
process.stderr.write(`k6 (${found.k6.kind}): ${version.stdout.trim() || version.stderr.trim()}\n`);
// One line on stdout: the command, so a caller can `K6_BIN=$(.ci/k6.sh)` when it is a binary.
process.stdout.write(`${[found.k6.command, ...found.k6.prefixArgs].join(' ')}\n`);

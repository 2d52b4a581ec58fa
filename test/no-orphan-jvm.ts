// Vitest global setup: after the whole run, fails it if a WireMock JVM started by this run is still alive.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/** Every process this run starts inherits this variable, so its JVMs can be told from anyone else's. */
const RUN_TAG = 'HARNESS_TEST_RUN';

const startedByThisRun = (pid: string, tag: string): boolean => {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${RUN_TAG}=${tag}`);
  } catch {
    return false;
  }
};

const wiremockJvms = (tag: string): Map<number, string> => {
  const found = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes('java') && cmd.includes('wiremock-standalone') && startedByThisRun(name, tag))
        found.set(Number(name), cmd);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
};

export default function setup(): () => Promise<void> {
  const tag = randomUUID();
  process.env[RUN_TAG] = tag;
  return async () => {
    // Give stop() calls of the last files a moment to be reaped.
    let left: [number, string][] = [];
    for (let i = 0; i < 50; i++) {
      left = [...wiremockJvms(tag)];
      if (left.length === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const [pid] of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    throw new Error(
      `WireMock JVMs left running after the tests (now killed): ${left.map(([pid, cmd]) => `${pid}: ${cmd}`).join('; ')}`,
    );
  };
}

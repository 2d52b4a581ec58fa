// Finding running processes through /proc, so tests can prove that no WireMock JVM outlived its handle.
import { readdirSync, readFileSync } from 'node:fs';

/** True while `pid` exists and is not a zombie (a zombie has exited; only its parent has not reaped it yet). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state is the first field after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
};

/** Pids of live processes whose command line has every one of `args` as a whole argument (Linux only). */
export const pidsWithArgs = (...args: string[]): number[] => {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.every((a) => argv.includes(a)) && isAlive(Number(entry))) found.push(Number(entry));
  }
  return found;
};

/** Polls until `pid` is gone or `timeoutMs` passes; resolves to whether it is gone. Never throws. */
export const waitUntilGone = async (pid: number, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
};

// The register of the JVMs this Node process started, and the clean-up that leaves none behind on exit or signal.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

type Tracked = { child: ChildProcess; rootDir: string; watchdog: ChildProcess | undefined };

const tracked = new Set<Tracked>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let exitHookInstalled = false;
let signalHooksInstalled = false;

const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/** Signals every tracked JVM (SIGTERM unless told) and removes their temporary root folders; synchronous, so it runs on 'exit'. */
export const terminateAllNow = (signal: NodeJS.Signals = 'SIGTERM'): void => {
  for (const t of tracked) {
    if (isRunning(t.child)) t.child.kill(signal);
    rmSync(t.rootDir, { recursive: true, force: true });
  }
};

const onSignal = (signal: NodeJS.Signals): void => {
  terminateAllNow();
  uninstallSignalHooks();
  // Re-raise only when nobody else listens, so the default behaviour (exit with this signal) still happens.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};

const installHooks = (): void => {
  if (!exitHookInstalled) {
    process.on('exit', () => terminateAllNow());
    exitHookInstalled = true;
  }
  if (!signalHooksInstalled) {
    for (const s of SIGNALS) process.on(s, onSignal);
    signalHooksInstalled = true;
  }
};

const uninstallSignalHooks = (): void => {
  if (!signalHooksInstalled) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  signalHooksInstalled = false;
};

/**
 * A shell that waits for its stdin to close, which happens when this Node process dies in any way (SIGKILL
 * included), then stops the JVM: SIGTERM, then SIGKILL after the grace period, and removes its root folder. Before
 * every signal it checks in /proc that the pid still runs with our root folder on its command line, so a reused
 * pid is never hit.
 */
const WATCHDOG = `
ours() { tr '\\0' '\\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$2"; }
read _ignored
if ours "$1" "$2"; then
  kill -TERM "$1" 2>/dev/null
  i=0
  while [ "$i" -lt "$3" ] && ours "$1" "$2"; do sleep 0.1; i=$((i + 1)); done
  ours "$1" "$2" && kill -KILL "$1" 2>/dev/null
  i=0
  while [ "$i" -lt 50 ] && ours "$1" "$2"; do sleep 0.1; i=$((i + 1)); done
fi
case "$2" in */wiremock-harness-*) rm -rf -- "$2" ;; esac
`;

const spawnWatchdog = (pid: number, rootDir: string, graceMs: number): ChildProcess | undefined => {
  if (process.platform !== 'linux') return undefined;
  try {
    const dog = spawn(
      '/bin/sh',
      ['-c', WATCHDOG, 'wiremock-watchdog', String(pid), rootDir, String(Math.ceil(graceMs / 100))],
      {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: true,
      },
    );
    dog.on('error', () => {});
    dog.stdin?.on('error', () => {});
    dog.unref();
    // The pipe must not keep this process alive either; it only has to close when the process ends.
    (dog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    return dog;
  } catch {
    return undefined;
  }
};

/** Registers a started JVM; it leaves the register (and its watchdog ends) as soon as the JVM exits. */
export const track = (
  child: ChildProcess,
  rootDir: string,
  opts: { graceMs: number; watchdog: boolean },
): void => {
  if (child.pid === undefined || !isRunning(child)) return;
  const watchdog = opts.watchdog ? spawnWatchdog(child.pid, rootDir, opts.graceMs) : undefined;
  const entry: Tracked = { child, rootDir, watchdog };
  tracked.add(entry);
  installHooks();
  child.once('exit', () => {
    tracked.delete(entry);
    if (entry.watchdog && entry.watchdog.exitCode === null) entry.watchdog.kill('SIGKILL');
    if (tracked.size === 0) uninstallSignalHooks();
  });
};

/** How many JVMs this process has running; for tests. */
export const trackedCount = (): number => tracked.size;

// The child processes a harness run starts (k6, Go building k6, the gate's client command): told to stop with the run, never outliving it.
import type { ChildProcess } from 'node:child_process';

/** `group`: the child leads a process group of its own (spawned detached), and the whole group is signalled. */
type Adopted = { child: ChildProcess; group: boolean };

const adopted = new Set<Adopted>();
let exitHookInstalled = false;

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

const alive = (a: Adopted): boolean => {
  if (a.child.pid === undefined) return false;
  if (a.group) return groupAlive(a.child.pid);
  return a.child.exitCode === null && a.child.signalCode === null;
};

const send = (a: Adopted, signal: NodeJS.Signals): void => {
  if (a.child.pid === undefined) return;
  try {
    if (a.group) process.kill(-a.child.pid, signal);
    else a.child.kill(signal);
  } catch {
    // gone already
  }
};

/** Signals every adopted child (or its whole group) that still runs; forgets those that are gone. */
export const signalChildren = (signal: NodeJS.Signals): void => {
  for (const a of adopted) {
    if (alive(a)) send(a, signal);
    else adopted.delete(a);
  }
};

/** How many adopted children (or groups with a member left) still run. */
export const childrenLeft = (): number => {
  for (const a of adopted) if (!alive(a)) adopted.delete(a);
  return adopted.size;
};

/**
 * Registers a child so a stop request reaches it. A plain child leaves the register when it exits; a group stays
 * until its last member has gone, and whatever of it is left when this process exits gets SIGTERM.
 */
export const adopt = (child: ChildProcess, opts: { group: boolean }): void => {
  if (child.pid === undefined) return;
  const entry: Adopted = { child, group: opts.group };
  adopted.add(entry);
  if (!opts.group) child.once('exit', () => adopted.delete(entry));
  if (!exitHookInstalled) {
    process.on('exit', () => signalChildren('SIGTERM'));
    exitHookInstalled = true;
  }
};

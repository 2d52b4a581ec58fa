// The processes above this one, read once from /proc, and the check that one of them has ended (this process is then orphaned).
import { readFileSync } from 'node:fs';

/** A process as /proc/<pid>/stat shows it: its parent, and its start time (which tells a reused pid apart). */
export type ProcStat = { pid: number; ppid: number; pgrp: number; start: string };

export const procStat = (pid: number): ProcStat | undefined => {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: the fields after it start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); ppid is field 4, pgrp field 5, starttime field 22.
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return { pid, ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19] ?? '' };
};

/** Parent first, up to (without) pid 1, which never goes away; empty where /proc is not there. */
export const ancestorsOf = (pid: number = process.pid): ProcStat[] => {
  const chain: ProcStat[] = [];
  let stat = procStat(pid);
  while (stat && stat.ppid > 1 && chain.length < 64) {
    const parent = procStat(stat.ppid);
    if (!parent) break;
    chain.push(parent);
    stat = parent;
  }
  return chain;
};

/** The first ancestor that has ended (its pid gone, or now another process), if any. */
export const goneAncestor = (chain: readonly ProcStat[]): ProcStat | undefined =>
  chain.find((a) => procStat(a.pid)?.start !== a.start);

// Test support for stopping the harness from outside: a command started in its own process group with a tag every process of it inherits, and the checks that nothing of it is left.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { procStat } from '../runtime/ancestry.ts';

const TAG = 'HARNESS_STOP_TEST';

export type Started = {
  child: ChildProcess;
  /** The process group's id: the pid of the outermost process. */
  pgid: number;
  tag: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `command` as the leader of a new process group (as `setsid` or a CI runner does), tagged through its environment. */
export const startInOwnGroup = (
  command: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): Started => {
  const tag = randomUUID();
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env, [TAG]: tag },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const keep = (c: Buffer) => {
    out = `${out}${c.toString()}`.slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  return { child, pgid: child.pid, tag, output: () => out, exited };
};

const cmdline = (pid: string): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
};

/** Live processes of the group, and live processes anywhere that carry the tag (a gate command leads a group of its own). */
export const leftOf = (s: Started): string[] => {
  const left: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = procStat(Number(pid));
    if (!stat) continue;
    let tagged = false;
    try {
      tagged = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${TAG}=${s.tag}`);
    } catch {
      // gone, or not ours to read
    }
    if (stat.pgrp === s.pgid || tagged) left.push(`${pid} ${cmdline(pid)}`);
  }
  return left;
};

const socketInodes = (pid: string): Set<string> => {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // gone
  }
  return inodes;
};

/** The TCP ports the run's processes listen on (from /proc/net/tcp*), as loopback URLs. */
export const listeningUrls = (s: Started): string[] => {
  const inodes = new Set<string>();
  for (const line of leftOf(s)) for (const i of socketInodes(line.split(' ')[0]!)) inodes.add(i);
  const urls: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let rows: string[] = [];
    try {
      rows = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const f = row.trim().split(/\s+/);
      // f[1] local address:port (hex), f[3] state (0A: LISTEN), f[9] inode
      if (f[3] === '0A' && f[9] && inodes.has(f[9]))
        urls.push(`http://127.0.0.1:${Number.parseInt(f[1]!.split(':')[1]!, 16)}`);
    }
  }
  return urls;
};

/** Polls until `check` holds or `timeoutMs` passes; resolves to whether it held. */
export const waitFor = async (check: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
};

/** The processes of the run left `ms` after the stop (empty: all gone in time), and how long the last one took. */
export const leftAfter = async (s: Started, ms: number): Promise<{ left: string[]; goneAfterMs: number }> => {
  const t0 = Date.now();
  await waitFor(() => leftOf(s).length === 0, ms);
  return { left: leftOf(s), goneAfterMs: Date.now() - t0 };
};

/** Whether a TCP connection to the URL's host and port is accepted (a connection that neither opens nor is refused counts as open). */
const accepts = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(2_000, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/** URLs whose port still accepts connections (empty: every port is free again). */
export const answering = async (urls: string[]): Promise<string[]> => {
  const open: string[] = [];
  for (const url of urls) if (await accepts(url)) open.push(url);
  return open;
};

/** The JSON in a file once it is complete, else undefined. */
export const jsonFile = <T>(file: string): T | undefined => {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
};

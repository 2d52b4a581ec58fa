// Runs wrk against one URL and reads requests per second and latency percentiles from its report.
import { spawn } from 'node:child_process';

export type WrkResult = { rps: number; p50Ms: number; p99Ms: number; requests: number; non2xx: number };

const toMs = (value: string, unit: string): number => {
  const n = Number(value);
  switch (unit) {
    case 'us':
      return n / 1000;
    case 'ms':
      return n;
    case 's':
      return n * 1000;
    case 'm':
      return n * 60_000;
    default:
      return Number.NaN;
  }
};

export const parseWrk = (out: string): WrkResult => {
  const pct = (p: string): number => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    return m ? toMs(m[1]!, m[2]!) : Number.NaN;
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  return {
    rps: rps ? Number(rps[1]) : Number.NaN,
    p50Ms: pct('50'),
    p99Ms: pct('99'),
    requests: total ? Number(total[1]) : 0,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
};

/** Bounded in time by wrk's own --duration (plus a kill after a grace period); loopback URLs only. */
export const runWrk = (
  url: string,
  opts: { seconds: number; connections: number; threads: number; headers?: Record<string, string> },
): Promise<WrkResult> =>
  new Promise((resolve, reject) => {
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') {
      reject(new Error(`refusing to load ${url}: benchmarks only target loopback`));
      return;
    }
    const args = [
      '-t',
      String(opts.threads),
      '-c',
      String(opts.connections),
      '-d',
      `${opts.seconds}s`,
      '--latency',
    ];
    for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
    args.push(url);
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (opts.seconds + 15) * 1000);
    child.on('error', (err) => {
      clearTimeout(killer);
      reject(new Error(`wrk could not start (${err.message}): install it with apt-get install wrk`));
    });
    child.on('close', (code) => {
      clearTimeout(killer);
      if (code !== 0) reject(new Error(`wrk exited ${code}: ${out}`));
      else resolve(parseWrk(out));
    });
  });

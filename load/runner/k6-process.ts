// Runs one k6 script as one process, or as n processes over execution segments, each bounded in time, and collects their summaries' paths.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { adopt } from '../../runtime/children.ts';
import { type K6Binary, k6Invocation } from './k6-binary.ts';

export type K6ProcessResult = {
  /** 0: thresholds held; 99: a threshold failed; anything else: k6 could not run the test. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last lines k6 wrote (stdout and stderr), for messages. */
  output: string;
  summaryPath: string;
  segment?: string;
};

export type K6RunSpec = {
  k6: K6Binary;
  script: string;
  runFile: string;
  /** Where handleSummary writes; with segments, `-<i>` is added before the extension. */
  summaryPath: string;
  /** Processes over execution segments 0:1/n, 1/n:2/n, ... (default 1: no segments). */
  segments?: number;
  /** Wall milliseconds after which each process is stopped. */
  timeoutMs: number;
  /** Folders a containerised k6 must see. */
  mounts?: string[];
  onLine?: (line: string) => void;
};

/** `a/n` as k6 writes fractions (0 and 1 as they are). */
const fraction = (a: number, n: number): string => (a === 0 ? '0' : a === n ? '1' : `${a}/${n}`);

export const segmentArgs = (i: number, n: number): string[] =>
  n <= 1
    ? []
    : [
        '--execution-segment',
        `${fraction(i, n)}:${fraction(i + 1, n)}`,
        '--execution-segment-sequence',
        Array.from({ length: n + 1 }, (_, k) => fraction(k, n)).join(','),
      ];

/** `k6 run` of a script as the harness runs it: quiet, no colours, no usage report, no REST API listening. */
export const k6RunArgs = (script: string, extra: readonly string[] = []): string[] => [
  'run',
  '--quiet',
  '--no-color',
  '--no-usage-report',
  '--address',
  '',
  ...extra,
  script,
];

const summaryPathOf = (base: string, i: number, n: number): string => {
  if (n <= 1) return base;
  const ext = path.extname(base);
  return `${base.slice(0, base.length - ext.length)}-${i}${ext}`;
};

const runOne = (spec: K6RunSpec, i: number, n: number): Promise<K6ProcessResult> =>
  new Promise((resolve) => {
    const summaryPath = summaryPathOf(spec.summaryPath, i, n);
    const args = k6RunArgs(spec.script, segmentArgs(i, n));
    const inv = k6Invocation(spec.k6, args, spec.mounts);
    const child = spawn(inv.command, inv.args, {
      env: {
        ...process.env,
        HARNESS_RUN_FILE: spec.runFile,
        HARNESS_SUMMARY_FILE: summaryPath,
        K6_NO_USAGE_REPORT: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A stop of the run reaches k6 too (it stops its test, then exits).
    adopt(child, { group: false });
    let tail = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      tail = `${tail}${text}`.slice(-6000);
      if (spec.onLine) for (const line of text.split('\n')) if (line.trim()) spec.onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, spec.timeoutMs);
    const segment = n > 1 ? `${fraction(i, n)}:${fraction(i + 1, n)}` : undefined;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, output: tail, summaryPath, ...(segment ? { segment } : {}) });
    };
    child.on('error', (err) => {
      tail += `\n${err.message}`;
      finish(null, null);
    });
    child.on('close', finish);
  });

/** Runs the processes side by side (execution segments start together and split every scenario between them). */
export const runK6 = (spec: K6RunSpec): Promise<K6ProcessResult[]> => {
  const n = Math.max(1, spec.segments ?? 1);
  return Promise.all(Array.from({ length: n }, (_, i) => runOne(spec, i, n)));
};

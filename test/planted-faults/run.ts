// Re-checks the planted faults (`npm run faults -- [flags]`): plants each, runs the chosen checks, restores, prints the table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PLANTED_FAULTS, type PlantedFault } from './catalogue.ts';
import { plant } from './plant.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const CHECKS = ['typecheck', 'vitest', 'suite', 'props'] as const;
type Check = (typeof CHECKS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    check: { type: 'string', default: 'typecheck,vitest,props' },
    report: { type: 'string', default: path.join('reports', 'out', 'planted-faults.json') },
    'props-args': { type: 'string', default: '' },
  },
});

type Verdict = { caught: boolean; by: string[]; seconds: number };
type Row = { fault: string; says: string; checks: Partial<Record<Check, Verdict>> };

const run = (cmd: string, args: string[]) => {
  const started = performance.now();
  // node_modules/.bin first, as npm scripts have it: the bins' `#!/usr/bin/env node` must find the pinned Node 24.
  const env = { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}` };
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, seconds: (performance.now() - started) / 1000 };
};

/** The failed tests of a vitest JSON report, as `file > test name`. */
const failedTests = (reportFile: string): string[] => {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    testResults: { name: string; status: string; assertionResults: { status: string; fullName: string }[] }[];
  };
  return report.testResults.flatMap((f) => {
    const rel = path.relative(ROOT, f.name);
    const failed = f.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${rel} > ${a.fullName}`);
    return failed.length || f.status !== 'failed' ? failed : [`${rel} (the file failed to run)`];
  });
};

const vitest = (tmp: string, files: readonly string[]): Verdict => {
  const out = path.join(tmp, 'vitest.json');
  rmSync(out, { force: true });
  const r = run(path.join(BIN, 'vitest'), [
    'run',
    ...(files.length ? files : ['--exclude', '**/*.k6.test.ts']),
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  let by: string[];
  try {
    by = failedTests(out);
  } catch {
    by = r.status === 0 ? [] : [`vitest exited ${r.status}: ${r.out.slice(-400)}`];
  }
  return { caught: r.status !== 0, by, seconds: r.seconds };
};

const props = (tmp: string): Verdict => {
  const out = path.join(tmp, 'props.json');
  const extra = (values['props-args'] ?? '').split(' ').filter(Boolean);
  const r = run(path.join(BIN, 'node'), [path.join('cli', 'harness.ts'), 'props', '--report', out, ...extra]);
  const by = r.out.split('\n').flatMap((l) => {
    const m = /^FAIL property (\S+) failed(?: \(check ([^)]+)\))?/.exec(l);
    return m ? [`${m[1]}${m[2] ? ` (${m[2]})` : ''}`] : [];
  });
  return { caught: r.status !== 0, by, seconds: r.seconds };
};

const typecheck = (): Verdict => {
  const r = run(path.join(BIN, 'tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  return { caught: r.status !== 0, by: r.status === 0 ? [] : [r.out.slice(0, 400)], seconds: r.seconds };
};

const checks = (values.check ?? '').split(',').map((c) => c.trim()) as Check[];
const unknown = checks.filter((c) => !(CHECKS as readonly string[]).includes(c));
if (unknown.length) {
  process.stderr.write(`faults: unknown check ${unknown.join(', ')}; known: ${CHECKS.join(', ')}\n`);
  process.exit(2);
}
const only = values.only?.split(',').map((s) => s.trim());
const faults: PlantedFault[] = PLANTED_FAULTS.filter((f) => !only || only.includes(f.name));
if (faults.length === 0) {
  process.stderr.write(`faults: nothing matches --only ${values.only}\n`);
  process.exit(2);
}
const dirty = spawnSync(
  'git',
  ['status', '--porcelain', '--', ...new Set(faults.flatMap((f) => f.edits.map((e) => e.file)))],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
).stdout.trim();
if (dirty) {
  process.stderr.write(`faults: commit or stash these first, a plant rewrites them:\n${dirty}\n`);
  process.exit(2);
}

let restore: (() => void) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    restore?.();
    process.exit(130);
  });

const tmp = mkdtempSync(path.join(tmpdir(), 'planted-faults-'));
const rows: Row[] = [];
try {
  for (const f of faults) {
    const row: Row = { fault: f.name, says: f.says, checks: {} };
    restore = plant(ROOT, f);
    try {
      for (const c of checks) {
        row.checks[c] =
          c === 'typecheck'
            ? typecheck()
            : c === 'vitest'
              ? vitest(tmp, f.caughtBy)
              : c === 'suite'
                ? vitest(tmp, [])
                : props(tmp);
        const v = row.checks[c]!;
        process.stdout.write(
          `${f.name} ${c}: ${c === 'typecheck' ? (v.caught ? 'DOES NOT COMPILE' : 'compiles') : v.caught ? `caught (${v.by.length})` : 'NOT CAUGHT'} in ${v.seconds.toFixed(0)} s\n`,
        );
        for (const b of v.by) process.stdout.write(`    ${b}\n`);
      }
    } finally {
      restore();
      restore = undefined;
    }
    rows.push(row);
  }
} finally {
  if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  else process.stdout.write(`kept ${tmp}\n`);
}

const cell = (c: Check, v: Verdict | undefined): string =>
  v === undefined
    ? ''
    : c === 'typecheck'
      ? v.caught
        ? 'no'
        : 'yes'
      : v.caught
        ? `caught (${v.by.length})`
        : '**not caught**';
process.stdout.write(`\n| fault | ${checks.join(' | ')} |\n|---|${checks.map(() => '---').join('|')}|\n`);
for (const r of rows)
  process.stdout.write(`| ${r.fault} | ${checks.map((c) => cell(c, r.checks[c])).join(' | ')} |\n`);
const reportFile = path.resolve(ROOT, values.report!);
mkdirSync(path.dirname(reportFile), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify({ at: new Date().toISOString(), checks, rows }, null, 2)}\n`);
process.stdout.write(`report: ${path.relative(ROOT, reportFile)}\n`);
const wanted = (c: Check, f: PlantedFault) => c !== 'typecheck' && (c !== 'props' || f.props);
const missed = rows.filter((r) =>
  checks.some((c) => {
    const f = faults.find((x) => x.name === r.fault)!;
    const v = r.checks[c];
    return c === 'typecheck' ? v?.caught : wanted(c, f) && v && !v.caught;
  }),
);
process.exit(missed.length ? 1 : 0);

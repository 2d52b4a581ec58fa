// Tests of `harness report`: the three files written from a folder of results, their paths printed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { run } from '../cli/commands/report.ts';
import { HarnessReport } from './model.ts';

let dir = '';
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

it('writes report.html, report.json and junit.xml into --out and prints their paths', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
  const results = path.join(dir, 'results');
  const out = path.join(dir, 'out');
  mkdirSync(results);
  writeFileSync(
    path.join(results, 'run.json'),
    JSON.stringify({
      when: '2026-11-21T22:50:08.277Z',
      ok: false,
      stages: [{ stage: 's', ok: false, ms: 5, detail: 'broke' }],
    }),
  );
  const printed: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    printed.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(await run({ args: [], options: { dir: results, out } })).toBe(0);
  const files = ['report.html', 'report.json', 'junit.xml'].map((f) => path.join(out, f));
  expect(printed.join('')).toBe(`${files.join('\n')}\n`);
  for (const f of files) expect(existsSync(f), f).toBe(true);
  const report = HarnessReport.parse(JSON.parse(readFileSync(files[1]!, 'utf8')));
  expect(report.run?.stages[0]?.detail).toBe('broke');
  expect(report.coverage?.length).toBeGreaterThan(0);
  expect(report.absent.map((a) => a.section)).toContain('gate');
  expect(readFileSync(files[2]!, 'utf8')).toContain('<failure message="broke"');
});

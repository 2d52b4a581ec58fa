// `harness run` (`npm start`): the pipeline on the embedded defaults, with progress, a one-screen summary and a JSON report.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubcommandRun } from '../subcommands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

type StageResult = { stage: string; ok: boolean; ms: number; detail: string };

const stage = async (
  results: StageResult[],
  name: string,
  index: number,
  total: number,
  work: () => Promise<{ ok: boolean; detail: string }>,
): Promise<boolean> => {
  process.stderr.write(`[${index}/${total}] ${name} ...\n`);
  const started = Date.now();
  let outcome: { ok: boolean; detail: string };
  try {
    outcome = await work();
  } catch (err) {
    outcome = { ok: false, detail: (err as Error).message };
  }
  const ms = Date.now() - started;
  results.push({ stage: name, ok: outcome.ok, ms, detail: outcome.detail });
  process.stderr.write(
    `[${index}/${total}] ${name}: ${outcome.ok ? 'ok' : 'FAILED'} (${(ms / 1000).toFixed(1)} s) ${outcome.detail}\n`,
  );
  return outcome.ok;
};

export const run: SubcommandRun = async () => {
  const started = Date.now();
  const results: StageResult[] = [];
  const TOTAL = 3;
  await stage(results, 'contract coverage of the committed pacts', 1, TOTAL, async () => {
    const { checkCommittedCoverage } = await import('../../contracts/coverage.ts');
    const check = checkCommittedCoverage();
    const missing = check.filter((c) => !c.covered);
    return {
      ok: missing.length === 0,
      detail: `${check.length - missing.length}/${check.length} documented cases pinned`,
    };
  });
  const { startSimulators } = await import('../../simulators/sim.ts');
  const { verifyAll } = await import('../../contracts/verify-all.ts');
  for (const [i, mode] of (['stateful', 'replay'] as const).entries()) {
    await stage(
      results,
      `pacts verified against the simulator (${mode} mode, through WireMock)`,
      i + 2,
      TOTAL,
      async () => {
        const sim = await startSimulators({ mode, platform: { frozen: true } });
        try {
          const outcomes = await verifyAll(sim.info, mode);
          const failed = outcomes.filter((o) => !o.ok);
          return {
            ok: failed.length === 0,
            detail: outcomes.map((o) => `${o.vendor} ${o.ok ? 'verified' : 'FAILED'}`).join(', '),
          };
        } finally {
          await sim.stop();
        }
      },
    );
  }
  const ok = results.every((r) => r.ok);
  const report = { when: new Date().toISOString(), ok, wallMs: Date.now() - started, stages: results };
  const out = path.join(ROOT, 'reports', 'out');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'run.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const lines = [
    '',
    `harness run: ${ok ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ...results.map(
      (r) => `  ${r.ok ? 'ok    ' : 'FAILED'} ${r.stage} (${(r.ms / 1000).toFixed(1)} s): ${r.detail}`,
    ),
    `report: ${path.relative(process.cwd(), file) || file}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  return ok ? 0 : 1;
};

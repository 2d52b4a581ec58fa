// `harness run` (`npm start`): the whole pipeline on the embedded defaults, with progress, a one-screen summary and the report.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerificationOutcome } from '../../contracts/verify-all.ts';
import type { SubcommandRun } from '../subcommands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'reports', 'out');

type StageResult = { stage: string; ok: boolean; ms: number; detail: string };
type Stage = { name: string; work: () => Promise<{ ok: boolean; detail: string }> };

/** A subcommand run in-process as one stage: its exit code decides, its own output goes to the terminal as usual. */
const sub = async (name: string, args: string[], options: Record<string, unknown>): Promise<number> => {
  const { SUBCOMMANDS } = await import('../subcommands.ts');
  const found = SUBCOMMANDS.find((s) => s.name === name);
  if (!found) throw new Error(`no subcommand ${name}`);
  return (await found.load())({ args, options });
};

const stages = (verification: VerificationOutcome[]): Stage[] => [
  {
    name: 'contract coverage of the committed pacts',
    work: async () => {
      const { checkCommittedCoverage } = await import('../../contracts/coverage.ts');
      const check = checkCommittedCoverage();
      const missing = check.filter((c) => !c.covered).length;
      return {
        ok: missing === 0,
        detail: `${check.length - missing}/${check.length} documented cases pinned`,
      };
    },
  },
  ...(['stateful', 'replay'] as const).map((mode) => ({
    name: `pacts verified against the simulator (${mode} mode, through WireMock)`,
    work: async () => {
      const { startSimulators } = await import('../../simulators/sim.ts');
      const { verifyAll } = await import('../../contracts/verify-all.ts');
      const sim = await startSimulators({ mode, platform: { frozen: true } });
      try {
        const outcomes = await verifyAll(sim.info, mode);
        verification.push(...outcomes);
        return {
          ok: outcomes.every((o) => o.ok),
          detail: outcomes.map((o) => `${o.vendor} ${o.ok ? 'verified' : 'FAILED'}`).join(', '),
        };
      } finally {
        await sim.stop();
      }
    },
  })),
  {
    name: 'property suite against the live simulator (10 runs per property)',
    work: async () => ({
      ok: (await sub('props', [], { runs: '10', through: 'direct' })) === 0,
      detail: 'reports/out/props.json',
    }),
  },
  ...(['over-limit', 'fleet-drain'] as const).map((scenario) => ({
    name: `k6 ${scenario} smoke run in simulated time`,
    work: async () => ({
      ok: (await sub('load', [scenario], { profile: 'smoke', build: true })) === 0,
      detail: `reports/out/load/${scenario}-smoke.json`,
    }),
  })),
  {
    name: 'gate: the careful example client audited',
    work: async () => ({
      ok:
        (await sub('gate', [process.execPath, path.join(ROOT, 'examples', 'careful-client.ts')], {
          timeScale: '3',
          devices: '3',
          throttleLimit: '10',
          throttleWindow: '3000',
        })) === 0,
      detail: 'reports/out/gate.json',
    }),
  },
];

export const run: SubcommandRun = async () => {
  const started = Date.now();
  const results: StageResult[] = [];
  const verification: VerificationOutcome[] = [];
  const all = stages(verification);
  mkdirSync(OUT, { recursive: true });
  for (const [i, s] of all.entries()) {
    const label = `[${i + 1}/${all.length + 1}] ${s.name}`;
    process.stderr.write(`\n${label} ...\n`);
    const t0 = Date.now();
    let outcome: { ok: boolean; detail: string };
    try {
      outcome = await s.work();
    } catch (err) {
      outcome = { ok: false, detail: (err as Error).message };
    }
    results.push({ stage: s.name, ok: outcome.ok, ms: Date.now() - t0, detail: outcome.detail });
    process.stderr.write(
      `${label}: ${outcome.ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
  }
  writeFileSync(path.join(OUT, 'verification.json'), `${JSON.stringify(verification, null, 2)}\n`);
  const ok = results.every((r) => r.ok);
  writeFileSync(
    path.join(OUT, 'run.json'),
    `${JSON.stringify({ when: new Date().toISOString(), ok, wallMs: Date.now() - started, stages: results }, null, 2)}\n`,
  );
  process.stderr.write(`\n[${all.length + 1}/${all.length + 1}] report ...\n`);
  const { checkCommittedCoverage } = await import('../../contracts/coverage.ts');
  const { collectReport, coverageEntriesOf } = await import('../../reports/model.ts');
  const { writeReport } = await import('../../reports/write.ts');
  const files = writeReport(
    collectReport(OUT, { coverage: coverageEntriesOf(checkCommittedCoverage()) }),
    OUT,
  );
  const lines = [
    '',
    `harness run: ${ok ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ...results.map(
      (r) => `  ${r.ok ? 'ok    ' : 'FAILED'} ${r.stage} (${(r.ms / 1000).toFixed(1)} s): ${r.detail}`,
    ),
    `report: ${path.relative(process.cwd(), files.html) || files.html}`,
    `        ${path.relative(process.cwd(), files.json)}, ${path.relative(process.cwd(), files.junit)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  return ok ? 0 : 1;
};

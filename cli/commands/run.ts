// `harness run` (`npm start`): the whole pipeline on the embedded defaults, with progress, a one-screen summary and the report; stopped, it ends with a partial one.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerificationOutcome } from '../../contracts/verify-all.ts';
import { EXIT_CODE_OF, stoppedBy } from '../../runtime/stop-signals.ts';
import { defaultContext, type RunContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

/** The careful example client as this module runs: its TypeScript in the checkout, its JavaScript in the package. */
const CAREFUL_CLIENT = fileURLToPath(
  new URL(`../../examples/careful-client${path.extname(import.meta.url)}`, import.meta.url),
);

/** A file of the output folder as the user names it: relative to where they ran the harness when it is below it. */
const shown = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
};

type StageResult = { stage: string; ok: boolean; ms: number; detail: string };
type Stage = { name: string; work: () => Promise<{ ok: boolean; detail: string }> };

/** A subcommand run in-process as one stage: its exit code decides, its own output goes to the terminal as usual. */
const sub = async (
  name: string,
  args: string[],
  options: Record<string, unknown>,
  context: RunContext,
): Promise<number> => {
  const { SUBCOMMANDS } = await import('../subcommands.ts');
  const found = SUBCOMMANDS.find((s) => s.name === name);
  if (!found) throw new Error(`no subcommand ${name}`);
  return (await found.load())({ args, options, context });
};

/** Resolves when the run is asked to stop. */
const stopped = (stop: AbortSignal): Promise<'stopped'> =>
  new Promise((resolve) => {
    if (stop.aborted) resolve('stopped');
    else stop.addEventListener('abort', () => resolve('stopped'), { once: true });
  });

const stages = (verification: VerificationOutcome[], context: RunContext): Stage[] => [
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
    name: 'drift: the pinned contracts against the simulator (every provider state set)',
    work: async () => {
      const { buildPlatform } = await import('../../simulators/platform/server.ts');
      const { VENDOR_FACTORIES } = await import('../../simulators/sim.ts');
      const platform = buildPlatform({ frozen: true }, VENDOR_FACTORIES);
      const url = await platform.listen(0);
      try {
        const code = await sub('drift', [], { target: url, control: `${url}/__control` }, context);
        return { ok: code === 0, detail: shown(path.join(context.out, 'drift.json')) };
      } finally {
        await platform.close();
      }
    },
  },
  {
    name: 'property suite against the live simulator (10 runs per property)',
    work: async () => ({
      ok: (await sub('props', [], { runs: '10', through: 'direct' }, context)) === 0,
      detail: shown(path.join(context.out, 'props.json')),
    }),
  },
  ...(['over-limit', 'fleet-drain'] as const).map((scenario) => ({
    name: `k6 ${scenario} smoke run in simulated time`,
    work: async () => ({
      ok: (await sub('load', [scenario], { profile: 'smoke', build: true }, context)) === 0,
      detail: shown(path.join(context.out, 'load', `${scenario}-smoke.json`)),
    }),
  })),
  {
    name: 'capacity plan in virtual time: 10,000 devices, 10 keys, deadline 30 h (simulated over HTTP)',
    work: async () => ({
      ok:
        (await sub(
          'plan',
          [],
          { devices: '10000', pending: '1', apps: '10', deadline: '30h', measureFewest: false },
          context,
        )) === 0,
      detail: shown(path.join(context.out, 'load', 'plan.json')),
    }),
  },
  {
    name: 'gate: the careful example client audited',
    work: async () => ({
      ok:
        (await sub(
          'gate',
          [process.execPath, CAREFUL_CLIENT],
          { timeScale: '3', devices: '3', throttleLimit: '10', throttleWindow: '3000' },
          context,
        )) === 0,
      detail: shown(path.join(context.out, 'gate.json')),
    }),
  },
];

export const run: SubcommandRun = async ({ context = defaultContext() }) => {
  const OUT = context.out;
  const started = Date.now();
  const results: StageResult[] = [];
  const verification: VerificationOutcome[] = [];
  const all = stages(verification, context);
  mkdirSync(OUT, { recursive: true });
  for (const [i, s] of all.entries()) {
    if (context.stop.aborted) break;
    const label = `[${i + 1}/${all.length + 1}] ${s.name}`;
    process.stderr.write(`\n${label} ...\n`);
    const t0 = Date.now();
    const work = s.work().catch((err: Error) => ({ ok: false, detail: err.message }));
    // A stop does not wait for the stage: what it started is stopped by the run's lifetime; the report says so.
    const raced = await Promise.race([work, stopped(context.stop)]);
    const outcome =
      raced === 'stopped' ? { ok: false, detail: `interrupted by ${stoppedBy(context.stop)}` } : raced;
    results.push({ stage: s.name, ok: outcome.ok, ms: Date.now() - t0, detail: outcome.detail });
    process.stderr.write(
      `${label}: ${outcome.ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
  }
  writeFileSync(path.join(OUT, 'verification.json'), `${JSON.stringify(verification, null, 2)}\n`);
  const interrupted = stoppedBy(context.stop);
  const ok = !interrupted && results.every((r) => r.ok);
  const summary = { when: new Date().toISOString(), ok, wallMs: Date.now() - started, stages: results };
  writeFileSync(
    path.join(OUT, 'run.json'),
    `${JSON.stringify(interrupted ? { ...summary, interrupted } : summary, null, 2)}\n`,
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
    `harness run: ${interrupted ? `INTERRUPTED by ${interrupted} after ${results.length} of ${all.length} stages, partial report` : ok ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ...results.map(
      (r) => `  ${r.ok ? 'ok    ' : 'FAILED'} ${r.stage} (${(r.ms / 1000).toFixed(1)} s): ${r.detail}`,
    ),
    `report: ${shown(files.html)}`,
    `        ${shown(files.json)}, ${shown(files.junit)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  if (interrupted) return EXIT_CODE_OF[interrupted];
  return ok ? 0 : 1;
};

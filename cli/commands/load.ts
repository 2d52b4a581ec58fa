// `harness load <scenario>`: runs one load scenario with k6 against fresh (or given) simulators, prints the verdict and writes the JSON report.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderProblem } from '../../contracts/common/problem.ts';
import type { LoadFlags } from '../../load/runner/cli-options.ts';
import { EXIT_CODE_OF, stoppedBy } from '../../runtime/stop-signals.ts';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

export const run: SubcommandRun = async ({ args, options, context = defaultContext() }) => {
  const { loadOptionsFrom } = await import('../../load/runner/cli-options.ts');
  const parsed = loadOptionsFrom(args, options as LoadFlags);
  if (!parsed.ok) {
    say(`harness load: ${renderProblem(parsed.problem)}`);
    return 2;
  }
  const o = parsed.value;
  const { profileOf, readProfiles } = await import('../../load/runner/profiles.ts');
  const profiles = readProfiles();
  if (!profiles.ok) {
    say(`harness load: ${renderProblem(profiles.problem)}`);
    return 2;
  }
  const found = profileOf(profiles.value, o.scenario, o.profile);
  if (!found.ok) {
    say(`harness load: ${renderProblem(found.problem)}`);
    return 2;
  }
  if (o.scenario === 'fleet-drain' && o.overrides.windows !== undefined) {
    say('harness load: --windows does not apply to fleet-drain (its length is the fleet)');
    return 2;
  }
  const { readyOf } = await import('../../load/runner/targets.ts');
  const ready = [];
  for (const where of o.against) {
    const r = await readyOf(where, (file) => readFileSync(file, 'utf8'));
    if (!r.ok) {
      say(`harness load: ${renderProblem(r.problem)}`);
      return 2;
    }
    ready.push(r.value);
  }
  const name = `${o.scenario}-${o.profile}`;
  const out = path.resolve(o.out ?? path.join(context.out, 'load', `${name}.json`));
  const workDir = path.join(path.dirname(out), name);
  const request = {
    ...({ scenario: o.scenario, profile: { ...found.value, ...o.overrides } } as Parameters<
      typeof import('../../load/runner/scenario.ts').runScenario
    >[0]),
    profileName: o.profile,
    workDir,
    segments: o.segments,
    ...(ready.length ? { against: { ready, route: o.route } } : {}),
  };
  const { prepareOnly, runScenario, SCRIPTS_DIR } = await import('../../load/runner/scenario.ts');
  if (o.prepareOnly) {
    const prepared = await prepareOnly(request);
    if (!prepared.ok) {
      say(`harness load: ${renderProblem(prepared.problem)}`);
      return 1;
    }
    const { SCRIPT_OF } = await import('../../load/runner/run-file.ts');
    const { advertise } = await import('../../load/runner/advertise.ts');
    if (o.advertise.length) {
      const origins = new Map(ready.map((r, i) => [new URL(r.controlUrl).origin, o.advertise[i]!]));
      writeFileSync(prepared.value.runPath, JSON.stringify(advertise(prepared.value.run, origins), null, 1));
    }
    process.stdout.write(`${prepared.value.runPath}\n`);
    say(
      `run file written; run k6 with HARNESS_RUN_FILE=${prepared.value.runPath} k6 run ${path.join(SCRIPTS_DIR, SCRIPT_OF[o.scenario])}`,
    );
    if (!ready.length) {
      say('the simulators run until you stop this command (Ctrl-C)');
      await new Promise<void>((resolve) => {
        if (context.stop.aborted) resolve();
        else context.stop.addEventListener('abort', () => resolve(), { once: true });
      });
      await prepared.value.stop();
    }
    return 0;
  }
  const { findK6 } = await import('../../load/runner/k6-binary.ts');
  const k6 = await findK6({ build: o.build, onProgress: say });
  if (!k6.ok) {
    say(`harness load: ${k6.message}`);
    return 1;
  }
  say(`harness load: ${name} with ${k6.k6.command} (work files in ${workDir})`);
  const result = await runScenario({ ...request, k6: k6.k6 });
  // Stopped mid-run, k6's verdict is about a cut-short run: say so instead.
  const interrupted = stoppedBy(context.stop);
  if (interrupted) {
    say(`harness load: ${name} interrupted by ${interrupted}, no report written`);
    return EXIT_CODE_OF[interrupted];
  }
  if (!result.ok) {
    say(`harness load: ${renderProblem(result.problem)}`);
    return 1;
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result.value, null, 2)}\n`);
  const { renderLoadReport } = await import('../../load/runner/render.ts');
  process.stdout.write(
    o.json ? `${JSON.stringify(result.value, null, 2)}\n` : `${renderLoadReport(result.value)}\n`,
  );
  say(`report written to ${out}`);
  return result.value.ok ? 0 : 1;
};

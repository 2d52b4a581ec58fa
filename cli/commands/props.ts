// `harness props`: runs the property suite (or the mutation check) against the simulator; failures print seed and path.
import path from 'node:path';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

type Flags = {
  runs?: string;
  seed?: string;
  path?: string;
  replayPath?: string;
  only?: string;
  through?: string;
  maxCommands?: string;
  mutations?: boolean | string;
  saveRegressions?: boolean;
  report?: string;
  json?: boolean;
  list?: boolean;
};

const int = (name: string, text: string | undefined, min: number): number | undefined | string => {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= min ? n : `--${name} must be an integer >= ${min}, got ${text}`;
};

export const run: SubcommandRun = async ({ options, context = defaultContext() }) => {
  const f = options as Flags;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (message: string) => {
    process.stderr.write(`harness props: ${message}\n`);
    return 2;
  };
  const { selectProperties, PROPERTIES } = await import('../../property-tests/runner/properties.ts');
  if (f.list) {
    for (const p of PROPERTIES) say(`${p.name}\t${p.defaultRuns} runs\t${p.says}`);
    return 0;
  }
  const runs = int('runs', f.runs, 1);
  const seed = int('seed', f.seed, Number.MIN_SAFE_INTEGER);
  const maxCommands = int('max-commands', f.maxCommands, 1);
  for (const v of [runs, seed, maxCommands]) if (typeof v === 'string') return fail(v);
  const through = f.through ?? 'direct';
  if (through !== 'direct' && through !== 'wiremock')
    return fail(`--through must be direct or wiremock, got ${through}`);
  const selected = selectProperties(f.only);
  if (selected.length === 0) return fail(`no property matches --only ${f.only}`);
  if (f.path !== undefined && (selected.length !== 1 || seed === undefined))
    return fail('--path replays one failure: give --only <one property> and its --seed');
  const runOptions = (p: { defaultRuns: number }) => ({
    numRuns: (runs as number | undefined) ?? p.defaultRuns,
    ...(seed !== undefined ? { seed: seed as number } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    ...(f.replayPath !== undefined ? { replayPath: f.replayPath } : {}),
    ...(maxCommands !== undefined ? { maxCommands: maxCommands as number } : {}),
  });
  const { buildReport, renderOutcome, writeReport } = await import('../../property-tests/runner/report.ts');
  const { renderFailure } = await import('../../property-tests/runner/outcome.ts');
  const reportFile = f.report ?? path.join(context.out, 'props.json');
  const startedAt = new Date();

  if (f.mutations !== undefined && f.mutations !== false) {
    const { MUTATIONS } = await import('../../property-tests/mutations/faults.ts');
    const { MUTATION_EFFECTS } = await import('../../property-tests/runner/mutation-check.ts');
    const names =
      typeof f.mutations === 'string' ? f.mutations.split(',').map((s) => s.trim()) : [...MUTATIONS];
    const unknown = names.filter((n) => !(MUTATIONS as readonly string[]).includes(n));
    if (unknown.length) return fail(`unknown mutation ${unknown.join(', ')}; known: ${MUTATIONS.join(', ')}`);
    const live = selected.filter(
      (p) => p.group === 'model' || p.group === 'invariant' || p.name.startsWith('pure/'),
    );
    const { runMutationCheck } = await import('../../property-tests/runner/mutation-check.ts');
    const verdicts = await runMutationCheck({
      mutations: names as (typeof MUTATIONS)[number][],
      properties: live,
      run: { ...runOptions({ defaultRuns: 40 }), endOnFailure: !f.saveRegressions },
      through,
      onOutcome: (m, o) =>
        say(
          o.ok
            ? `${m}: missed by ${o.name} (${o.numRuns} runs, seed ${o.seed})`
            : `${m}: CAUGHT by ${renderFailure(o, m)}`,
        ),
    });
    for (const v of verdicts) {
      say(
        `${v.caught ? 'caught' : 'NOT CAUGHT'}: ${v.mutation}${v.notWired.length ? ` (not wired into: ${v.notWired.join(', ')})` : ''}`,
      );
      if (f.saveRegressions && v.caught) {
        const { saveRegression } = await import('../../property-tests/runner/regressions.ts');
        const first = v.outcomes.find((o) => !o.ok && o.failure?.steps?.length);
        if (first?.failure?.steps)
          say(
            `  saved ${saveRegression({
              name: `mutation-${v.mutation}`,
              property: first.name,
              about: `${MUTATION_EFFECTS[v.mutation]}: the shrunk run that shows it (caught by ${first.failure.check})`,
              found: `harness props --mutations ${v.mutation}: ${first.name} seed ${first.seed} path ${first.failure.path}`,
              mutations: [v.mutation],
              ...(first.failure.check ? { failsWith: first.failure.check } : {}),
              params: first.failure.params ?? {},
              steps: first.failure.steps,
            })}`,
          );
      }
    }
    const report = buildReport(startedAt, through, [], verdicts);
    writeReport(reportFile, report);
    if (f.json) say(JSON.stringify(report, null, 2));
    say(`report: ${reportFile}`);
    return report.ok ? 0 : 1;
  }

  const needsPlatform = selected.some((p) => p.group === 'model' || p.group === 'invariant');
  const { openSession } = await import('../../property-tests/harness/session.ts');
  const { DEFAULT_SUITE_CONFIG } = await import('../../property-tests/harness/platform.ts');
  const session = needsPlatform ? await openSession(DEFAULT_SUITE_CONFIG, through) : undefined;
  const outcomes = [];
  try {
    for (const p of selected) {
      const o = await p.run({ ...(session ? { session } : {}), mutations: [] }, runOptions(p));
      outcomes.push(o);
      say(renderOutcome(o));
    }
  } finally {
    await session?.close();
  }
  const report = buildReport(startedAt, through, outcomes);
  writeReport(reportFile, report);
  if (f.json) say(JSON.stringify(report, null, 2));
  const t = report.throughput;
  if (t.steps > 0)
    say(
      `throughput: ${t.steps} model steps in ${t.seconds.toFixed(1)} s = ${t.stepsPerSecond} steps/s over HTTP (${through})`,
    );
  say(
    `${outcomes.filter((o) => o.ok).length} of ${outcomes.length} properties passed; report: ${reportFile}`,
  );
  return report.ok ? 0 : 1;
};

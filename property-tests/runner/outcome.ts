// What running one property produced, as data: passed or failed, and for a failure everything needed to replay it.
import type { StepSpec } from '../commands/steps.ts';
import type { RunParams } from '../harness/run-params.ts';

export type Failure = {
  /** fast-check's path of the (shrunk) counterexample. */
  path: string;
  /** fast-check's replay hint for command sequences (`fc.commands({replayPath})`), when there is one. */
  replayPath?: string;
  /** The check that broke (model-agreement or an invariant), when the suite threw it. */
  check?: string;
  message: string;
  /** The steps of the failing run that ran, as specs, and its drawn settings (model runs only). */
  steps?: StepSpec[];
  params?: RunParams;
  /** The failing value, printed (pure and schema properties). */
  counterexample?: string;
};

export type PropertyOutcome = {
  name: string;
  ok: boolean;
  seed: number;
  numRuns: number;
  /** Runs of the property body, shrinking included. */
  executions: number;
  /** Model steps run against the simulator (model runs only). */
  steps: number;
  durationMs: number;
  /** How often each kind of call and answer occurred (`<op> <outcome> [code]`), model runs only. */
  coverage?: Record<string, number>;
  failure?: Failure;
};

export type RunOptions = {
  numRuns: number;
  seed?: number;
  path?: string;
  replayPath?: string;
  /** Stop at the first failure without shrinking (always set when replaying a path). */
  endOnFailure?: boolean;
  /** Longest command sequence of a model run. */
  maxCommands?: number;
};

/** The command line that replays a failure exactly (with the fault switched on, for the mutation check). */
export const replayCommand = (o: PropertyOutcome, mutation?: string): string | undefined =>
  o.failure &&
  `npm run harness -- props${mutation ? ` --mutations ${mutation}` : ''} --only '${o.name}' --seed ${o.seed} --path '${o.failure.path}'` +
    (o.failure.replayPath ? ` --replay-path '${o.failure.replayPath}'` : '');

/** The failure in words: which property, which check, seed, path, the replay command and the failing steps. */
export const renderFailure = (o: PropertyOutcome, mutation?: string): string => {
  const f = o.failure;
  if (!f) return `${o.name}: passed ${o.numRuns} runs (seed ${o.seed})`;
  return [
    `property ${o.name} failed${f.check ? ` (check ${f.check})` : ''}`,
    `  seed: ${o.seed}`,
    `  path: ${f.path}`,
    ...(f.replayPath ? [`  replayPath: ${f.replayPath}`] : []),
    `  replay: ${replayCommand(o, mutation)}`,
    ...(f.params ? [`  params: ${JSON.stringify(f.params)}`] : []),
    ...(f.steps ? ['  steps:', ...f.steps.map((s) => `    ${JSON.stringify(s)}`)] : []),
    ...(f.counterexample ? [`  counterexample: ${f.counterexample}`] : []),
    `  ${f.message.split('\n').join('\n  ')}`,
  ].join('\n');
};

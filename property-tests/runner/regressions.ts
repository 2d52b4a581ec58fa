// Regression files: each counterexample the suite found (a simulator fault, a deliberate mutation), kept as exact steps.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MUTATIONS } from '../mutations/faults.ts';
import { StepSpec } from '../commands/steps.ts';
import { RunParams } from '../harness/run-params.ts';

export const REGRESSIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'regressions');

export const Regression = z.strictObject({
  /** The file name without `.json`. */
  name: z.string().regex(/^[a-z0-9-]+$/),
  /** The model-run property that found it (its checks are replayed). */
  property: z.string(),
  /** What the steps show. */
  about: z.string(),
  /** How it was found: property, seed, path. */
  found: z.string(),
  /** Faults switched on when replaying (the mutation check); the same steps must pass without them. */
  mutations: z.array(z.enum(MUTATIONS)).default([]),
  /** With the mutations on: the check that must break; absent: the steps must pass. */
  failsWith: z.string().optional(),
  params: RunParams.default({}),
  steps: z.array(StepSpec).min(1),
});
export type Regression = z.infer<typeof Regression>;
export type RegressionInput = z.input<typeof Regression>;

export const loadRegressions = (dir: string = REGRESSIONS_DIR): Regression[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = Regression.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      if (`${r.name}.json` !== f) throw new Error(`regression ${f} is named ${r.name}`);
      return r;
    });

export const saveRegression = (r: RegressionInput, dir: string = REGRESSIONS_DIR): string => {
  const parsed = Regression.parse(r);
  const file = path.join(dir, `${parsed.name}.json`);
  writeFileSync(file, `${JSON.stringify(parsed, null, 2)}\n`);
  return file;
};

// The property suite as data: every property by name, what it says, its default runs, and how to run it.
import { type Vendor, VENDORS } from '../../vendors/index.ts';
import type { Mutation } from '../mutations/faults.ts';
import type { Session } from '../harness/session.ts';
import { INVARIANTS, invariantsOf } from '../invariants/index.ts';
import { checkModelRuns } from './model-property.ts';
import type { PropertyOutcome, RunOptions } from './outcome.ts';
import { PURE_PROPERTIES } from './pure-properties.ts';
import { SCHEMA_PROPERTIES } from './schema-properties.ts';

export type PropertyGroup = 'model' | 'invariant' | 'pure' | 'schema';

export type RunContext = {
  /** The live simulator (model and invariant properties need it). */
  session?: Session;
  /** Faults switched on for this run (mutation check): engine-level pure properties apply them too. */
  mutations: readonly Mutation[];
};

export type SuiteProperty = {
  name: string;
  says: string;
  group: PropertyGroup;
  vendor?: Vendor;
  /** Runs in the default `npm test` share (kept small: the whole suite has two minutes on two cores). */
  defaultRuns: number;
  run(ctx: RunContext, opts: RunOptions): Promise<PropertyOutcome>;
};

const needSession = (ctx: RunContext): Session => {
  if (!ctx.session) throw new Error('this property drives the live simulator: open a session first');
  return ctx.session;
};

/** Model and simulator agree after every step (answers and the platform's record), and every invariant holds. */
export const MODEL_PROPERTIES: readonly SuiteProperty[] = VENDORS.map(({ id: vendor }) => ({
  name: `model-agreement/${vendor}`,
  says: `model and simulator agree after every step of a ${vendor} run, and every invariant holds`,
  group: 'model',
  vendor,
  defaultRuns: 40,
  run: (ctx, opts) =>
    checkModelRuns(
      `model-agreement/${vendor}`,
      needSession(ctx),
      vendor,
      { agreement: true, invariants: invariantsOf(vendor) },
      opts,
    ),
}));

/** Each invariant alone, judged only on what the simulator answered and recorded (the model only picks targets). */
export const INVARIANT_PROPERTIES: readonly SuiteProperty[] = INVARIANTS.flatMap((inv) =>
  VENDORS.filter((v) => v.props.invariants.includes(inv)).map(
    ({ id: vendor }): SuiteProperty => ({
      name: `invariant/${inv.name}/${vendor}`,
      says: inv.says,
      group: 'invariant',
      vendor,
      defaultRuns: 8,
      run: (ctx, opts) =>
        checkModelRuns(
          `invariant/${inv.name}/${vendor}`,
          needSession(ctx),
          vendor,
          { agreement: false, invariants: [inv] },
          opts,
        ),
    }),
  ),
);

export const PROPERTIES: readonly SuiteProperty[] = [
  ...MODEL_PROPERTIES,
  ...INVARIANT_PROPERTIES,
  ...PURE_PROPERTIES,
  ...SCHEMA_PROPERTIES,
];

export const propertyNamed = (name: string): SuiteProperty | undefined =>
  PROPERTIES.find((p) => p.name === name);

/** Properties whose name matches a glob-ish filter (`*` any text), e.g. `invariant/*`, `model-agreement/enos`. */
export const selectProperties = (filter: string | undefined): SuiteProperty[] => {
  if (!filter) return [...PROPERTIES];
  const patterns = filter.split(',').map(
    (f) =>
      new RegExp(
        `^${f
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      ),
  );
  return PROPERTIES.filter((p) => patterns.some((re) => re.test(p.name)));
};

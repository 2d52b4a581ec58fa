// Properties without the simulator: state mappings and timestamps round-trip, the throttle and lifecycle models against the engine.
import fc from 'fast-check';
import { formatHuaweiTime, HUAWEI_TIME_REGEX, parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { CANONICAL_STATES, type CanonicalState } from '../../contracts/common/lifecycle.ts';
import { predictAllowed } from '../../simulators/model/throttle-predict.ts';
import { throttlesWith } from '../mutations/throttle.ts';
import { VENDORS } from '../../vendors/index.ts';
import { FixedWindowModel } from '../model/throttle-window.ts';
import { lifecycleAgainstEngine } from './engine-property.ts';
import { checkPure, holds } from './pure-property.ts';
import type { SuiteProperty } from './properties.ts';

const states = fc.array(fc.constantFrom(...CANONICAL_STATES), { minLength: 1, maxLength: 16 });

/** Every vendor's mapping, both ways, and against the model's own tables (VENDOR-NOTES section 4). */
const mappingProblems = (seq: readonly CanonicalState[]): string[] => {
  const out: string[] = [];
  const eq = (what: string, a: unknown, b: unknown) => {
    if (a !== b) out.push(`${what}: ${String(a)} != ${String(b)}`);
  };
  for (const s of seq) for (const v of VENDORS) v.props.mappingProblems(s, eq);
  return out;
};

const timestampProblems = (t: number): string[] => {
  const text = formatHuaweiTime(t);
  const out: string[] = [];
  if (!new RegExp(HUAWEI_TIME_REGEX).test(text))
    out.push(`${t} formats as ${text}, not yyyyMMdd'T'HHmmss'Z'`);
  const back = parseHuaweiTime(text);
  if (back !== Math.floor(t / 1000) * 1000)
    out.push(`${text} parses to ${back}, expected ${Math.floor(t / 1000) * 1000}`);
  if (back !== undefined && formatHuaweiTime(back) !== text)
    out.push(`${text} does not format back to itself`);
  return out;
};

/** A valid Huawei timestamp with one component pushed out of range must not parse (no silent roll-over). */
const corrupted = fc
  .record({
    t: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }),
    field: fc.constantFrom(4, 6, 9, 11, 13),
    value: fc.constantFrom('13', '32', '24', '60', '61', '99', '00'),
  })
  .map(({ t, field, value }) => {
    const text = formatHuaweiTime(t);
    return `${text.slice(0, field)}${value}${text.slice(field + 2)}`;
  })
  .filter((text) => {
    const [mo, d, h, mi, s] = [4, 6, 9, 11, 13].map((i) => Number(text.slice(i, i + 2)));
    return mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59;
  });

/** Calls of up to three applications at non-decreasing platform times. */
const throttleCase = fc.record({
  limit: fc.integer({ min: 1, max: 6 }),
  windowMs: fc.integer({ min: 1, max: 5000 }),
  originMs: fc.integer({ min: -10_000, max: 10_000 }),
  start: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  calls: fc.array(fc.record({ app: fc.constantFrom('a', 'b', 'c'), gap: fc.nat({ max: 3000 }) }), {
    minLength: 1,
    maxLength: 60,
  }),
});

export const PURE_PROPERTIES: readonly SuiteProperty[] = [
  {
    name: 'pure/state-mappings-round-trip',
    says: "every vendor's state mapping round-trips (EnOS DELIVERED reads back as SENT; IoTDA has no CANCELED) and matches VENDOR-NOTES",
    group: 'pure',
    defaultRuns: 100,
    run: (_ctx, opts) =>
      checkPure(
        'pure/state-mappings-round-trip',
        states,
        (seq) => holds('state-mappings', mappingProblems(seq)),
        opts,
      ),
  },
  {
    name: 'pure/timestamps-round-trip',
    says: "yyyyMMdd'T'HHmmss'Z' formats and parses back to the second, and an out-of-range component never parses",
    group: 'pure',
    defaultRuns: 300,
    run: (_ctx, opts) =>
      checkPure(
        'pure/timestamps-round-trip',
        fc.tuple(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), corrupted),
        ([t, bad]) =>
          holds('timestamps', [
            ...timestampProblems(t),
            ...(parseHuaweiTime(bad) === undefined ? [] : [`${bad} parsed although out of range`]),
          ]),
        opts,
      ),
  },
  {
    name: 'pure/throttle-window',
    says: 'the simulator throttle, its predictor and the model admit the same calls: at most `limit` per window per app',
    group: 'pure',
    defaultRuns: 200,
    run: (ctx, opts) =>
      checkPure(
        'pure/throttle-window',
        throttleCase,
        (c) => {
          const config = {
            limit: c.limit,
            windowMs: c.windowMs,
            originMs: c.originMs,
            algorithm: 'fixed-window' as const,
          };
          const engine = throttlesWith(ctx.mutations)(config);
          const model = new FixedWindowModel(config);
          const times = new Map<string, number[]>();
          const engineSays = new Map<string, boolean[]>();
          const problems: string[] = [];
          let t = c.start;
          for (const [i, call] of c.calls.entries()) {
            t += call.gap;
            const e = engine.check(call.app, t).allowed;
            const m = model.admit(call.app, t);
            if (e !== m) problems.push(`call ${i} of ${call.app} at ${t}: simulator ${e}, model ${m}`);
            times.set(call.app, [...(times.get(call.app) ?? []), t]);
            engineSays.set(call.app, [...(engineSays.get(call.app) ?? []), e]);
          }
          for (const [app, ts] of times) {
            const predicted = predictAllowed(config, ts).decisions;
            if (JSON.stringify(predicted) !== JSON.stringify(engineSays.get(app)))
              problems.push(
                `app ${app}: predictAllowed ${JSON.stringify(predicted)}, simulator ${JSON.stringify(engineSays.get(app))}`,
              );
          }
          holds('throttle-window', problems);
        },
        opts,
      ),
  },
  lifecycleAgainstEngine,
];

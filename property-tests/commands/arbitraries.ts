// fast-check arbitraries of step specs, per vendor: values chosen to land on boundaries (TTLs, delays, windows).
import fc from 'fast-check';
import type { Vendor } from '../../contracts/common/problem.ts';
import type { Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import { commandOf } from './index.ts';
import type { CallSpec, StepSpec, Target } from './spec.ts';

const device = fc.nat({ max: 5 });
const by = fc.constantFrom('asset' as const, 'asset' as const, 'keys' as const);
const bound = fc.option(fc.nat({ max: 40 }), { nil: null, freq: 2 });

const target: fc.Arbitrary<Target> = fc.record({
  pick: fc.nat({ max: 40 }),
  via: fc.oneof(
    { weight: 6, arbitrary: fc.constant('own' as const) },
    { weight: 3, arbitrary: fc.constant('newest' as const) },
    { weight: 1, arbitrary: fc.constant('other-device' as const) },
    { weight: 1, arbitrary: fc.constant('unknown-id' as const) },
  ),
});

/** Whole seconds, so TTLs and timeouts line up with the advances and with the one-second timestamp resolution. */
const seconds = (...values: number[]) => fc.constantFrom(...values);

const CALLS: Record<Vendor, { weight: number; arbitrary: fc.Arbitrary<CallSpec> }[]> = {
  enos: [
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('enos-create' as const),
        device,
        action: fc.constantFrom('invokeService' as const, 'setMeasurepoint' as const),
        pendingTtl: seconds(0, 1, 2, 5, 30, 3600),
        timeout: seconds(1, 2, 30, 60),
        by,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('enos-get' as const), target, by }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('enos-cancel' as const), target, by }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('enos-cancel-all' as const), device, by }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('enos-search' as const),
        device,
        state: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
        pageNo: fc.integer({ min: 1, max: 3 }),
        pageSize: fc.constantFrom(1, 2, 10, 100),
      }),
    },
  ],
  oceanconnect: [
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('oc-create' as const),
        device,
        expireTime: fc.constantFrom(null, 0, 1, 2, 5, 30, 3600),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('oc-modify' as const), target }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('oc-revoke' as const), device }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('oc-query' as const),
        device,
        from: bound,
        to: bound,
        pageNo: fc.constantFrom(0, 0, 1, 2),
        pageSize: fc.constantFrom(1000, 1, 2, 5),
      }),
    },
  ],
  iotda: [
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('iotda-create' as const),
        device,
        strategy: fc.constantFrom('delay' as const, 'delay' as const, 'immediately' as const),
        expireTime: fc.constantFrom(null, 0, 1, 2, 5, 30, 3600),
      }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('iotda-show' as const), target }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('iotda-list' as const),
        device,
        which: fc.constantFrom('queued' as const, 'history' as const),
        since: bound,
        offset: fc.option(fc.constantFrom(0, 1, 2, 5), { nil: null }),
        limit: fc.option(fc.constantFrom(1, 2, 10, 50), { nil: null }),
      }),
    },
  ],
};

const COMMON: { weight: number; arbitrary: fc.Arbitrary<StepSpec> }[] = [
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('online' as const), device, online: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('behaviour' as const),
      device,
      ackDelayMs: fc.constantFrom(0, 1, 500, 2000, 45_000),
      responseDelayMs: fc.constantFrom(0, 1, 1000, 5000, 45_000),
      fails: fc.boolean(),
      silent: fc.oneof(
        { weight: 5, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.constantFrom(1, 499, 500, 999, 1000, 1500, 2000, 5000, 9999, 10_000, 30_000, 60_000),
        fc.integer({ min: 0, max: 120_000 }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance-to-event' as const),
      offsetMs: fc.constantFrom(0, 0, -1),
    }),
  },
];

/** The vendor's calls alone (what a burst repeats). */
export const callSpecArb = (vendor: Vendor): fc.Arbitrary<CallSpec> => fc.oneof(...CALLS[vendor]);

/** Every step a run on this vendor can take, weighted towards creates, state changes and exact advances. */
export const stepSpecArb = (vendor: Vendor): fc.Arbitrary<StepSpec> =>
  fc.oneof(...CALLS[vendor], ...COMMON, {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      times: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 2, max: 12 }) },
        { weight: 1, arbitrary: fc.constant(vendor === 'enos' ? 51 : 21) },
      ),
      of: callSpecArb(vendor),
    }),
  });

export type RunShape = { maxCommands: number; replayPath?: string };

/** The command sequences fast-check generates and shrinks for one vendor. */
export const commandsArb = (
  vendor: Vendor,
  shape: RunShape,
  steps: fc.Arbitrary<StepSpec> = stepSpecArb(vendor),
): fc.Arbitrary<Iterable<fc.AsyncCommand<PropsModel, Real>>> =>
  fc.commands([steps.map((s): fc.AsyncCommand<PropsModel, Real> => commandOf(s))], {
    maxCommands: shape.maxCommands,
    size: 'max',
    ...(shape.replayPath ? { replayPath: shape.replayPath } : {}),
  });

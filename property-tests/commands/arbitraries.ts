// fast-check arbitraries of step specs for one vendor's runs: its calls (property-tests/<vendor>/calls.ts), platform steps, bursts.
import fc from 'fast-check';
import { type Vendor, vendorOf } from '../../vendors/index.ts';
import type { Real } from '../harness/real.ts';
import type { PropsModel } from '../model/state.ts';
import { commandOf } from './index.ts';
import { device } from './parts.ts';
import type { CallSpec, StepSpec } from './steps.ts';

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
export const callSpecArb = (vendor: Vendor): fc.Arbitrary<CallSpec> =>
  fc.oneof(...(vendorOf(vendor).props.callArbs as { weight: number; arbitrary: fc.Arbitrary<CallSpec> }[]));

/** Every step a run on this vendor can take, weighted towards creates, state changes and exact advances. */
export const stepSpecArb = (vendor: Vendor): fc.Arbitrary<StepSpec> =>
  fc.oneof(
    ...(vendorOf(vendor).props.callArbs as { weight: number; arbitrary: fc.Arbitrary<StepSpec> }[]),
    ...COMMON,
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('burst' as const),
        times: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 2, max: 12 }) },
          /** One call more than the vendor's pending cap. */
          { weight: 1, arbitrary: fc.constant(vendorOf(vendor).pendingCap + 1) },
        ),
        of: callSpecArb(vendor),
      }),
    },
  );

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

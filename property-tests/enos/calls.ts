// The EnOS calls a model run can make: their specs (zod, what regressions keep), their arbitraries, and their command classes.
import fc from 'fast-check';
import { z } from 'zod';
import { Device, device, seconds, Target, target } from '../commands/parts.ts';
import type { StepCommand } from '../commands/support.ts';
import { CancelAllEnos } from './cancel-all.ts';
import { CancelOneEnos } from './cancel-one.ts';
import { CreateEnos } from './create.ts';
import { GetEnos } from './get.ts';
import { SearchEnos } from './search.ts';

/** How an EnOS call names its device: by assetId, or by productKey + deviceKey (both documented). */
const EnosBy = z.enum(['asset', 'keys']).default('asset');

export const CALLS = [
  z.object({
    kind: z.literal('enos-create'),
    device: Device,
    action: z.enum(['invokeService', 'setMeasurepoint']),
    /** Seconds a command may stay cached; 0 sends it now (an instant command). */
    pendingTtl: z.number().int().min(0).max(172_800),
    /** Seconds the device has to respond, 1..60. */
    timeout: z.number().int().min(1).max(60),
    by: EnosBy,
  }),
  z.object({ kind: z.literal('enos-get'), target: Target, by: EnosBy }),
  z.object({ kind: z.literal('enos-cancel'), target: Target, by: EnosBy }),
  z.object({ kind: z.literal('enos-cancel-all'), device: Device, by: EnosBy }),
  /** action=search: `state = N` (or every command), newest first, one page. */
  z.object({
    kind: z.literal('enos-search'),
    device: Device,
    state: z.number().int().min(1).max(7).nullable(),
    pageNo: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(100),
  }),
] as const;
export type Call = z.infer<(typeof CALLS)[number]>;

const by = fc.constantFrom('asset' as const, 'asset' as const, 'keys' as const);

export const CALL_ARBS: { weight: number; arbitrary: fc.Arbitrary<Call> }[] = [
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
];

export const commandOf = (s: Call): StepCommand => {
  switch (s.kind) {
    case 'enos-create':
      return new CreateEnos(s);
    case 'enos-get':
      return new GetEnos(s);
    case 'enos-cancel':
      return new CancelOneEnos(s);
    case 'enos-cancel-all':
      return new CancelAllEnos(s);
    case 'enos-search':
      return new SearchEnos(s);
  }
};

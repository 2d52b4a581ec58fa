// The OceanConnect calls a model run can make: their specs (zod, what regressions keep), their arbitraries, and their command classes.
import fc from 'fast-check';
import { z } from 'zod';
import { Bound, bound, Device, device, Target, target } from '../commands/parts.ts';
import type { StepCommand } from '../commands/support.ts';
import { CreateOceanConnect } from './create.ts';
import { ModifyCanceledOceanConnect } from './modify-canceled.ts';
import { QueryOceanConnect } from './query.ts';
import { RevokeOceanConnect } from './revoke.ts';

export const CALLS = [
  z.object({
    kind: z.literal('oc-create'),
    device: Device,
    /** Seconds; null leaves it out (48 h); 0 sends now. */
    expireTime: z.number().int().min(0).nullable(),
  }),
  z.object({ kind: z.literal('oc-modify'), target: Target }),
  z.object({ kind: z.literal('oc-revoke'), device: Device }),
  /** GET deviceCommands of one device: creation time between two commands' (to the second), one page. */
  z.object({
    kind: z.literal('oc-query'),
    device: Device,
    from: Bound,
    to: Bound,
    pageNo: z.number().int().nonnegative().default(0),
    pageSize: z.number().int().min(1).max(1000).default(1000),
  }),
] as const;
export type Call = z.infer<(typeof CALLS)[number]>;

export const CALL_ARBS: { weight: number; arbitrary: fc.Arbitrary<Call> }[] = [
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
];

export const commandOf = (s: Call): StepCommand => {
  switch (s.kind) {
    case 'oc-create':
      return new CreateOceanConnect(s);
    case 'oc-modify':
      return new ModifyCanceledOceanConnect(s);
    case 'oc-revoke':
      return new RevokeOceanConnect(s);
    case 'oc-query':
      return new QueryOceanConnect(s);
  }
};

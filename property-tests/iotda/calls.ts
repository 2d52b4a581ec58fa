// The IoTDA calls a model run can make: their specs (zod, what regressions keep), their arbitraries, and their command classes.
import fc from 'fast-check';
import { z } from 'zod';
import { Bound, bound, Device, device, Target, target } from '../commands/parts.ts';
import type { StepCommand } from '../commands/support.ts';
import { CreateIotda } from './create.ts';
import { ListIotda } from './list.ts';
import { ShowIotda } from './show.ts';

export const CALLS = [
  z.object({
    kind: z.literal('iotda-create'),
    device: Device,
    strategy: z.enum(['delay', 'immediately']),
    /** Seconds; null leaves it out (24 h for delay). */
    expireTime: z.number().int().min(0).max(172_800).nullable(),
  }),
  z.object({ kind: z.literal('iotda-show'), target: Target }),
  /** GET async-commands (queued) or async-commands-history, created since a command's creation, one page. */
  z.object({
    kind: z.literal('iotda-list'),
    device: Device,
    which: z.enum(['queued', 'history']),
    since: Bound,
    offset: z.number().int().min(0).max(500).nullable(),
    limit: z.number().int().min(1).max(50).nullable(),
  }),
] as const;
export type Call = z.infer<(typeof CALLS)[number]>;

export const CALL_ARBS: { weight: number; arbitrary: fc.Arbitrary<Call> }[] = [
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
];

export const commandOf = (s: Call): StepCommand => {
  switch (s.kind) {
    case 'iotda-create':
      return new CreateIotda(s);
    case 'iotda-show':
      return new ShowIotda(s);
    case 'iotda-list':
      return new ListIotda(s);
  }
};

// Every step a run can take: the registered vendors' calls, the platform steps, and a burst of one call.
import { z } from 'zod';
import { type AnyVendor, VENDORS } from '../../vendors/index.ts';
import type { CallSchema, PropsVendor } from '../vendor.ts';
import { COMMON_STEPS, type CommonStep } from './spec.ts';

/** The calls of every vendor's API, each through the vendor's reference client. */
type CallOf<P> = P extends PropsVendor<infer C, infer _Fleet, infer _Clients> ? C : never;
export type CallSpec = CallOf<AnyVendor['props']>;
export type BurstStep = { kind: 'burst'; times: number; of: CallSpec };
export type StepSpec = CallSpec | CommonStep | BurstStep;

const callOptions = VENDORS.flatMap((v): CallSchema[] => [...v.props.calls]);

export const CallSpec = z.discriminatedUnion(
  'kind',
  callOptions as [CallSchema, ...CallSchema[]],
) as unknown as z.ZodType<CallSpec>;

export const StepSpec = z.discriminatedUnion('kind', [
  ...callOptions,
  ...COMMON_STEPS,
  z.object({ kind: z.literal('burst'), times: z.number().int().min(1).max(100), of: CallSpec }),
] as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<StepSpec>;

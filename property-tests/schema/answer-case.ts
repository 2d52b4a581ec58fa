// What an answer case is: a vendor answer drawn from its pinned schema and handed to its reference client (each vendor's own in property-tests/<vendor>/answers.ts).
import fc from 'fast-check';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { formatHuaweiTime, HuaweiTime } from '../../contracts/common/huawei-time.ts';
import type { Result, Vendor } from '../../contracts/common/problem.ts';

/** Where probed clients send their calls: an undici MockAgent answers them (schema/probe.ts). */
export const PROBE_ORIGIN = 'http://answers.test';

type Call = (dispatcher: Dispatcher) => Promise<Result<unknown>>;

/** A success answer: generated from `strict`, read by the client with `reader`. */
export type SuccessCase = {
  vendor: Vendor;
  name: string;
  status: number;
  strict: z.ZodType;
  reader: z.ZodType;
  method: 'GET' | 'POST' | 'PUT';
  call: Call;
  /** Paths never broken: EnOS's `code` decides between a success and an error envelope (the error cases cover it). */
  fixed?: readonly string[];
};

/** An error answer: what the client must report as that vendor error (or as throttled). */
export type ErrorCase = {
  vendor: Vendor;
  name: string;
  answer: fc.Arbitrary<{ status: number; body: unknown }>;
  call: Call;
  method: 'GET' | 'POST' | 'PUT';
};

/** A refinement the structure of a schema cannot show, drawn directly (a timestamp, a URL). */
export type Override = readonly [z.ZodType, fc.Arbitrary<unknown>];

/** The draws every vendor shares: Huawei timestamps. Each vendor adds its own (answers.ts OVERRIDES). */
export const COMMON_OVERRIDES: readonly Override[] = [
  [HuaweiTime, fc.integer({ min: 0, max: Date.UTC(2099, 11, 31) }).map(formatHuaweiTime)],
];

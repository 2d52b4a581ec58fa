// The answers every registered vendor's reference client reads, as data: each vendor's cases and the draws no schema can show.
import type fc from 'fast-check';
import type { z } from 'zod';
import { VENDORS } from '../../vendors/index.ts';
import { COMMON_OVERRIDES, type ErrorCase, type SuccessCase } from './answer-case.ts';
import type { Overrides } from './zod-arbitrary.ts';

export { type ErrorCase, PROBE_ORIGIN, type SuccessCase } from './answer-case.ts';

/** Refinements the structure of a schema cannot show: timestamps and URLs are drawn directly. */
export const OVERRIDES: Overrides = new Map<z.ZodType, fc.Arbitrary<unknown>>([
  ...COMMON_OVERRIDES,
  ...VENDORS.flatMap((v) => v.props.answerOverrides),
]);

export const SUCCESS_CASES: readonly SuccessCase[] = VENDORS.flatMap((v) => v.props.successCases);
export const ERROR_CASES: readonly ErrorCase[] = VENDORS.flatMap((v) => v.props.errorCases);

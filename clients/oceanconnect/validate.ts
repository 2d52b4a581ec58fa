// Checks a client method's input against the contract's request schema before anything is sent, naming the refused field.
import type { z } from 'zod';
import { invalidInput, type Problem } from '../../contracts/common/problem.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Parses `input` with `schema`; the first issue becomes `invalid-input` with the dotted field name (e.g. `command.method`). */
export const checkInput = <S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> => {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: invalidInput('oceanconnect', parsed.error, input) };
};

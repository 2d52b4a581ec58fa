// Checks a client method's input against the contract's request schema before anything is sent, naming the refused field.
import type { z } from 'zod';
import type { Problem } from '../../contracts/common/problem.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let here: unknown = input;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
};

/** Parses `input` with `schema`; the first issue becomes `invalid-input` with the dotted field name (e.g. `command.method`). */
export const checkInput = <S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  const field =
    issue.code === 'unrecognized_keys'
      ? [...path, issue.keys.join(',')].join('.')
      : path.join('.') || '(input)';
  return {
    ok: false,
    problem: {
      kind: 'invalid-input',
      vendor: 'oceanconnect',
      field,
      reason: issue.message,
      received: valueAt(
        input,
        issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path,
      ),
    },
  };
};

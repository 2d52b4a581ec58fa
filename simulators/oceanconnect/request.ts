// Reading an OceanConnect request: its query without the replay marker, parsed with a contract schema or refused.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CASE_QUERY } from '../replay/replay-case.ts';
import { invalidInput, type OcAnswer } from './answers.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; answer: OcAnswer };

/** The query string as fastify parsed it, minus the replay marker (a marker nobody answered reaches the model). */
export const queryOf = (req: FastifyRequest): Record<string, unknown> => {
  const { [CASE_QUERY]: _marker, ...rest } = (req.query ?? {}) as Record<string, unknown>;
  return rest;
};

/** Parses one part of the request with its contract schema; a refusal is 400 100022 naming the fields. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown, where: string): Parsed<z.output<S>> => {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, answer: invalidInput(where, r.error) };
};

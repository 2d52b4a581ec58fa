// Outcomes of the load runner's steps: a value, or a Problem (kind "load") that renderProblem turns into words.
import type { Problem } from '../../contracts/common/problem.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const loadProblem = (stage: string, message: string, output?: string): Problem =>
  output === undefined ? { kind: 'load', stage, message } : { kind: 'load', stage, message, output };

export const refused = <T = never>(stage: string, message: string, output?: string): Outcome<T> => ({
  ok: false,
  problem: loadProblem(stage, message, output),
});

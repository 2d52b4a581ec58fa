// Schema-driven properties: answers drawn from the pinned schemas parse in the clients; broken ones are refused by field.
import fc from 'fast-check';
import { type Vendor, VENDORS, vendorOf } from '../../vendors/index.ts';
import { ERROR_CASES, OVERRIDES, SUCCESS_CASES, type SuccessCase } from '../schema/answer-cases.ts';
import { type AnswerMutation, applyMutation, mutationsOf } from '../schema/answer-mutations.ts';
import { probe } from '../schema/probe.ts';
import { arbitraryOf } from '../schema/zod-arbitrary.ts';
import type { SuiteProperty } from './properties.ts';
import { checkPure, holds } from './pure-property.ts';

/** Drawn values name their case (printing a case would print its schemas). */
type Drawn =
  | { kind: 'success'; name: string; body: unknown }
  | { kind: 'error'; name: string; status: number; body: unknown };

const successCase = (name: string): SuccessCase => SUCCESS_CASES.find((c) => c.name === name)!;
const errorCase = (name: string) => ERROR_CASES.find((c) => c.name === name)!;

const validAnswers = (vendor: Vendor): fc.Arbitrary<Drawn> =>
  fc.oneof(
    ...SUCCESS_CASES.filter((c) => c.vendor === vendor).map((c) =>
      arbitraryOf(c.strict, OVERRIDES).map((body): Drawn => ({ kind: 'success', name: c.name, body })),
    ),
    ...ERROR_CASES.filter((c) => c.vendor === vendor).map((c) =>
      c.answer.map((a): Drawn => ({ kind: 'error', name: c.name, status: a.status, body: a.body })),
    ),
  );

const brokenAnswers = (vendor: Vendor) =>
  fc.oneof(
    ...SUCCESS_CASES.filter((c) => c.vendor === vendor).map((c) =>
      arbitraryOf(c.strict, OVERRIDES)
        .map((body) => ({
          body,
          mutations: mutationsOf(c.reader, body).filter((m) => !c.fixed?.includes(m.path.join('.'))),
        }))
        .filter((x) => x.mutations.length > 0)
        .chain(({ body, mutations }) =>
          fc.constantFrom(...mutations).map((m) => ({ name: c.name, body, mutation: m as AnswerMutation })),
        ),
    ),
  );

const codeOf = (body: unknown): string =>
  String((body as { code?: unknown; error_code?: unknown }).error_code ?? (body as { code?: unknown }).code);

export const SCHEMA_PROPERTIES: readonly SuiteProperty[] = VENDORS.flatMap(
  ({ id: vendor }): SuiteProperty[] => [
    {
      name: `schema/valid-answers-parse/${vendor}`,
      says: `every ${vendor} answer drawn from the pinned schemas (errors included) is accepted by the reference client`,
      group: 'schema',
      vendor,
      defaultRuns: 150,
      run: (_ctx, opts) =>
        checkPure(
          `schema/valid-answers-parse/${vendor}`,
          validAnswers(vendor),
          async (d) => {
            if (d.kind === 'success') {
              const c = successCase(d.name);
              const r = await probe(c, c.status, d.body);
              holds('valid-answer-parses', r.ok ? [] : [`${d.name}: ${JSON.stringify(r.problem)}`]);
              return;
            }
            const r = await probe(errorCase(d.name), d.status, d.body);
            const code = codeOf(d.body);
            const p = r.ok ? undefined : r.problem;
            const seen =
              p?.kind === 'vendor-error'
                ? p.code
                : p?.kind === 'throttled' && p.last.kind === 'vendor-error'
                  ? p.last.code
                  : undefined;
            const kind = vendorOf(vendor).props.throttledCodes.includes(code) ? 'throttled' : 'vendor-error';
            holds(
              'valid-answer-parses',
              p?.kind === kind && seen === code
                ? []
                : [`${d.name} ${code}: the client made ${JSON.stringify(r)}`],
            );
          },
          opts,
        ),
    },
    {
      name: `schema/broken-answers-refused/${vendor}`,
      says: `a ${vendor} answer with a field missing, retyped, outside its enum or over-long is refused, naming that field`,
      group: 'schema',
      vendor,
      defaultRuns: 150,
      run: (_ctx, opts) =>
        checkPure(
          `schema/broken-answers-refused/${vendor}`,
          brokenAnswers(vendor),
          async ({ name, body, mutation }) => {
            const c = successCase(name);
            const field = mutation.path.length ? mutation.path.join('.') : '(root)';
            const r = await probe(c, c.status, applyMutation(body, mutation));
            const issues = !r.ok && r.problem.kind === 'invalid-response' ? r.problem.issues : [];
            const named = issues.some((i) => i.path === field);
            holds(
              'broken-answer-refused',
              named
                ? []
                : [
                    `${c.name}, ${mutation.kind} at ${field}: the client made ${JSON.stringify(r).slice(0, 600)}`,
                  ],
            );
          },
          opts,
        ),
    },
  ],
);

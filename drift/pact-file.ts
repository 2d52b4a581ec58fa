// The parts of a Pact V3/V4 file that replay and comparison read: interactions, provider states, requests, responses and matching rules.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Matcher = z.looseObject({
  match: z.string(),
  regex: z.string().optional(),
  min: z.number().int().nonnegative().optional(),
  max: z.number().int().nonnegative().optional(),
});
const RuleSet = z.looseObject({ combine: z.string().optional(), matchers: z.array(Matcher) });
const Body = z.looseObject({ content: z.unknown().optional(), contentType: z.string().optional() });

export const PactInteraction = z.looseObject({
  description: z.string(),
  providerStates: z.array(z.object({ name: z.string(), params: z.unknown().optional() })).optional(),
  request: z.looseObject({
    method: z.string(),
    path: z.string(),
    query: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
    headers: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
    body: z.union([Body, z.unknown()]).optional(),
  }),
  response: z.looseObject({
    status: z.number().int(),
    headers: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
    body: z.union([Body, z.unknown()]).optional(),
    matchingRules: z.looseObject({ body: z.record(z.string(), RuleSet).optional() }).optional(),
  }),
});
export type PactInteraction = z.infer<typeof PactInteraction>;
export type PactRuleSet = z.infer<typeof RuleSet>;

export const PactFile = z.looseObject({
  consumer: z.object({ name: z.string() }),
  provider: z.object({ name: z.string() }),
  interactions: z.array(PactInteraction),
});
export type PactFile = z.infer<typeof PactFile>;

export const readPactFile = (file: string): PactFile =>
  PactFile.parse(JSON.parse(readFileSync(file, 'utf8')));

/** V4 keeps a body as `{content, contentType}`, V3 as the bare JSON value. */
export const bodyContent = (body: unknown, v4: boolean): unknown =>
  v4 && body !== null && typeof body === 'object' && 'content' in body
    ? (body as { content?: unknown }).content
    : body;

export const isV4 = (pact: PactFile): boolean =>
  String(
    (pact.metadata as { pactSpecification?: { version?: string } } | undefined)?.pactSpecification?.version ??
      '',
  ).startsWith('4');

/** One value of a header or query field, whatever form the pact gives. */
export const firstValue = (v: string[] | string | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v;

/** A request header of an interaction by lower-case name (one value). */
export const requestHeader = (i: PactInteraction, name: string): string | undefined => {
  const entry = Object.entries(i.request.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry ? firstValue(entry[1]) : undefined;
};

/** A query parameter of an interaction's request (one value). */
export const queryValue = (i: PactInteraction, name: string): string | undefined =>
  firstValue(i.request.query?.[name]);

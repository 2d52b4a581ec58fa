// Runs one pinned interaction against a drift target as its need says: provider states on the simulator; elsewhere the request as pinned, or made for real (setup, alterations, cleanup), or "not reproducible here".
import { Need, type NeedParsed, type Step } from '../contracts/common/drift.ts';
import type { Vendor } from '../contracts/common/problem.ts';
import type { EndpointCredentials } from './vendor.ts';
import type { PactInteraction } from './pact-file.ts';
import type { ReplayAnswer } from './replay.ts';
import {
  alter,
  type DriftRequest,
  describeRequest,
  mapIds,
  requestOf,
  withBodyFields,
  withHeaders,
} from './request.ts';
import type { DriftTarget } from './targets.ts';

export type NeedRun =
  | { kind: 'answered'; answer: ReplayAnswer; notes: string[] }
  | { kind: 'not-reproducible'; reason: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; message: string };

export type NeedContext = {
  vendor: Vendor;
  v4: boolean;
  target: DriftTarget;
  /** The vendor's pinned interactions by description (steps replay them). */
  byDescription: ReadonlyMap<string, PactInteraction>;
  /** The team's credentials for this vendor; `renews` may replace its headers during the run. */
  credentials: EndpointCredentials;
  ids: Readonly<Record<string, string>>;
};

/** The value at a `$.a.b[0].c` path of a JSON value, as a string when it is a string or a number. */
export const valueAt = (body: unknown, at: string): string | undefined => {
  let v: unknown = body;
  for (const part of at.replace(/^\$/, '').match(/[^.[\]]+/g) ?? []) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

/** An interaction's request with the team's ids, headers and body fields. */
const prepared = (ctx: NeedContext, i: PactInteraction): DriftRequest =>
  withBodyFields(
    withHeaders(mapIds(requestOf(i, ctx.v4), ctx.ids), ctx.credentials.headers ?? {}),
    ctx.credentials.bodyFields ?? {},
  );

type Sent = { ok: true; answer: ReplayAnswer } | { ok: false; run: NeedRun };

const sendStep = async (
  ctx: NeedContext,
  step: Step,
  captured: Record<string, string>,
  role: 'setup' | 'cleanup',
): Promise<Sent> => {
  const i = ctx.byDescription.get(step.replay);
  if (!i)
    return { ok: false, run: { kind: 'error', message: `${role} step "${step.replay}" is not in the pact` } };
  const req = alter(prepared(ctx, i), step.alter ?? [], captured);
  if (typeof req === 'string')
    return { ok: false, run: { kind: 'error', message: `${role} "${step.replay}": ${req}` } };
  const r = await ctx.target.send(ctx.vendor, req);
  if (!r.ok)
    return {
      ok: false,
      run:
        r.reason === 'not-recorded'
          ? { kind: 'skipped', reason: `${role} request not recorded: ${describeRequest(req)}` }
          : { kind: 'error', message: `${role} ${describeRequest(req)}: ${r.message}` },
    };
  if (step.capture) {
    const value = valueAt(r.answer.body, step.capture.at);
    if (value === undefined)
      return {
        ok: false,
        run: {
          kind: 'error',
          message: `${role} ${describeRequest(req)} answered HTTP ${r.answer.status} without ${step.capture.at}: ${JSON.stringify(r.answer.body)}`,
        },
      };
    captured[step.capture.name] = value;
  }
  return { ok: true, answer: r.answer };
};

const onSimulator = async (ctx: NeedContext, i: PactInteraction): Promise<NeedRun> => {
  const states = i.providerStates ?? [];
  const refused = await ctx.target.setStates?.(ctx.vendor, states);
  if (refused) return { kind: 'error', message: refused };
  const r = await ctx.target.send(ctx.vendor, requestOf(i, ctx.v4), states[0]);
  return r.ok ? { kind: 'answered', answer: r.answer, notes: [] } : { kind: 'error', message: r.message };
};

const withoutControl = async (ctx: NeedContext, i: PactInteraction, need: NeedParsed): Promise<NeedRun> => {
  if (need.kind === 'state') return { kind: 'not-reproducible', reason: need.reason };
  const captured: Record<string, string> = {};
  for (const step of need.kind === 'made' ? need.setup : []) {
    const s = await sendStep(ctx, step, captured, 'setup');
    if (!s.ok) return s.run;
  }
  const req = alter(prepared(ctx, i), need.kind === 'made' ? need.alter : [], captured);
  if (typeof req === 'string') return { kind: 'error', message: req };
  const r = await ctx.target.send(ctx.vendor, req);
  if (!r.ok)
    return r.reason === 'not-recorded'
      ? { kind: 'skipped', reason: `not recorded: ${describeRequest(req)}` }
      : { kind: 'error', message: r.message };
  const notes: string[] = [];
  if (need.capture) {
    const value = valueAt(r.answer.body, need.capture.at);
    if (value === undefined) notes.push(`nothing to clean up: the answer has no ${need.capture.at}`);
    else captured[need.capture.name] = value;
  }
  if (need.kind === 'plain' && need.renews && Object.keys(ctx.credentials.bodyFields ?? {}).length > 0) {
    const value = valueAt(r.answer.body, need.renews.at);
    if (value !== undefined) {
      ctx.credentials.headers = {
        ...ctx.credentials.headers,
        [need.renews.header]: `${need.renews.prefix}${value}`,
      };
      notes.push(
        `the new credential at ${need.renews.at} replaces the team's ${need.renews.header} from here on`,
      );
    }
  }
  if (need.capture && captured[need.capture.name] !== undefined)
    for (const step of need.cleanup) {
      const s = await sendStep(ctx, step, captured, 'cleanup');
      if (!s.ok) notes.push(`cleanup failed: ${s.run.kind === 'error' ? s.run.message : s.run.kind}`);
      else if (s.answer.status >= 300)
        notes.push(
          `cleanup "${step.replay}" answered HTTP ${s.answer.status}: ${JSON.stringify(s.answer.body)}`,
        );
    }
  return { kind: 'answered', answer: r.answer, notes };
};

/** Runs an interaction as its need says (an undeclared need is an error: every pinned interaction must say what it needs). */
export const runNeed = async (
  ctx: NeedContext,
  i: PactInteraction,
  need: Need | undefined,
): Promise<NeedRun> => {
  if (ctx.target.mode === 'simulator') return onSimulator(ctx, i);
  if (!need)
    return {
      kind: 'error',
      message: `no need declared for "${i.description}" (contracts/<vendor>/drift.ts)`,
    };
  return withoutControl(ctx, i, Need.parse(need));
};

// Verifies a third party's consumer pact against a running simulator by replaying each interaction, and explains mismatches caused by vendor quirks.
import { z } from 'zod';
import { committedPactPath } from '../contracts/common/pact.ts';
import { perVendor, type Vendor, VendorId, VENDORS } from '../vendors/index.ts';
import { type KnownStates, chooseStates } from './default-states.ts';
import { diffJson } from './diff.ts';
import { acceptedByRules, arrayRuleOf } from './matching.ts';
import { bodyContent, isV4, type PactFile, readPactFile } from './pact-file.ts';
import { explain } from './quirks.ts';
import { replayInteraction, type ReplayTarget } from './replay.ts';

export const Mismatch = z.object({
  path: z.string(),
  kind: z.enum(['status', 'removed', 'type', 'value', 'length']),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  explanations: z.array(z.string()),
});
export type Mismatch = z.infer<typeof Mismatch>;

export const InteractionVerdict = z.object({
  description: z.string(),
  /** How provider states were set: the pact's own, a documented default (naming the replaced states), or none. */
  states: z.object({
    kind: z.enum(['ours', 'mapped', 'default', 'none']),
    used: z.array(z.string()),
    replaced: z.array(z.string()),
    /** For `mapped`: what the interaction asks for, and where that was read. */
    because: z.string().optional(),
  }),
  ok: z.boolean(),
  error: z.string().optional(),
  mismatches: z.array(Mismatch),
});
export type InteractionVerdict = z.infer<typeof InteractionVerdict>;

export const PactVerdict = z.object({
  pactFile: z.string(),
  consumer: z.string(),
  provider: z.string(),
  vendor: VendorId,
  /** False against a target without a control API (replay mode): no provider state was set. */
  statesApplied: z.boolean(),
  ok: z.boolean(),
  interactions: z.array(InteractionVerdict),
});
export type PactVerdict = z.infer<typeof PactVerdict>;

/** The vendor a pact is for: from its provider name (ours, or one naming the vendor), else from its request paths. */
export const vendorOfPact = (pact: PactFile): Vendor | undefined => {
  const name = pact.provider.name.toLowerCase();
  const byName =
    VENDORS.find((v) => v.pactProvider === name) ??
    VENDORS.find((v) => v.recognisedBy.names.some((word) => name.includes(word)));
  if (byName) return byName.id;
  for (const i of pact.interactions) {
    const hit = VENDORS.find((v) => v.recognisedBy.pathPrefixes.some((p) => i.request.path.startsWith(p)));
    if (hit) return hit.id;
  }
  return undefined;
};

/** Our provider-state names, read from the committed pacts. */
export const knownStates = (): KnownStates => {
  return perVendor(
    (v) =>
      new Set(
        readPactFile(committedPactPath(v.pactProvider)).interactions.flatMap((i) =>
          (i.providerStates ?? []).map((s) => s.name),
        ),
      ),
  );
};

export type VerifyPactInput = {
  pactFile: string;
  /** The simulator: base URL (front door or platform) and control URL. */
  target: Omit<ReplayTarget, 'vendor'>;
  /** Overrides the vendor found from the pact. */
  vendor?: Vendor;
};

export const verifyThirdPartyPact = async (input: VerifyPactInput): Promise<PactVerdict> => {
  const pact = readPactFile(input.pactFile);
  const vendor = input.vendor ?? vendorOfPact(pact);
  if (!vendor)
    throw new Error(
      `cannot tell the vendor of ${input.pactFile}: name it with --vendor (${VENDORS.map((v) => v.id).join(', ')})`,
    );
  const v4 = isV4(pact);
  const known = knownStates();
  const target: ReplayTarget = { ...input.target, vendor };
  const interactions: InteractionVerdict[] = [];
  for (const i of pact.interactions) {
    const choice = chooseStates(vendor, i, known, v4);
    const states = {
      kind: choice.kind,
      used: choice.kind === 'none' ? [] : choice.states.map((s) => s.name),
      replaced: choice.kind === 'ours' ? [] : choice.replaced,
      ...(choice.kind === 'mapped' ? { because: choice.because } : {}),
    };
    const r = await replayInteraction(target, i, { v4, states: choice.kind === 'none' ? [] : choice.states });
    if (!r.ok) {
      const error = r.problem.kind === 'transport' ? r.problem.message : JSON.stringify(r.problem);
      interactions.push({ description: i.description, states, ok: false, error, mismatches: [] });
      continue;
    }
    const observed = {
      vendor,
      actualBody: r.answer.body,
      method: i.request.method,
      requestPath: i.request.path,
    };
    const mismatches: Mismatch[] = [];
    if (r.answer.status !== i.response.status) {
      const o = { ...observed, path: '(status)', expected: i.response.status, actual: r.answer.status };
      mismatches.push({ ...o, kind: 'status', explanations: explain(o) });
    }
    const expected = bodyContent(i.response.body, v4);
    if (expected !== undefined) {
      const rules = i.response.matchingRules?.body;
      for (const d of diffJson(expected, r.answer.body, '$', arrayRuleOf(rules))) {
        if (d.kind === 'added' || acceptedByRules(rules, d)) continue;
        const o = { ...observed, path: d.path, expected: d.expected, actual: d.actual };
        mismatches.push({ ...o, kind: d.kind, explanations: explain(o) });
      }
    }
    interactions.push({ description: i.description, states, ok: mismatches.length === 0, mismatches });
  }
  return {
    pactFile: input.pactFile,
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    vendor,
    statesApplied: input.target.controlUrl !== undefined,
    ok: interactions.every((x) => x.ok),
    interactions,
  };
};

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

/** The readable list `harness verify-pact` prints. */
export const renderVerdict = (v: PactVerdict): string => {
  const lines = [`pact ${v.consumer} -> ${v.provider} (vendor ${v.vendor}): ${v.ok ? 'verified' : 'FAILED'}`];
  if (!v.statesApplied)
    lines.push(
      '  (no control API: provider states were not set; the documented answers were replayed as they are)',
    );
  for (const i of v.interactions) {
    lines.push(`${i.ok ? '  ok  ' : '  FAIL'} ${i.description}`);
    const theirs = `state "${i.states.replaced.join('", "') || '(none given)'}"`;
    if (v.statesApplied && i.states.kind === 'mapped')
      lines.push(`         ${theirs} -> our "${i.states.used.join('", "')}": ${i.states.because ?? ''}`);
    if (v.statesApplied && i.states.kind === 'default')
      lines.push(
        `         ${theirs} is not ours and says nothing we can map: used our default "${i.states.used.join('", "')}"`,
      );
    if (v.statesApplied && i.states.kind === 'none' && i.states.replaced.length > 0)
      lines.push(
        `         state "${i.states.replaced.join('", "')}" is not ours and has no default: sent against the simulator's fleet`,
      );
    if (i.error) lines.push(`         could not replay: ${i.error}`);
    for (const m of i.mismatches) {
      lines.push(`         ${m.path}: expected ${show(m.expected)}, got ${show(m.actual)}`);
      for (const e of m.explanations) lines.push(`           why: ${e}`);
    }
  }
  return lines.join('\n');
};

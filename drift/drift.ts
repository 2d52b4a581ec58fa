// `harness drift`: replays the pinned contracts against a target (vendor endpoint, simulator, or recorded mappings) and classifies what changed.
import { z } from 'zod';
import { committedPactPath } from '../contracts/common/pact.ts';
import { VENDORS, vendorOf, VendorId } from '../vendors/index.ts';
import type { Vendor } from '../contracts/common/problem.ts';
import { classify, DriftChange, diffJson } from './diff.ts';
import { bodyContent, isV4, readPactFile } from './pact-file.ts';
import { loadRecording, recordedAnswer } from './recording.ts';
import { type ReplayAnswer, replayInteraction, type ReplayTarget } from './replay.ts';

export const DriftInteraction = z.object({
  description: z.string(),
  outcome: z.enum(['compared', 'not-recorded', 'error']),
  error: z.string().optional(),
  changes: z.array(DriftChange),
});
export const DriftReport = z.object({
  target: z.string(),
  generatedAt: z.string(),
  vendors: z.array(
    z.object({
      vendor: VendorId,
      provider: z.string(),
      interactions: z.array(DriftInteraction),
    }),
  ),
  summary: z.object({
    compared: z.number(),
    /** Not recorded, or no answer at all (transport errors, refused provider states). */
    skipped: z.number(),
    errors: z.number(),
    warnings: z.number(),
    breaking: z.number(),
  }),
});
export type DriftReport = z.infer<typeof DriftReport>;
export type DriftInteraction = z.infer<typeof DriftInteraction>;

export type DriftInput = {
  vendors?: readonly Vendor[];
  /** Overrides where each vendor's pinned pact is read (default: the committed pacts). */
  pactFileOf?: (vendor: Vendor) => string;
  now?: () => Date;
} & (
  | {
      /** A live target; `controlUrl` only when it is our simulator (provider states are then set). */
      live: {
        baseUrl: string;
        controlUrl?: string;
        perVendor?: Partial<Record<Vendor, Pick<ReplayTarget, 'headers' | 'aksk'>>>;
      };
    }
  | { recording: string }
);

export const runDrift = async (input: DriftInput): Promise<DriftReport> => {
  const mappings = 'recording' in input ? loadRecording(input.recording) : undefined;
  const vendors: DriftReport['vendors'] = [];
  for (const vendor of input.vendors ?? VENDORS.map((v) => v.id)) {
    const pact = readPactFile(input.pactFileOf?.(vendor) ?? committedPactPath(vendorOf(vendor).pactProvider));
    const v4 = isV4(pact);
    const interactions: DriftInteraction[] = [];
    for (const i of pact.interactions) {
      let answer: ReplayAnswer | undefined;
      if (mappings) {
        answer = recordedAnswer(mappings, i, v4);
        if (!answer) {
          interactions.push({ description: i.description, outcome: 'not-recorded', changes: [] });
          continue;
        }
      } else if ('live' in input) {
        const target: ReplayTarget = {
          vendor,
          baseUrl: input.live.baseUrl,
          ...input.live.perVendor?.[vendor],
        };
        if (input.live.controlUrl) target.controlUrl = input.live.controlUrl;
        const r = await replayInteraction(target, i, {
          v4,
          ...(input.live.controlUrl ? {} : { states: [] }),
        });
        if (!r.ok) {
          const error = r.problem.kind === 'transport' ? r.problem.message : JSON.stringify(r.problem);
          interactions.push({ description: i.description, outcome: 'error', error, changes: [] });
          continue;
        }
        answer = r.answer;
      }
      if (!answer) continue;
      const expected = bodyContent(i.response.body, v4);
      const diffs = expected === undefined ? [] : diffJson(expected, answer.body);
      const changes = classify(diffs, { expected: i.response.status, actual: answer.status });
      interactions.push({ description: i.description, outcome: 'compared', changes });
    }
    vendors.push({ vendor, provider: pact.provider.name, interactions });
  }
  const all = vendors.flatMap((v) => v.interactions);
  const changes = all.flatMap((i) => i.changes);
  return {
    target: 'recording' in input ? `recording ${input.recording}` : input.live.baseUrl,
    generatedAt: (input.now?.() ?? new Date()).toISOString(),
    vendors,
    summary: {
      compared: all.filter((i) => i.outcome === 'compared').length,
      skipped: all.filter((i) => i.outcome !== 'compared').length,
      errors: all.filter((i) => i.outcome === 'error').length,
      warnings: changes.filter((c) => c.severity === 'warning').length,
      breaking: changes.filter((c) => c.severity === 'breaking').length,
    },
  };
};

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

/** The summary `harness drift` prints: one line per change, grouped by interaction. */
export const renderDrift = (r: DriftReport): string => {
  const lines = [`drift against ${r.target}`];
  for (const v of r.vendors)
    for (const i of v.interactions) {
      if (i.outcome === 'error') lines.push(`  ERROR ${v.vendor}: ${i.description}: ${i.error ?? ''}`);
      for (const c of i.changes)
        lines.push(
          `  ${c.severity === 'breaking' ? 'BREAKING' : 'warning '} ${v.vendor}: ${i.description}: ${c.kind} at ${c.path} ` +
            `(pinned ${show(c.expected)}, now ${show(c.actual)})`,
        );
    }
  const s = r.summary;
  lines.push(
    `${s.compared} interactions compared, ${s.skipped} skipped (${s.errors} errors); ${s.warnings} warnings, ${s.breaking} breaking`,
  );
  return lines.join('\n');
};

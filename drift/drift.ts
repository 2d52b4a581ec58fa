// `harness drift`: runs the pinned contracts against a target (our simulator, a vendor endpoint, or a recording) and builds the report a team gates on.
import { committedPactPath } from '../contracts/common/pact.ts';
import { VENDORS, vendorOf } from '../vendors/index.ts';
import type { Vendor } from '../contracts/common/problem.ts';
import { compareAnswer } from './compare.ts';
import type { DriftCredentials } from './credentials.ts';
import { bodyContent, isV4, readPactFile } from './pact-file.ts';
import { loadRecording } from './recording.ts';
import { type DriftInteraction, DriftReport, groupChanges, summarise } from './report.ts';
import { runNeed } from './run-need.ts';
import { type DriftTarget, liveTarget, recordingTarget, simulatorTarget } from './targets.ts';

export { DriftReport } from './report.ts';

/** By default at least half of the interactions a target can reproduce must be compared. */
export const DEFAULT_MIN_SHARE = 0.5;

export type DriftInput = {
  vendors?: readonly Vendor[];
  /** Overrides where each vendor's pinned pact is read (default: the committed pacts). */
  pactFileOf?: (vendor: Vendor) => string;
  now?: () => Date;
  /** The share (0..1) of reproducible interactions that must be compared; below it the run fails. */
  minShare?: number;
} & (
  | { simulator: { baseUrl: string; controlUrl: string } }
  | { live: { baseUrl: string; credentials?: DriftCredentials } }
  | { recording: string; credentials?: DriftCredentials }
);

const targetOf = (input: DriftInput): DriftTarget => {
  if ('simulator' in input) return simulatorTarget(input.simulator.baseUrl, input.simulator.controlUrl);
  if ('live' in input) return liveTarget(input.live.baseUrl, input.live.credentials?.perVendor ?? {});
  const recording = loadRecording(input.recording);
  return recordingTarget(input.recording, recording);
};

const credentialsOf = (input: DriftInput): DriftCredentials | undefined =>
  'live' in input ? input.live.credentials : 'recording' in input ? input.credentials : undefined;

/** Runs every pinned interaction of the chosen vendors and builds the report; `ok` is the gate. */
export const runDrift = async (input: DriftInput): Promise<DriftReport> => {
  const target = targetOf(input);
  const credentials = credentialsOf(input);
  const vendors: DriftReport['vendors'] = [];
  for (const vendor of input.vendors ?? VENDORS.map((v) => v.id)) {
    const { drift, coverage } = vendorOf(vendor);
    const { facts, needs } = drift;
    const endpoints = new Map(coverage.map((r) => [r.interaction, r.endpoint]));
    const pact = readPactFile(input.pactFileOf?.(vendor) ?? committedPactPath(vendorOf(vendor).pactProvider));
    const v4 = isV4(pact);
    const ctx = {
      vendor,
      v4,
      target,
      byDescription: new Map(pact.interactions.map((i) => [i.description, i])),
      // Copied: a renewed credential lives for this run only.
      credentials: { headers: {}, ...credentials?.perVendor[vendor] },
      ids: credentials?.ids ?? {},
    };
    const interactions: DriftInteraction[] = [];
    for (const i of pact.interactions) {
      const need = needs[i.description];
      const base = {
        description: i.description,
        endpoint: endpoints.get(i.description) ?? `${i.request.method.toUpperCase()} ${i.request.path}`,
        need: need?.kind ?? 'plain',
        ...(need?.kind === 'made' ? { made: need.what } : {}),
      };
      const run = await runNeed(ctx, i, need);
      if (run.kind === 'answered') {
        const pinned = { status: i.response.status, body: bodyContent(i.response.body, v4) };
        const changes = compareAnswer(facts, pinned, run.answer);
        interactions.push({ ...base, outcome: 'compared', changes, notes: run.notes });
      } else
        interactions.push({
          ...base,
          outcome: run.kind,
          reason: run.kind === 'error' ? run.message : run.reason,
          changes: [],
          notes: [],
        });
    }
    vendors.push({ vendor, provider: pact.provider.name, interactions });
  }
  const groups = groupChanges(vendors);
  const summary = summarise(vendors, groups);
  const total = (k: 'interactions' | 'compared' | 'notReproducible' | 'errors' | 'breaking') =>
    summary.reduce((n, s) => n + s[k], 0);
  const minShare = input.minShare ?? DEFAULT_MIN_SHARE;
  const reproducible = total('interactions') - total('notReproducible');
  const compared = total('compared');
  const failures = [
    ...(total('breaking') > 0 ? [`${total('breaking')} breaking change(s)`] : []),
    ...(total('errors') > 0 ? [`${total('errors')} interaction(s) got no answer`] : []),
    ...(compared === 0
      ? [
          `nothing was compared: the ${target.mode === 'recording' ? 'recording' : 'target'} covers no interaction`,
        ]
      : compared < minShare * reproducible
        ? [
            `only ${compared} of ${reproducible} reproducible interactions compared (${Math.round((100 * compared) / reproducible)}%, at least ${Math.round(minShare * 100)}% required)`,
          ]
        : []),
  ];
  return DriftReport.parse({
    target: target.label,
    mode: target.mode,
    generatedAt: (input.now?.() ?? new Date()).toISOString(),
    ok: failures.length === 0,
    failures,
    coverage: { compared, reproducible, minShare },
    summary,
    groups,
    vendors,
  });
};

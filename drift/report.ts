// The drift report as data (zod), its grouping by endpoint and change, the one-screen summary people read, and the JUnit XML CI gates on.
import junitModule, { type Builder } from 'junit-report-builder';
import { z } from 'zod';
import { DriftChange, DriftKind, Severity } from './compare.ts';

export const Outcome = z.enum(['compared', 'not-reproducible', 'skipped', 'error']);

export const DriftInteraction = z.object({
  description: z.string(),
  endpoint: z.string(),
  /** What it needs of a target (contracts/<vendor>/drift.ts), and what the run made for it. */
  need: z.enum(['plain', 'made', 'state']),
  made: z.string().optional(),
  outcome: Outcome,
  /** Why it was not compared (not reproducible here, not recorded, an error). */
  reason: z.string().optional(),
  changes: z.array(DriftChange),
  notes: z.array(z.string()),
});
export type DriftInteraction = z.infer<typeof DriftInteraction>;

/** One change, once: where (vendor, endpoint, field), what (kind, old and new form), which interactions, one example. */
export const DriftGroup = z.object({
  vendor: z.string(),
  endpoint: z.string(),
  kind: DriftKind,
  severity: Severity,
  field: z.string(),
  was: z.string(),
  now: z.string(),
  interactions: z.array(z.string()),
  example: z.object({
    interaction: z.string(),
    path: z.string(),
    expected: z.unknown().optional(),
    actual: z.unknown().optional(),
  }),
  note: z.string().optional(),
});
export type DriftGroup = z.infer<typeof DriftGroup>;

export const VendorSummary = z.object({
  vendor: z.string(),
  interactions: z.number(),
  compared: z.number(),
  notReproducible: z.number(),
  skipped: z.number(),
  errors: z.number(),
  /** Distinct changes (groups), not occurrences. */
  breaking: z.number(),
  warnings: z.number(),
  info: z.number(),
});
export type VendorSummary = z.infer<typeof VendorSummary>;

export const DriftReport = z.object({
  target: z.string(),
  mode: z.enum(['simulator', 'live', 'recording']),
  generatedAt: z.string(),
  ok: z.boolean(),
  /** Why the run fails, in words (empty when ok). */
  failures: z.array(z.string()),
  coverage: z.object({
    compared: z.number(),
    /** Interactions this target can reproduce (all of them on the simulator; not the `state` ones elsewhere). */
    reproducible: z.number(),
    minShare: z.number(),
  }),
  summary: z.array(VendorSummary),
  groups: z.array(DriftGroup),
  vendors: z.array(
    z.object({ vendor: z.string(), provider: z.string(), interactions: z.array(DriftInteraction) }),
  ),
});
export type DriftReport = z.infer<typeof DriftReport>;

/** Every change once: grouped by vendor, endpoint, kind, field and forms; breaking first. */
export const groupChanges = (vendors: DriftReport['vendors']): DriftGroup[] => {
  const groups = new Map<string, DriftGroup>();
  for (const v of vendors)
    for (const i of v.interactions)
      for (const c of i.changes) {
        const key = JSON.stringify([v.vendor, i.endpoint, c.kind, c.field, c.was, c.now]);
        const g = groups.get(key);
        if (g) {
          if (!g.interactions.includes(i.description)) g.interactions.push(i.description);
          continue;
        }
        groups.set(key, {
          vendor: v.vendor,
          endpoint: i.endpoint,
          kind: c.kind,
          severity: c.severity,
          field: c.field,
          was: c.was,
          now: c.now,
          interactions: [i.description],
          example: { interaction: i.description, path: c.path, expected: c.expected, actual: c.actual },
          ...(c.note ? { note: c.note } : {}),
        });
      }
  const rank = { breaking: 0, warning: 1, info: 2 } as const;
  return [...groups.values()].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      a.vendor.localeCompare(b.vendor) ||
      a.endpoint.localeCompare(b.endpoint) ||
      a.field.localeCompare(b.field),
  );
};

export const summarise = (vendors: DriftReport['vendors'], groups: readonly DriftGroup[]): VendorSummary[] =>
  vendors.map((v) => {
    const count = (o: z.infer<typeof Outcome>) => v.interactions.filter((i) => i.outcome === o).length;
    const mine = groups.filter((g) => g.vendor === v.vendor);
    return {
      vendor: v.vendor,
      interactions: v.interactions.length,
      compared: count('compared'),
      notReproducible: count('not-reproducible'),
      skipped: count('skipped'),
      errors: count('error'),
      breaking: mine.filter((g) => g.severity === 'breaking').length,
      warnings: mine.filter((g) => g.severity === 'warning').length,
      info: mine.filter((g) => g.severity === 'info').length,
    };
  });

const clip = (s: string, n = 120): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const show = (v: unknown): string => (v === undefined ? '(absent)' : clip(JSON.stringify(v), 60));
const pad = (s: string | number, n: number): string => String(s).padEnd(n);

const groupLines = (g: DriftGroup): string[] => {
  const who =
    g.interactions.length === 1
      ? g.interactions[0]
      : `${g.interactions.length} interactions: ${g.interactions[0]}; …`;
  return [
    `  ${pad(g.severity.toUpperCase(), 9)}${g.vendor} ${g.endpoint}`,
    `           ${g.kind} ${g.field}: ${clip(g.was, 60)} -> ${clip(g.now, 60)}`,
    `           e.g. ${g.example.path} pinned ${show(g.example.expected)}, now ${show(g.example.actual)} (${clip(who ?? '', 70)})`,
  ];
};

/** What `harness drift` prints: a table per vendor, each change once, and the verdict. `verbose` adds the uncompared interactions. */
export const renderDrift = (r: DriftReport, verbose = false): string => {
  const lines = [`drift against ${r.target} (${r.mode})`];
  lines.push(
    `  ${pad('vendor', 14)}${pad('compared', 10)}${pad('breaking', 10)}${pad('warnings', 10)}${pad('info', 6)}${pad('not reproducible', 18)}${pad('skipped', 9)}errors`,
  );
  for (const s of r.summary)
    lines.push(
      `  ${pad(s.vendor, 14)}${pad(`${s.compared}/${s.interactions}`, 10)}${pad(s.breaking, 10)}${pad(s.warnings, 10)}${pad(s.info, 6)}${pad(s.notReproducible, 18)}${pad(s.skipped, 9)}${s.errors}`,
    );
  const { compared, reproducible, minShare } = r.coverage;
  lines.push(
    `  coverage: ${compared} of ${reproducible} reproducible interactions compared (at least ${Math.round(minShare * 100)}% required)`,
  );
  for (const g of r.groups) lines.push(...groupLines(g));
  for (const v of r.vendors)
    for (const i of v.interactions) {
      if (i.outcome === 'error')
        lines.push(
          `  ERROR    ${v.vendor} ${i.endpoint}: ${clip(i.description, 60)}: ${clip(i.reason ?? '', 200)}`,
        );
      else if (verbose && i.outcome !== 'compared')
        lines.push(
          `  ${pad(i.outcome, 17)}${v.vendor}: ${clip(i.description, 70)}: ${clip(i.reason ?? '', 200)}`,
        );
      if (verbose)
        for (const n of i.notes)
          lines.push(`  note     ${v.vendor}: ${clip(i.description, 60)}: ${clip(n, 150)}`);
    }
  lines.push(r.ok ? 'drift: OK' : `drift: FAILED (${r.failures.join('; ')})`);
  return lines.join('\n');
};

// The package is CommonJS whose module.exports is the builder itself; its types describe an ES default export.
const junit = ((junitModule as { default?: Builder }).default ?? junitModule) as Builder;

/** Adds one test case per vendor endpoint: failed by a breaking change, skipped when nothing of it was compared. */
export const addDriftJunit = (builder: Builder, r: DriftReport): void => {
  const suite = builder.testSuite().name(`drift (${r.target})`);
  for (const v of r.vendors) {
    const byEndpoint = new Map<string, DriftReport['vendors'][number]['interactions']>();
    for (const i of v.interactions) byEndpoint.set(i.endpoint, [...(byEndpoint.get(i.endpoint) ?? []), i]);
    for (const [endpoint, interactions] of byEndpoint) {
      const tc = suite.testCase().className(`drift.${v.vendor}`).name(endpoint);
      const groups = r.groups.filter((g) => g.vendor === v.vendor && g.endpoint === endpoint);
      const text = (gs: DriftGroup[]) =>
        gs
          .map(
            (g) => `${g.severity} ${g.kind} ${g.field}: ${g.was} -> ${g.now} (${g.interactions.join('; ')})`,
          )
          .join('\n');
      const errors = interactions.filter((i) => i.outcome === 'error');
      const breaking = groups.filter((g) => g.severity === 'breaking');
      tc.standardOutput(
        [
          ...interactions.map((i) => `${i.outcome}: ${i.description}${i.reason ? ` (${i.reason})` : ''}`),
          text(groups.filter((g) => g.severity !== 'breaking')),
        ].join('\n'),
      );
      if (breaking.length > 0)
        tc.failure(`${breaking.length} breaking change(s)`, 'drift').stacktrace(text(breaking));
      else if (errors.length > 0)
        tc.error(
          `${errors.length} interaction(s) got no answer`,
          'drift',
          errors.map((e) => e.reason).join('\n'),
        );
      else if (interactions.every((i) => i.outcome !== 'compared')) tc.skipped();
    }
  }
};

export const renderDriftJunit = (r: DriftReport): string => {
  const builder = junit.newBuilder();
  addDriftJunit(builder, r);
  return builder.build();
};

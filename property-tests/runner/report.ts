// The props report: every property's outcome, the throughput over HTTP, the mutation verdicts; JSON for machines.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type PropertyOutcome, renderFailure, replayCommand } from './outcome.ts';
import type { MutationVerdict } from './mutation-check.ts';

export type PropsReport = {
  startedAt: string;
  through: 'direct' | 'wiremock';
  properties: (PropertyOutcome & { replay?: string })[];
  /** Model steps against the live simulator and how fast they went (each step: its calls plus the record read). */
  throughput: { steps: number; seconds: number; stepsPerSecond: number };
  mutations?: (Omit<MutationVerdict, 'outcomes'> & {
    caughtBy: string[];
    missedBy: string[];
    first?: PropertyOutcome;
  })[];
  ok: boolean;
};

export const throughputOf = (outcomes: readonly PropertyOutcome[]) => {
  const live = outcomes.filter((o) => o.steps > 0);
  const steps = live.reduce((n, o) => n + o.steps, 0);
  const seconds = live.reduce((n, o) => n + o.durationMs, 0) / 1000;
  return { steps, seconds, stepsPerSecond: seconds > 0 ? Math.round(steps / seconds) : 0 };
};

export const buildReport = (
  startedAt: Date,
  through: 'direct' | 'wiremock',
  outcomes: readonly PropertyOutcome[],
  verdicts?: readonly MutationVerdict[],
): PropsReport => ({
  startedAt: startedAt.toISOString(),
  through,
  properties: outcomes.map((o) => ({ ...o, ...(o.failure ? { replay: replayCommand(o) } : {}) })),
  throughput: throughputOf([...outcomes, ...(verdicts ?? []).flatMap((v) => v.outcomes)]),
  ...(verdicts
    ? {
        mutations: verdicts.map(({ outcomes: os, ...v }) => ({
          ...v,
          caughtBy: os.filter((o) => !o.ok).map((o) => o.name),
          missedBy: os.filter((o) => o.ok).map((o) => o.name),
          ...(os.find((o) => !o.ok) ? { first: os.find((o) => !o.ok)! } : {}),
        })),
      }
    : {}),
  ok: outcomes.every((o) => o.ok) && (verdicts ?? []).every((v) => v.caught && v.notWired.length === 0),
});

export const writeReport = (file: string, report: PropsReport): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
};

/** One line per passing property, the full failure (seed, path, replay command, steps) for a failing one. */
export const renderOutcome = (o: PropertyOutcome): string =>
  o.ok
    ? `ok   ${o.name}: ${o.numRuns} runs${o.steps ? `, ${o.steps} steps` : ''}, ${o.durationMs} ms (seed ${o.seed})`
    : `FAIL ${renderFailure(o)}`;

// handleSummary for every script: the whole summary as JSON where the runner reads it, and one line per threshold on stdout.
import { SUMMARY_PATH } from './run.ts';

/** The part of k6's summary data the text uses (the JSON file keeps all of it). */
export type SummaryData = {
  metrics: Record<string, { thresholds?: Record<string, { ok: boolean }> }>;
};

export const summarize = (data: SummaryData): Record<string, string> => {
  const lines: string[] = [];
  for (const [name, metric] of Object.entries(data.metrics))
    for (const [expression, verdict] of Object.entries(metric.thresholds ?? {}))
      lines.push(`${verdict.ok ? 'ok  ' : 'FAIL'} ${name} ${expression}`);
  return { [SUMMARY_PATH]: JSON.stringify(data, null, 1), stdout: `${lines.sort().join('\n')}\n` };
};

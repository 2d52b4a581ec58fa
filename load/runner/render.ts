// Load results in words: the few lines a person reads after `harness load`.
import type { LoadReport } from './scenario.ts';

const min = (ms: number): string => `${(ms / 60_000).toFixed(2)} min`;
const n1 = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export const renderLoadReport = (r: LoadReport): string => {
  const lines = [
    `${r.scenario} (${r.profile}): ${r.ok ? 'PASS' : 'FAIL'}, ${r.platformMinutes.toFixed(2)} platform minutes in ${(r.wallMs / 1000).toFixed(1)} s of wall time (time scale ${r.timeScale}, ${r.route === 'platform' ? 'platform model' : 'WireMock front door'}, ${r.instances} instance${r.instances === 1 ? '' : 's'}${r.segments > 1 ? `, ${r.segments} k6 execution segments` : ''})`,
  ];
  for (const [vendor, f] of Object.entries(r.vendors))
    lines.push(
      `  ${vendor}: ${f.calls} calls, ${f.refused} refused (model: ${f.predictedRefused}), ${f.cancelled} commands cancelled, ${f.pendingLeft} left pending; latency p50/p95/p99 ${f.latencyMs.p50.toFixed(1)}/${f.latencyMs.p95.toFixed(1)}/${f.latencyMs.p99.toFixed(1)} ms wall`,
    );
  const held = r.k6.thresholds.filter((t) => t.ok).length;
  lines.push(`  k6 thresholds: ${held} of ${r.k6.thresholds.length} held`);
  for (const t of r.k6.thresholds.filter((x) => !x.ok)) lines.push(`    FAIL ${t.metric} ${t.expression}`);
  lines.push('  checks:');
  for (const c of r.checks) lines.push(`    ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  if (r.drain)
    lines.push(
      `  drain: ${min(r.drain.measured.drainMs)} measured, ${min(r.drain.analytic.drainMs)} analytic; ${n1(r.drain.measured.callsPerMinute)} calls/min, ${n1(r.drain.measured.commandsPerMinute)} commands/min`,
    );
  if (r.backoff)
    lines.push(
      `  back-off: ${r.backoff.callsAfterFirstThrottle} calls after the first throttle, at ${n1(r.backoff.callsPerMinuteAfterFirstThrottle)} calls/min`,
    );
  return lines.join('\n');
};

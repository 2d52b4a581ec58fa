// Load and plan results in words: the few lines a person reads after `harness load` and `harness plan`.
import type { PlanCase, PlanReport } from './plan.ts';
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

const caseLines = (c: PlanCase, deadlineMs: number): string[] => {
  const m = c.measured;
  const rows = [
    ['', 'analytic', m.ran ? `measured (k6, time scale ${m.timeScale})` : 'measured'],
    ['drain time', min(c.analytic.drainMs), m.ran ? min(m.drainMs) : '-'],
    ['calls/min', n1(c.analytic.callsPerMinute), m.ran ? n1(m.callsPerMinute) : '-'],
    ['commands/min', n1(c.analytic.commandsPerMinute), m.ran ? n1(m.commandsPerMinute) : '-'],
    ['deadline holds', c.holds.analytic ? 'yes' : 'no', m.ran ? (c.holds.measured ? 'yes' : 'no') : '-'],
  ];
  const out = rows.map(([a, b, d]) => `    ${a!.padEnd(15)}${b!.padEnd(12)}${d}`);
  if (m.ran) {
    out.push(
      `    agreement: ${((m.drainMs - c.analytic.drainMs) / 1000).toFixed(1)} s apart, tolerance ${(c.toleranceMs / 1000).toFixed(1)} s: ${c.agrees ? 'agree' : 'DISAGREE'}`,
      `    latency p50/p95/p99: ${m.latencyWallMs.p50.toFixed(1)}/${m.latencyWallMs.p95.toFixed(1)}/${m.latencyWallMs.p99.toFixed(1)} ms wall; ${(m.wallMs / 1000).toFixed(1)} s of wall time`,
    );
    for (const f of m.failedChecks) out.push(`    FAIL ${f}`);
  } else out.push(`    measured: ${m.reason}`);
  if (c.analytic.drainMs > deadlineMs)
    out.push(`    ${min(c.analytic.drainMs - deadlineMs)} over the deadline`);
  return out;
};

export const renderPlan = (p: PlanReport): string => {
  const i = p.input;
  const lines = [
    `Fleet: ${i.devices} devices x ${i.pending} pending commands; ${i.strategy === 'revoke' ? 'one revocation task per device' : 'one modify call per command'}, paced at ${i.callsPerWindow} calls per ${i.windowMs / 1000} s per application key (limit ${i.limit})`,
    `Deadline: ${min(p.deadlineMs)} of platform time`,
    `  With ${p.asked.apps} application key${p.asked.apps === 1 ? '' : 's'}:`,
    ...caseLines(p.asked, p.deadlineMs),
  ];
  if (p.fewestApps === undefined)
    lines.push('  No number of application keys meets the deadline: one device alone takes longer.');
  else if (p.fewest && p.fewest.apps !== p.asked.apps)
    lines.push(
      `  Fewest application keys that meet it: ${p.fewestApps}`,
      ...caseLines(p.fewest, p.deadlineMs),
    );
  else lines.push(`  Fewest application keys that meet it: ${p.fewestApps} (the case above)`);
  return lines.join('\n');
};

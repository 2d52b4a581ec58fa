// A plan in words: the verdict first, then analytic and simulated drains side by side, the what-ifs and what the formula ignores.
import { fmtDuration, type PlanCase, type PlanReport } from './plan.ts';

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const n1 = (x: number): string => (Number.isInteger(x) ? n0(x) : x.toFixed(1));

const caseLines = (c: PlanCase): string[] => {
  const m = c.measured;
  const out = [`    ${c.verdict}`];
  const rows: [string, string, string][] = [
    [
      '',
      'analytic',
      m.ran
        ? `simulated (${m.transport === 'http' ? 'over HTTP' : 'in-process'}, virtual time)`
        : 'simulated',
    ],
    ['drain time', fmtDuration(c.analytic.drainMs), m.ran ? fmtDuration(m.drainMs) : '-'],
    ['drain ms', n0(c.analytic.drainMs), m.ran ? n0(m.drainMs) : '-'],
    ['calls', n0(c.analytic.totalCalls), m.ran ? `${n0(m.calls)} + ${n0(m.logins)} logins` : '-'],
    ['calls/min', n1(c.analytic.callsPerMinute), '-'],
    ['commands/min', n1(c.analytic.commandsPerMinute), '-'],
    ['deadline holds', c.holds.analytic ? 'yes' : 'no', m.ran ? (c.holds.measured ? 'yes' : 'no') : '-'],
  ];
  for (const [a, b, d] of rows) out.push(`    ${a.padEnd(15)}${b.padEnd(14)}${d}`);
  if (!m.ran) {
    out.push(`    simulated: ${m.reason}`);
    return out;
  }
  out.push(
    `    refused by the throttle: ${n0(m.throttled)} (the model on the same times: ${n0(m.replay.predictedRefused)}; ${n0(m.replay.mismatches)} decisions differ of ${n0(m.replay.counted)})`,
    `    cancelled ${n0(m.commandsCancelled)} commands; ${n0(m.deliveredInstead)} delivered to devices that came online; ${n0(m.pendingLeft)} left PENDING; ${n0(m.targetsLeft)} targets left`,
    `    ${n0(m.serverErrors)} platform failures retried, ${n0(m.tokenRefusals)} tokens refused, ${n0(m.logins)} logins`,
    `    ${n0(m.steps)} clock jumps, ${n0(m.calls + m.logins)} calls in ${(m.wallMs / 1000).toFixed(1)} s of wall time (${n0(m.callsPerWallSecond)} calls/s; seeding ${(m.seedWallMs / 1000).toFixed(1)} s); peak RSS ${m.peakRssMiB.total ?? '?'} MiB (drive ${m.peakRssMiB.drive ?? '?'}, simulator ${m.peakRssMiB.simulator ?? 'in the same process'})`,
  );
  if (m.crossCheck)
    out.push(
      `    cross-check in-process: ${m.crossCheck.equal ? 'identical accounting' : 'DIFFERENT accounting'} (drain ${n0(m.crossCheck.drainMs)} ms, ${n0(m.crossCheck.calls)} calls, ${(m.crossCheck.wallMs / 1000).toFixed(1)} s)`,
    );
  for (const f of m.failures.slice(1)) out.push(`    FAILED: ${f}`);
  return out;
};

export const renderPlan = (p: PlanReport): string => {
  const i = p.input;
  const lines = [
    `Fleet: ${n0(i.devices)} devices x ${i.pending} pending commands (${p.vendor}); ${i.strategy === 'revoke' ? 'one revocation task per device' : 'one modify call per command'}, paced at ${i.callsPerWindow} calls per ${i.windowMs / 1000} s per application key (limit ${i.limit})`,
    `Deadline: ${fmtDuration(p.deadlineMs)} of platform time`,
    `What-ifs: ${p.whatIfLines.join('; ')}`,
    `  With ${p.asked.apps} application key${p.asked.apps === 1 ? '' : 's'}:`,
    ...caseLines(p.asked),
  ];
  if (p.fewestApps === undefined)
    lines.push('  No number of application keys meets the deadline: one device alone takes longer.');
  else if (p.fewest && p.fewest.apps !== p.asked.apps)
    lines.push(`  Fewest application keys that meet it (analytic): ${p.fewestApps}`, ...caseLines(p.fewest));
  else lines.push(`  Fewest application keys that meet it (analytic): ${p.fewestApps} (the case above)`);
  lines.push('The analytic model ignores:', ...p.analyticIgnores.map((l) => `  - ${l}`));
  return lines.join('\n');
};

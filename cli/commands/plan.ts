// `harness plan`: how long draining a fleet takes under the per-application limit (analytic, and simulated in virtual time), whether a deadline holds, and the fewest keys that meet it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderProblem } from '../../contracts/common/problem.ts';
import type { PlanFlags } from '../../load/runner/cli-options.ts';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

export const run: SubcommandRun = async ({ options, context = defaultContext() }) => {
  const { planOptionsFrom } = await import('../../load/runner/cli-options.ts');
  const parsed = planOptionsFrom(options as PlanFlags);
  if (!parsed.ok) {
    say(`harness plan: ${renderProblem(parsed.problem)}`);
    return 2;
  }
  const o = parsed.value;
  const { planningVendor } = await import('../../load/plan/plan.ts');
  const vendor = planningVendor();
  if (!vendor) {
    say('harness plan: no vendor of the registry brings planning calls and a documented throttle');
    return 2;
  }
  const { limit, windowMs } = vendor;
  const rate = o.rate ?? limit;
  if (rate > limit) {
    say(`harness plan: --rate ${rate} is above the limit of ${limit} calls per window: it only wastes calls`);
    return 2;
  }
  const out = path.resolve(o.out ?? path.join(context.out, 'load', 'plan.json'));
  const { plan } = await import('../../load/plan/plan.ts');
  const { progressSink } = await import('../../load/plan/progress.ts');
  const progress = progressSink(process.stderr);
  let report: Awaited<ReturnType<typeof plan>>;
  try {
    report = await plan({
      vendor: vendor.id,
      calls: vendor.calls,
      input: {
        devices: o.devices,
        pending: o.pending,
        apps: o.apps,
        callsPerWindow: rate,
        limit,
        windowMs,
        strategy: o.strategy,
      },
      deadlineMs: o.deadlineMs,
      whatIfs: o.whatIfs,
      measure: o.measure,
      measureFewest: o.measureFewest,
      transport: o.transport,
      crossCheck: o.crossCheck,
      // One work folder per case beside the plan: the simulator's log and the drive's progress lines.
      workDir: path.join(path.dirname(out), 'plan'),
      seed: 1,
      onProgress: (name, p) => progress.update(name, p),
    });
  } catch (err) {
    progress.stop();
    say(`harness plan: ${(err as Error).message}`);
    return 1;
  }
  progress.stop();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  const { renderPlan } = await import('../../load/plan/render.ts');
  process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderPlan(report)}\n`);
  say(`plan written to ${out}`);
  // 0 when every measurement can be trusted (the deadline's verdict is the answer, not an error).
  const cases = [report.asked, ...(report.fewest ? [report.fewest] : [])];
  const trusted = cases.every(
    (c) => !c.measured.ran || (c.measured.trusted && (c.measured.crossCheck?.equal ?? true)),
  );
  return trusted ? 0 : 1;
};

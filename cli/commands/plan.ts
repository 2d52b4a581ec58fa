// `harness plan`: how long draining a fleet takes under the per-application limit, whether a deadline holds, and the fewest application keys that meet it.
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
  const { profileOf, readProfiles } = await import('../../load/runner/profiles.ts');
  const profiles = readProfiles();
  if (!profiles.ok) {
    say(`harness plan: ${renderProblem(profiles.problem)}`);
    return 2;
  }
  const base = profileOf(profiles.value, 'fleet-drain', o.profile);
  if (!base.ok) {
    say(`harness plan: ${renderProblem(base.problem)}`);
    return 2;
  }
  // One call per window below the limit by default: at exactly the limit a single late call costs a whole window.
  const rate = o.rate ?? Math.max(1, base.value.limit - 1);
  if (rate > base.value.limit) {
    say(
      `harness plan: --rate ${rate} is above the limit of ${base.value.limit} calls per window: it only wastes calls`,
    );
    return 2;
  }
  let k6: import('../../load/runner/k6-binary.ts').K6Binary | undefined;
  if (o.measure) {
    const { findK6 } = await import('../../load/runner/k6-binary.ts');
    const found = await findK6({ build: o.build, onProgress: say });
    if (!found.ok) {
      say(`harness plan: ${found.message}`);
      return 1;
    }
    k6 = found.k6;
  }
  const out = path.resolve(o.out ?? path.join(context.out, 'load', 'plan.json'));
  const { plan } = await import('../../load/runner/plan.ts');
  const result = await plan({
    input: {
      devices: o.devices,
      pending: o.pending,
      apps: o.apps,
      callsPerWindow: rate,
      limit: base.value.limit,
      windowMs: base.value.windowMs,
      strategy: o.strategy,
    },
    deadlineMs: o.deadlineMs,
    base: base.value,
    timeScale: o.timeScale,
    maxWallRate: o.maxWallRate,
    maxWallSeconds: o.maxWallSeconds,
    measureFewest: o.measureFewest,
    ...(k6 ? { k6 } : {}),
    workDir: path.join(path.dirname(out), 'plan'),
  });
  if (!result.ok) {
    say(`harness plan: ${renderProblem(result.problem)}`);
    return 1;
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result.value, null, 2)}\n`);
  const { renderPlan } = await import('../../load/runner/render.ts');
  process.stdout.write(
    o.json ? `${JSON.stringify(result.value, null, 2)}\n` : `${renderPlan(result.value)}\n`,
  );
  say(`plan written to ${out}`);
  // 0 when every measured drain completed and agrees with the estimate (the deadline's verdict is the answer, not an error).
  const cases = [result.value.asked, ...(result.value.fewest ? [result.value.fewest] : [])];
  const trusted = cases.every((c) => !c.measured.ran || (c.measured.pendingLeft === 0 && c.agrees === true));
  return trusted ? 0 : 1;
};

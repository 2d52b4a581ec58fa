// One run of the client's command on one running simulator: reset, the vendor profile of the run set, command, journal, audit.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InjectionInput, JournalEntry } from '../contracts/control/api.ts';
import { ControlClient, must } from '../contracts/control/client.ts';
import { ThrottleConfig } from '../simulators/model/throttle.ts';
import type { RunningSim } from '../simulators/sim.ts';
import {
  armFrontDoorReset,
  disarmFrontDoorReset,
  type FrontDoorReset,
  frontDoorResets,
} from '../simulators/wiremock/front-door-reset.ts';
import { CONNECTION_RESET } from '../contracts/common/failure.ts';
import { perVendor, VENDORS } from '../vendors/index.ts';
import { runCommand } from './command.ts';
import { gateEnv } from './env.ts';
import { type GateLimits, PATH_JITTER_WALL_MS } from './limits.ts';
import { isProbe, measuredJitterWallMs, startPathProbe } from './path-probe.ts';
import { redact } from './redact.ts';
import { audit } from './rules/index.ts';
import type { Violation } from './rules/types.ts';

/** What the vendor does differently in this run: quirks it goes without, or one failure injected. */
export type RunProfile = { removedQuirks?: readonly string[]; injection?: InjectionInput };

export type RunSettings = {
  command: string[];
  /** The limits of `--max-poll-rate` and `--min-backoff`; the time scale is read from the simulator's clock. */
  limits: Pick<GateLimits, 'maxPollRate' | 'minBackoffMs'>;
  timeoutMs: number;
  /** Where the ready line is written for the command (one file per simulator). */
  readyFile: string;
  cwd?: string;
  stdio?: 'inherit' | 'ignore';
};

export type RunOutcome = {
  exitCode: number | null;
  timedOut: boolean;
  /** The platform's journal of the run. */
  entries: JournalEntry[];
  violations: Violation[];
  /** Calls the front door reset (`network.connection-reset`): they never reached the platform's journal. */
  resets: FrontDoorReset[];
  /** The limits judged by: the time scale of the clock, the path's jitter allowance as measured (at least the floor). */
  limits: GateLimits;
  /** The path's jitter the probe measured during the command (wall ms; undefined: too few probes). */
  measuredJitterWallMs?: number;
  wallMs: number;
};

const secretsOf = (vendor: string) =>
  VENDORS.find((v) => v.id === vendor)?.gate.secrets ?? { headers: [], fields: [] };

/** Each violation with its request's headers and body, secrets blanked. */
const withEvidence = (violations: Violation[], entries: readonly JournalEntry[]): Violation[] =>
  violations.map((v) => {
    const e = entries.find((x) => x.seq === v.request.seq);
    return e ? { ...v, evidence: redact(e, secretsOf(e.vendor)) } : v;
  });

/** The route a connection reset is armed on, at the front door (a reset behind WireMock reaches the client as a 500). */
const resetRoute = (i: InjectionInput) => {
  const route = VENDORS.find((v) => v.id === i.vendor)?.routes.find((r) => r.endpoint === i.endpoint);
  if (!route) throw new Error(`${i.vendor} has no endpoint ${i.endpoint}`);
  return route;
};

export const runOnce = async (
  sim: RunningSim,
  settings: RunSettings,
  profile: RunProfile = {},
): Promise<RunOutcome> => {
  const control = new ControlClient(sim.info.controlUrl);
  const started = Date.now();
  const reset = profile.injection?.failure === CONNECTION_RESET ? profile.injection : undefined;
  try {
    await must(control.reset());
    if (profile.removedQuirks?.length) await must(control.setQuirks(profile.removedQuirks));
    if (profile.injection && !reset) await must(control.setInjections([profile.injection]));
    const armed = reset
      ? await armFrontDoorReset(
          sim.wiremock,
          sim.info.controlUrl.replace(/\/__control$/, ''),
          resetRoute(reset),
          reset.call ?? 1,
        )
      : undefined;
    try {
      const state = await must(control.state());
      const clock = await must(control.clock());
      const lastSeq = await must(control.lastSeq());
      const exported: GateLimits = {
        ...settings.limits,
        timeScale: clock.timeScale,
        pathJitterWallMs: PATH_JITTER_WALL_MS,
      };
      mkdirSync(path.dirname(settings.readyFile), { recursive: true });
      writeFileSync(settings.readyFile, `${JSON.stringify(sim.info)}\n`);
      const env = gateEnv({
        info: sim.info,
        readyFile: settings.readyFile,
        limits: exported,
        throttle: perVendor((v) => state[v.id]?.throttle ?? ThrottleConfig.parse({})),
      });
      const probe = startPathProbe(sim.info.wiremockUrl);
      const exit = await runCommand(settings.command, env, settings);
      const sent = await probe.stop();
      const journal = (await must(control.journal({ since: lastSeq }))).entries;
      const measured = measuredJitterWallMs(journal, sent);
      const limits = { ...exported, pathJitterWallMs: Math.max(PATH_JITTER_WALL_MS, measured ?? 0) };
      const entries = journal.filter((e) => !isProbe(e));
      const throttle = Object.fromEntries(Object.entries(state).map(([v, s]) => [v, s.throttle]));
      const violations = audit(entries, { ...limits, throttle, exitCode: exit.exitCode });
      return {
        ...exit,
        entries,
        violations: withEvidence(violations, entries),
        resets: armed ? await frontDoorResets(sim.wiremock, armed) : [],
        limits,
        ...(measured === undefined ? {} : { measuredJitterWallMs: measured }),
        wallMs: Date.now() - started,
      };
    } finally {
      if (armed) await disarmFrontDoorReset(sim.wiremock, armed);
    }
  } finally {
    await control.close();
  }
};

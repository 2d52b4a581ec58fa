// One measured planning case: the simulator up (a child process, or in-process), the fleet seeded in one call, the drive, the figures, the simulator down.
import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanCalls } from '../../contracts/common/plan-calls.ts';
import type { FleetSeedAnswer, StateAnswer } from '../../contracts/control/api.ts';
import { ControlClient, must } from '../../contracts/control/client.ts';
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import type { DrainInput } from '../runner/drain-model.ts';
import type { Vendor } from '../../vendors/index.ts';
import { type DriveProgress, type DriveResult, drive } from './drive.ts';
import { inProcessTransport } from './in-process.ts';
import { buildPlanPlatform, PLAN_EPOCH_MS, type PlanSimConfig } from './platform.ts';
import { peakRssOf, startSimChild } from './sim-child.ts';
import { connectionTo, httpTransport, type PlanTransport } from './transport.ts';
import { latencySampler, onlineSchedule, type WhatIfs } from './what-ifs.ts';

export type CaseSpec = DrainInput & {
  vendor: Vendor;
  calls: PlanCalls;
  whatIfs: WhatIfs;
  /** The analytic drain, over which devices coming online are spread. */
  analyticDrainMs: number;
  seed: number;
};

export type CaseRun = {
  drive: DriveResult;
  /** Commands still PENDING on the platform afterwards, and those its devices took (sent, delivered, answered). */
  pendingLeft: number;
  deliveredInstead: number;
  seedWallMs: number;
  /** Peak resident memory of the drive's process and of the simulator's (the same process when in-process). */
  peakRssBytes: { drive?: number; simulator?: number };
};

/** Commands of the platform's store that its devices took instead of being cancelled. */
const TAKEN = ['SENT', 'DELIVERED', 'SUCCEEDED', 'FAILED', 'TIMED_OUT'] as const;

const throttleOf = (s: CaseSpec): ThrottleConfigInput => ({
  limit: s.limit,
  windowMs: s.windowMs,
  algorithm: s.whatIfs.algorithm,
  alignment: 'epoch',
  originMs: 0,
  enabled: true,
});

/** Where the platform stands: one simulator over HTTP (a child process), or the same platform in this process. */
type Target = {
  transport: PlanTransport;
  seed(): Promise<FleetSeedAnswer>;
  arm(
    injections: { vendor: string; endpoint: string; failure: string; call: number; every: number }[],
  ): Promise<void>;
  state(): Promise<StateAnswer>;
  simulatorRss(): number | undefined;
  stop(): Promise<void>;
};

const seedSpecOf = (s: CaseSpec) => ({
  apps: s.apps,
  devices: s.devices,
  pending: s.pending,
  // Commands outlive the drain by far: what the plan measures is the throttle, not their expiry.
  ttlMs: Math.max(172_800_000, Math.ceil(s.analyticDrainMs * 2 + 3_600_000)),
  withCommandIds: s.strategy === 'modify',
  tokenLifetimeSeconds: s.whatIfs.tokenLifetimeS,
  loginsCount: s.whatIfs.loginsCount,
  keepTasks: false,
});

const httpTarget = async (s: CaseSpec, sim: PlanSimConfig, log: (t: string) => void): Promise<Target> => {
  const child = await startSimChild(sim, log);
  const connection = connectionTo(child.endpoint);
  const control = new ControlClient(`${child.endpoint.origin}/__control`, { dispatcher: connection });
  return {
    transport: httpTransport(child.endpoint, s.apps, s.vendor),
    seed: () => must(control.seedFleet(s.vendor, seedSpecOf(s))),
    arm: async (injections) => {
      await must(control.setInjections(injections));
    },
    state: () => must(control.state()),
    simulatorRss: () => child.peakRssBytes(),
    stop: async () => {
      await control.close();
      await connection.close();
      await child.stop();
    },
  };
};

const inProcessTarget = async (s: CaseSpec, sim: PlanSimConfig): Promise<Target> => {
  const platform = buildPlanPlatform(sim);
  await platform.app.ready();
  const control = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> => {
    const res = await platform.app.inject({
      method,
      url: `/__control${url}`,
      ...(body ? { payload: body as object } : {}),
    });
    if (res.statusCode !== 200)
      throw new Error(`${method} ${url}: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body) as T;
  };
  return {
    transport: inProcessTransport(platform, s.vendor),
    seed: () => control<FleetSeedAnswer>('POST', `/fleet/${s.vendor}`, seedSpecOf(s)),
    arm: async (injections) => {
      await control('PUT', '/injections', { injections });
    },
    state: () => control<StateAnswer>('GET', '/state'),
    simulatorRss: () => undefined,
    stop: () => platform.close(),
  };
};

/**
 * Runs one case and always stops its simulator. The work folder gets the simulator's log (`simulator.log`) and the
 * drive's progress lines (`progress.log`).
 */
export const runCase = async (
  s: CaseSpec,
  opts: { transport: 'http' | 'in-process'; workDir: string; onProgress?: (p: DriveProgress) => void },
): Promise<CaseRun> => {
  mkdirSync(opts.workDir, { recursive: true });
  const simLog = path.join(opts.workDir, 'simulator.log');
  writeFileSync(simLog, '');
  const progressLog = path.join(opts.workDir, 'progress.log');
  writeFileSync(progressLog, '');
  const sim: PlanSimConfig = { vendor: s.vendor, throttle: throttleOf(s), seed: s.seed, journalCapacity: 0 };
  const wallStart = performance.now();
  const target =
    opts.transport === 'http'
      ? await httpTarget(s, sim, (t) => appendFileSync(simLog, t))
      : await inProcessTarget(s, sim);
  try {
    const fleet = await target.seed();
    const seedWallMs = performance.now() - wallStart;
    const { faults } = s.whatIfs;
    if (faults)
      await target.arm([
        {
          vendor: s.vendor,
          endpoint: s.calls.endpoints[s.strategy === 'revoke' ? 'revoke' : 'modify'],
          failure: s.calls.failures[faults.status],
          call: faults.every,
          every: faults.every,
        },
      ]);
    // The first slot opens a window one minute after the platform's epoch (a whole minute: a window boundary).
    const start = PLAN_EPOCH_MS + s.windowMs;
    const devices = fleet.apps.flatMap((a) => a.devices);
    const result = await drive(
      {
        apps: fleet.apps.map((a) => ({
          appId: a.appId,
          secret: a.secret,
          targets: s.strategy === 'revoke' ? a.devices : (a.commands ?? []),
        })),
        kind: s.strategy,
        calls: s.calls,
        policy: {
          intervalMs: s.windowMs / s.callsPerWindow,
          retries: s.whatIfs.retries,
          backoffMs: s.whatIfs.backoffMs,
          renewBeforeMs: 60_000,
          loginsCount: s.whatIfs.loginsCount,
        },
        start,
        // Bounded: four times the formula plus a day of platform time, then whatever is left counts as left.
        stopAt: start + 4 * s.analyticDrainMs + 86_400_000,
        throttle: throttleOf(s),
        latency: latencySampler(s.whatIfs.latency, s.seed),
        onlines: onlineSchedule(devices, s.whatIfs.onlineShare, start, s.analyticDrainMs, s.seed + 1),
        onProgress: (p) => {
          appendFileSync(
            progressLog,
            `${JSON.stringify({ platformMs: p.elapsedPlatformMs, left: p.targetsLeft, calls: p.calls, wallMs: Math.round(p.wallMs) })}\n`,
          );
          opts.onProgress?.(p);
        },
      },
      target.transport,
    );
    const state = (await target.state())[s.vendor];
    const byState: Partial<Record<string, number>> = state?.stats.byState ?? {};
    return {
      drive: result,
      pendingLeft: byState.PENDING ?? 0,
      deliveredInstead: TAKEN.reduce((n, k) => n + (byState[k] ?? 0), 0),
      seedWallMs,
      peakRssBytes: { drive: peakRssOf('self'), simulator: target.simulatorRss() },
    };
  } finally {
    await target.transport.close();
    await target.stop();
  }
};

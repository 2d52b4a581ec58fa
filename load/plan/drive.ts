// The virtual-time drive: every key's client against the platform, the clock jumping to the next due call once all answers are in.
import type { PlanApp, PlanCalls } from '../../contracts/common/plan-calls.ts';
import { Scheduler } from '../../simulators/model/scheduler.ts';
import { predictAllowed } from '../../simulators/model/throttle-predict.ts';
import type { ThrottleConfigInput } from '../../simulators/model/throttle.ts';
import { type ClientEvent, type ClientFigures, type ClientPolicy, PlanClient, type Work } from './client.ts';
import type { PlanTransport } from './transport.ts';

export type DriveSpec = {
  apps: readonly (PlanApp & { targets: readonly string[] })[];
  kind: 'revoke' | 'modify';
  calls: PlanCalls;
  policy: ClientPolicy;
  /** Platform time of every key's first slot (a window boundary, as the analytic model assumes). */
  start: number;
  /** The throttle the platform runs, for the exact replay of every key's counted calls. */
  throttle: ThrottleConfigInput;
  /** Platform ms from sending a request to its reaching the platform, drawn per request (0: none). */
  latency: () => number;
  /** The drive stops at this platform time whatever is left (a bound: every load loop is bounded). */
  stopAt: number;
  /** Devices that come online, each at its platform time (sorted by time). */
  onlines: { at: number; deviceId: string }[];
  /** Progress, about every `progressEveryMs` of wall time. */
  onProgress?: (p: DriveProgress) => void;
  progressEveryMs?: number;
};

export type DriveProgress = {
  platformMs: number;
  elapsedPlatformMs: number;
  targetsLeft: number;
  targets: number;
  calls: number;
  wallMs: number;
};

export type ReplayCheck = { counted: number; refused: number; predictedRefused: number; mismatches: number };

export type DriveResult = {
  transport: 'http' | 'in-process';
  /** Platform ms from the first call to the last target done (the busiest key sets it). */
  drainMs: number;
  /** Steps (distinct platform instants the clock jumped to). */
  steps: number;
  wallMs: number;
  clients: ClientFigures[];
  /** Every key's counted calls replayed through the pure throttle model: mismatches must be 0. */
  replay: ReplayCheck[];
  onlinesApplied: number;
  /** Targets not done: given up after their retries, or never reached before stopAt. */
  left: number;
};

type Event = { client: PlanClient; event: ClientEvent };

/**
 * The loop: take the earliest due time; run every slot due then (which may send requests arriving then); jump the
 * platform clock there (devices due online come online with the jump); send every request arriving then, in
 * parallel, one connection per key; once every answer is in, let the clients react (a login answered sends the call
 * that waited for it, at the same instant), and repeat. Platform time depends on nothing but the schedule and the
 * answers: the machine's load changes the wall time only.
 */
export const drive = async (spec: DriveSpec, transport: PlanTransport): Promise<DriveResult> => {
  const heap = new Scheduler<Event>();
  const schedule = (at: number, client: PlanClient, event: ClientEvent) => {
    heap.schedule(at, { client, event });
  };
  const clients = spec.apps.map(
    (a, index) =>
      new PlanClient({
        index,
        app: a,
        targets: a.targets,
        kind: spec.kind,
        calls: spec.calls,
        policy: spec.policy,
        start: spec.start,
        latency: spec.latency,
      }),
  );
  for (const c of clients) c.begin(schedule);
  const targets = clients.reduce((n, c) => n + c.targets.length, 0);
  const wallStart = performance.now();
  const every = spec.progressEveryMs ?? 1000;
  let lastProgress = wallStart;
  let clock = Number.NEGATIVE_INFINITY;
  let steps = 0;
  let nextOnline = 0;
  const batch: { client: PlanClient; work: Work }[] = [];
  const handle = (ev: Event, at: number) => {
    if (ev.event.kind === 'slot') ev.client.onSlot(at, schedule);
    else batch.push({ client: ev.client, work: ev.event.work });
  };
  for (let at = heap.nextAt(); at !== undefined && at <= spec.stopAt; at = heap.nextAt()) {
    heap.runDue(at, handle);
    if (batch.length === 0) continue;
    const online: string[] = [];
    while (nextOnline < spec.onlines.length && spec.onlines[nextOnline]!.at <= at)
      online.push(spec.onlines[nextOnline++]!.deviceId);
    if (at > clock || online.length > 0) {
      await transport.jump(at, online);
      if (at > clock) steps++;
      clock = at;
    }
    const sent = batch.splice(0);
    const answers = await Promise.all(
      sent.map(({ client, work }) => transport.send(client.index, client.request(work))),
    );
    for (let i = 0; i < sent.length; i++) {
      const { client, work } = sent[i]!;
      const a = answers[i]!;
      client.onAnswer(at, work, a.status, a.body, schedule);
    }
    if (spec.onProgress && performance.now() - lastProgress >= every) {
      lastProgress = performance.now();
      spec.onProgress(progressOf(clients, targets, at, spec.start, lastProgress - wallStart));
    }
  }
  const wallMs = performance.now() - wallStart;
  spec.onProgress?.(progressOf(clients, targets, clock, spec.start, wallMs));
  const firsts = clients.map((c) => c.figures.firstCallAt).filter((t): t is number => t !== undefined);
  const lasts = clients.map((c) => c.figures.lastDoneAt).filter((t): t is number => t !== undefined);
  return {
    transport: transport.kind,
    drainMs: firsts.length && lasts.length ? Math.max(...lasts) - Math.min(...firsts) : 0,
    steps,
    wallMs,
    clients: clients.map((c) => c.figures),
    replay: clients.map((c) => replayOf(spec.throttle, c)),
    onlinesApplied: nextOnline,
    left: clients.reduce((n, c) => n + c.targets.length - c.figures.done, 0),
  };
};

const progressOf = (
  clients: readonly PlanClient[],
  targets: number,
  at: number,
  start: number,
  wallMs: number,
): DriveProgress => ({
  platformMs: at,
  elapsedPlatformMs: Math.max(0, at - start),
  targetsLeft: clients.reduce((n, c) => n + c.left, 0),
  targets,
  calls: clients.reduce((n, c) => n + c.figures.calls + c.figures.logins, 0),
  wallMs,
});

/** One key's counted calls, at the times they reached the platform, through the pure model: the decisions must agree. */
const replayOf = (throttle: ThrottleConfigInput, c: PlanClient): ReplayCheck => {
  const p = predictAllowed(throttle, c.countedAt);
  let mismatches = 0;
  let refused = 0;
  for (let i = 0; i < c.countedAllowed.length; i++) {
    if (!c.countedAllowed[i]) refused++;
    if (p.decisions[i] !== c.countedAllowed[i]) mismatches++;
  }
  return { counted: c.countedAt.length, refused, predictedRefused: p.refused, mismatches };
};

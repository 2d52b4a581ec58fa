// The path's jitter measured in the same run: the gate sends its own paced requests through the front door while the command runs, and reads how late they arrived.
import type { JournalEntry } from '../contracts/control/api.ts';
import { hiResWall } from '../simulators/model/clock.ts';

/** A path no vendor owns: the platform answers 404 and journals it (vendor `none`); the audit leaves it out. */
export const PROBE_PATH = '/__harness-probe/';

export const isProbe = (e: Pick<JournalEntry, 'url'>): boolean => e.url.startsWith(PROBE_PATH);

export type PathProbe = {
  /** Stops sending, waits for the answers, and gives each probe's send time (the platform's wall clock). */
  stop(): Promise<ReadonlyMap<number, number>>;
};

/** Starts sending one probe every `everyWallMs` through `frontDoorUrl` (the platform runs in this process: one wall clock). */
export const startPathProbe = (frontDoorUrl: string, everyWallMs = 100): PathProbe => {
  const sent = new Map<number, number>();
  const pending = new Set<Promise<unknown>>();
  let n = 0;
  const timer = setInterval(() => {
    const id = ++n;
    sent.set(id, hiResWall());
    const p = fetch(`${frontDoorUrl}${PROBE_PATH}${id}`)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined)
      .finally(() => pending.delete(p));
    pending.add(p);
  }, everyWallMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all([...pending]);
      return sent;
    },
  };
};

/**
 * The path's jitter in wall ms: how much later than the fastest probe the slowest one arrived (each probe's arrival
 * less its send time); undefined when fewer than two arrived.
 */
export const measuredJitterWallMs = (
  entries: readonly JournalEntry[],
  sent: ReadonlyMap<number, number>,
): number | undefined => {
  const delays = entries.flatMap((e) => {
    if (!isProbe(e)) return [];
    const at = sent.get(Number(e.url.slice(PROBE_PATH.length)));
    return at === undefined ? [] : [e.wallAt - at];
  });
  if (delays.length < 2) return undefined;
  return Math.max(...delays) - Math.min(...delays);
};

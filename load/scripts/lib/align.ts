// Harness step, not client behaviour: before the scenarios start, moves each simulator instance's platform clock so paced calls fall between window boundaries.
import exec from 'k6/execution';
import http from 'k6/http';
import { primaryThrottle, RUN } from './run.ts';
import { sleepWall } from './timing.ts';

/**
 * Where in its interval the first call of a window falls. Late calls (scheduling lag, latency) are the common case and
 * early ones come only from the alignment's own error, so the grid sits a quarter interval after each boundary: a
 * call may be up to 3/4 of an interval late (15 wall ms at 100 calls per minute and a time scale of 30) before it
 * slips into the next window.
 */
export const PHASE = 0.25;
/** Wall ms k6 takes from setup() returning to starting the scenarios (measured: 1 to 2 ms). */
const SETUP_TO_START_MS = 1.5;
/** Wall ms of headroom before the common start, for the clock requests and k6's own start of the scenarios. */
const LEAD_MS = 500;

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** This process aligns unless it runs a later execution segment (the one starting at 0 does it for all). */
const aligns = (): boolean => {
  const segment = exec.test.options.executionSegment;
  return (
    segment === undefined || segment === null || String(segment).startsWith('0:') || String(segment) === '0'
  );
};

/**
 * Moves one instance's clock forward so that the platform time at `origin` (the wall time the scenarios start) lies
 * PHASE of an interval after a window boundary; iteration k is then planned at boundary + (PHASE + k) * interval, so
 * a window of callsPerWindow intervals holds exactly callsPerWindow calls. Does nothing when the clock is already in
 * phase (another process aligned it), so it can run once per k6 process.
 */
const alignInstance = (controlUrl: string, intervalMs: number, windowMs: number, origin: number): void => {
  const asked = Date.now();
  const res = http.get(`${controlUrl}/clock`, { tags: { name: 'harness clock' } });
  const answered = Date.now();
  const platformNow = (res.json() as { now: number }).now;
  const sendAt = Date.now();
  const nowAtSend = platformNow + (sendAt - (asked + answered) / 2) * RUN.timeScale;
  const start = origin + SETUP_TO_START_MS;
  const atStart = nowAtSend + (start - sendAt) * RUN.timeScale;
  const want = intervalMs * PHASE;
  const offset = (((atStart - want) % windowMs) + windowMs) % windowMs;
  const tolerance = 2 * RUN.timeScale;
  if (offset <= tolerance || windowMs - offset <= tolerance) return;
  const advanceTo = Math.round(nowAtSend + (windowMs - offset));
  http.post(`${controlUrl}/clock`, JSON.stringify({ advanceTo }), {
    headers: JSON_HEADERS,
    tags: { name: 'harness clock' },
  });
};

/**
 * setup() of every script: picks the common start (the runner's startAt, or half a second from now), aligns each
 * instance that has a paced scenario (when the run asks for it), then waits for the start.
 */
export const alignAndWait = (paced: readonly { controlUrl: string; intervalMs: number }[]): void => {
  const origin = RUN.startAt ?? Date.now() + LEAD_MS;
  if (RUN.alignToWindow && aligns()) {
    const done = new Set<string>();
    for (const p of paced) {
      if (done.has(p.controlUrl)) continue;
      done.add(p.controlUrl);
      alignInstance(p.controlUrl, p.intervalMs, primaryThrottle().windowMs, origin);
    }
  }
  sleepWall(origin - Date.now());
};

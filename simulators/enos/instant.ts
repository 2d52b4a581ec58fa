// An instant invokeService (pendingTtl 0) answers once the device has: its outputData, or 11915 when the response timed out.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Answer } from './answers.ts';
import { failureAnswer, okAnswer } from './answers.ts';
import type { Core } from './core.ts';
import { isMap } from './projection.ts';

/** However the clock is set, an instant call never holds its connection longer than this (wall ms). */
export const INSTANT_WALL_CAP_MS = 65_000;
/** The longest single wait between two looks at the command (wall ms), so a clock change is noticed soon. */
const LOOK_EVERY_MS = 50;

/**
 * The vendor's instant service call returns the device's output (seed sample `200-invoke-service-instant`), so the
 * answer waits in platform time until the device responds (SUCCEEDED or FAILED: code 0 with its result as
 * outputData) or the command times out (11915, "sent, but the response timed out"). A frozen clock moves only
 * through the control API, so nothing could end the wait: the answer then goes at once with the commandId alone,
 * as does one the wall-clock cap cuts short; the command's fate is then read with `get`. A caller that has gone
 * away ends the wait too, so a closing server is never held up by it.
 */
export const awaitInstant = async (
  core: Core,
  answer: Answer,
  commandId: string,
  /** True once nobody can read the answer any more (the client went away, the server is closing). */
  gone: () => boolean = () => false,
): Promise<Answer> => {
  const { requestId } = answer.body as { requestId: string };
  const immediate: Answer = { status: answer.status, body: answer.body };
  const started = Date.now();
  for (;;) {
    if (core.clock.frozen || gone()) return immediate;
    const v = core.store.get(commandId);
    if (!v) return immediate;
    if (v.state === 'SUCCEEDED' || v.state === 'FAILED')
      return okAnswer(requestId, { commandId, outputData: isMap(v.result) ? v.result : null });
    if (v.state === 'TIMED_OUT') return failureAnswer(requestId, { kind: 'documented', code: 11915 });
    if (v.state !== 'SENT' && v.state !== 'DELIVERED') return immediate;
    const next = core.store.nextEventAt();
    const untilNext = next === undefined ? LOOK_EVERY_MS : (next - core.clock.now()) / core.clock.timeScale;
    const wait = Math.min(LOOK_EVERY_MS, Math.max(1, Math.ceil(untilNext)));
    if (Date.now() - started + wait > INSTANT_WALL_CAP_MS) return immediate;
    await sleep(wait);
  }
};

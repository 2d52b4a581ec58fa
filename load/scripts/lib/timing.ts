// Platform time to wall time and k6 durations: every rate and duration the scripts use is in platform time, divided by the time scale.
import { sleep } from 'k6';
import { RUN } from './run.ts';

/** Wall milliseconds of `platformMs` at the run's time scale. */
export const wallMs = (platformMs: number): number => platformMs / RUN.timeScale;

/** A k6 duration string in whole microseconds (k6 takes Go durations). */
export const k6Duration = (wall: number): string => `${Math.max(1, Math.round(wall * 1000))}us`;

/** Blocks the VU for `wall` milliseconds (k6's sleep takes seconds). */
export const sleepWall = (wall: number): void => {
  if (wall > 0) sleep(wall / 1000);
};

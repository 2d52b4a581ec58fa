// The simulated platform clock: platform epoch milliseconds derived from an injected wall clock, a time scale and manual advances.
import { z } from 'zod';

export const ClockConfig = z.object({
  /** Platform time (epoch ms) the clock shows when it is made. Absent: the wall clock's reading at that moment. */
  startEpochMs: z.number().int().optional(),
  /** Platform milliseconds per wall millisecond: 60 runs a simulated minute per wall second. */
  timeScale: z.number().positive().finite().default(1),
  /** A frozen clock moves only through advance()/advanceTo(): the mode for deterministic tests. */
  frozen: z.boolean().default(false),
});
export type ClockConfig = z.infer<typeof ClockConfig>;
export type ClockConfigInput = z.input<typeof ClockConfig>;

/** Wall-clock source in epoch milliseconds; injected so tests never sleep. */
export type WallSource = () => number;

/**
 * The default wall source: epoch milliseconds with sub-millisecond resolution and no steps back (the monotonic
 * `performance.now()` on its time origin). `Date.now()` moves in whole milliseconds, which at a time scale of 600 is
 * 600 platform ms: too coarse to tell two calls of one window apart.
 */
export const hiResWall: WallSource = () => performance.timeOrigin + performance.now();

/** Anything that can say what time it is on the platform; the store and the throttle need only this. */
export type TimeSource = { now(): number };

export type ClockState = { now: number; startEpochMs: number; timeScale: number; frozen: boolean };

/**
 * Platform time = anchor + (wall - wallAnchor) * timeScale (+ nothing while frozen), never decreasing, even if the wall
 * source steps back. `preciseNow()` keeps the fraction (sub-millisecond: what the throttle decides on and the journal
 * records); `now()` is the same reading floored to whole milliseconds (what answers and stored records carry). Window
 * boundaries are whole milliseconds, so both readings of one instant fall in the same window. Changing the scale or
 * freezing re-anchors, so time is continuous.
 */
export class SimClock implements TimeSource {
  readonly startEpochMs: number;
  private readonly wall: WallSource;
  private scale: number;
  private isFrozen: boolean;
  private platformAnchor: number;
  private wallAnchor: number;
  private last: number;

  constructor(config: ClockConfigInput = {}, wall: WallSource = hiResWall) {
    const c = ClockConfig.parse(config);
    this.wall = wall;
    this.wallAnchor = wall();
    this.startEpochMs = c.startEpochMs ?? Math.floor(this.wallAnchor);
    this.platformAnchor = this.startEpochMs;
    this.scale = c.timeScale;
    this.isFrozen = c.frozen;
    this.last = this.startEpochMs;
  }

  /** Current platform time in epoch milliseconds (an integer): `preciseNow()` floored. */
  now(): number {
    return Math.floor(this.preciseNow());
  }

  /** Current platform time in epoch milliseconds with its fraction (sub-millisecond resolution). */
  preciseNow(): number {
    const raw = this.isFrozen
      ? this.platformAnchor
      : this.platformAnchor + (this.wall() - this.wallAnchor) * this.scale;
    if (raw > this.last) this.last = raw;
    return this.last;
  }

  get timeScale(): number {
    return this.scale;
  }

  get frozen(): boolean {
    return this.isFrozen;
  }

  /** Moves platform time forward by `ms` (>= 0), in any mode; returns the new now(). */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock: cannot advance by ${ms} ms`);
    this.reanchor();
    this.platformAnchor += ms;
    return this.now();
  }

  /**
   * Moves platform time forward to exactly `at` (a fraction is kept); a time not after preciseNow() changes nothing.
   * Returns the new now().
   */
  advanceTo(at: number): number {
    if (!Number.isFinite(at)) throw new RangeError(`clock: cannot advance to ${at}`);
    this.reanchor();
    if (at > this.platformAnchor) this.platformAnchor = at;
    return this.now();
  }

  setTimeScale(timeScale: number): void {
    if (!Number.isFinite(timeScale) || timeScale <= 0)
      throw new RangeError(`clock: time scale must be positive, got ${timeScale}`);
    this.reanchor();
    this.scale = timeScale;
  }

  freeze(): void {
    this.reanchor();
    this.isFrozen = true;
  }

  unfreeze(): void {
    this.reanchor();
    this.isFrozen = false;
  }

  /** Platform milliseconds expressed in wall milliseconds at the current scale (for hints such as Retry-After). */
  toWallMs(platformMs: number): number {
    return platformMs / this.scale;
  }

  state(): ClockState {
    return { now: this.now(), startEpochMs: this.startEpochMs, timeScale: this.scale, frozen: this.isFrozen };
  }

  /** Folds elapsed wall time into the platform anchor so that a change of mode or scale applies from now on. */
  private reanchor(): void {
    this.platformAnchor = this.preciseNow();
    this.wallAnchor = this.wall();
  }
}

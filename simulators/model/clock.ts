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

/** Anything that can say what time it is on the platform; the store and the throttle need only this. */
export type TimeSource = { now(): number };

export type ClockState = { now: number; startEpochMs: number; timeScale: number; frozen: boolean };

/**
 * Platform time = anchor + (wall - wallAnchor) * timeScale (+ nothing while frozen), floored to whole milliseconds and
 * never decreasing, even if the wall source steps back. Changing the scale or freezing re-anchors, so time is continuous.
 */
export class SimClock implements TimeSource {
  readonly startEpochMs: number;
  private readonly wall: WallSource;
  private scale: number;
  private isFrozen: boolean;
  private platformAnchor: number;
  private wallAnchor: number;
  private last: number;

  constructor(config: ClockConfigInput = {}, wall: WallSource = Date.now) {
    const c = ClockConfig.parse(config);
    this.wall = wall;
    this.wallAnchor = wall();
    this.startEpochMs = c.startEpochMs ?? Math.floor(this.wallAnchor);
    this.platformAnchor = this.startEpochMs;
    this.scale = c.timeScale;
    this.isFrozen = c.frozen;
    this.last = this.startEpochMs;
  }

  /** Current platform time in epoch milliseconds (an integer). */
  now(): number {
    const raw = this.isFrozen
      ? this.platformAnchor
      : this.platformAnchor + (this.wall() - this.wallAnchor) * this.scale;
    const t = Math.floor(raw);
    if (t > this.last) this.last = t;
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

  /** Moves platform time forward to `at`; a time not after now() changes nothing. Returns the new now(). */
  advanceTo(at: number): number {
    const now = this.now();
    return at > now ? this.advance(at - now) : now;
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
    this.platformAnchor = this.now();
    this.wallAnchor = this.wall();
  }
}

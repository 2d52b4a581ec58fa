// The model of a per-application fixed throttle window aligned to an origin: which call at which platform time is admitted.

export type WindowConfig = { limit: number; windowMs: number; originMs: number };

/** Windows are [origin + k*w, origin + (k+1)*w); each admits its first `limit` calls; a refused call uses nothing. */
export class FixedWindowModel {
  readonly config: WindowConfig;
  private readonly used = new Map<string, { window: number; count: number }>();

  constructor(config: WindowConfig) {
    this.config = config;
  }

  windowOf(t: number): number {
    return Math.floor((t - this.config.originMs) / this.config.windowMs);
  }

  /** Counts one call of `app` at `t`; true when it is admitted. */
  admit(app: string, t: number): boolean {
    const window = this.windowOf(t);
    const u = this.used.get(app);
    const count = u && u.window === window ? u.count : 0;
    if (count >= this.config.limit) {
      this.used.set(app, { window, count });
      return false;
    }
    this.used.set(app, { window, count: count + 1 });
    return true;
  }
}

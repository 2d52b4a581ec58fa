// A bounded set of running simulators the gate's runs share: each run takes a free one, more start (up to the bound) while runs wait.
import type { RunningSim } from '../simulators/sim.ts';

export class SimPool {
  private readonly free: { sim: RunningSim; index: number }[];
  private readonly waiting: ((s: { sim: RunningSim; index: number }) => void)[] = [];
  private readonly started: Promise<RunningSim>[] = [];
  private count: number;
  private readonly size: number;
  private readonly start?: () => Promise<RunningSim>;

  /**
   * `given`: running simulators (the first one ran the faithful run); `start`: starts one more, up to `size` in all
   * (undefined: the pool is only the given ones).
   */
  constructor(given: readonly RunningSim[], size: number, start?: () => Promise<RunningSim>) {
    this.size = size;
    this.start = start;
    this.free = given.map((sim, index) => ({ sim, index }));
    this.count = given.length;
  }

  /** Runs `work` on a free simulator (`index`: which one, for per-simulator files). */
  async run<T>(work: (sim: RunningSim, index: number) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await work(slot.sim, slot.index);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }

  private async acquire(): Promise<{ sim: RunningSim; index: number }> {
    const free = this.free.shift();
    if (free) return free;
    if (this.start && this.count < this.size) {
      const index = this.count++;
      const starting = this.start();
      this.started.push(starting);
      return { sim: await starting, index };
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Stops the simulators the pool started (not the given ones). */
  async stop(): Promise<void> {
    await Promise.all(this.started.map(async (s) => (await s.catch(() => undefined))?.stop()));
  }
}

// The command store with one deliberate fault, for the property suite's mutation check: CommandStore's lifecycle hooks broken on purpose.
import type { TimeSource } from '../../simulators/model/clock.ts';
import type { CommandRecord } from '../../simulators/model/command.ts';
import { CommandStore, type CommandStoreConfigInput } from '../../simulators/model/command-store.ts';
import type { StoreFactory } from '../../simulators/platform/vendor-sim.ts';

/** Faults of the command store (simulators/platform/config.ts MUTATIONS lists every fault of the simulator). */
export const STORE_MUTATIONS = [
  'cancel-takes-sent',
  'expiry-one-second-late',
  'cancel-all-skips-last',
] as const;
export type StoreMutation = (typeof STORE_MUTATIONS)[number];

/**
 * A store breaking the lifecycle as the named faults say (names of other parts' faults are ignored):
 * `expiry-one-second-late` expires a second after the TTL; `cancel-takes-sent` lets cancel and cancel-all take the
 * command in flight while it is SENT (freeing the device's slot and sending the next one at once);
 * `cancel-all-skips-last` leaves the newest PENDING command of a cancel-all.
 */
export class MutantCommandStore extends CommandStore {
  readonly mutations: readonly string[];

  constructor(clock: TimeSource, config: CommandStoreConfigInput, mutations: readonly string[]) {
    super(clock, config);
    this.mutations = [...mutations];
  }

  private has(m: StoreMutation): boolean {
    return this.mutations.includes(m);
  }

  protected override expiryOf(r: CommandRecord): number {
    return super.expiryOf(r) + (this.has('expiry-one-second-late') ? 1000 : 0);
  }

  protected override cancelsInFlight(r: CommandRecord): boolean {
    return this.has('cancel-takes-sent') && r.state === 'SENT';
  }

  protected override cancelAllTakes(pending: CommandRecord[]): CommandRecord[] {
    return this.has('cancel-all-skips-last') ? pending.slice(0, -1) : pending;
  }

  /** Cancels a command already sent, which the lifecycle forbids (so it bypasses its transition check). */
  protected override takeInFlight(r: CommandRecord, at: number): void {
    const from = r.state;
    r.state = 'CANCELED';
    this.counts[from]--;
    this.counts.CANCELED++;
    this.emit(r, from, 'CANCELED', at);
    r.finishedAt = at;
    if (r.timer >= 0) this.scheduler.cancel(r.timer);
    r.timer = -1;
    r.device.inFlight = null;
    this.inFlight--;
    this.dispatch(r.device, at);
  }
}

/** Stores with the store faults among `mutations`, or plain ones when there are none. */
export const storesWith =
  (mutations: readonly string[]): StoreFactory =>
  (clock, config) =>
    mutations.some((m) => (STORE_MUTATIONS as readonly string[]).includes(m))
      ? new MutantCommandStore(clock, config, mutations)
      : new CommandStore(clock, config);

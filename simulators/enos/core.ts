// The state one EnOS simulator instance shares between its routes, actions and provider states.
import { createHash } from 'node:crypto';
import type { SimClock } from '../model/clock.ts';
import type { CommandStore } from '../model/command-store.ts';
import type { Throttle } from '../model/throttle.ts';
import type { EnosSimOptions } from './options.ts';
import type { World } from './world.ts';

export type Core = {
  readonly store: CommandStore;
  readonly world: World;
  readonly throttle: Throttle;
  readonly clock: SimClock;
  readonly options: EnosSimOptions;
  readonly seed: number;
  /** A 32-hex requestId, different for every answer, the same sequence for the same seed. */
  nextRequestId(): string;
  /** A 19-digit commandId like the vendor's (2278935391225618432) not yet held by the store. */
  nextCommandId(): string;
  /** Restarts both sequences (reset). */
  restartSequences(): void;
};

/** Commands the simulator creates get ids from here on (19 digits, above the vendor samples' 22789... ids). */
const COMMAND_ID_BASE = 2_300_000_000_000_000_000n;

export const makeCore = (parts: Omit<Core, 'nextRequestId' | 'nextCommandId' | 'restartSequences'>): Core => {
  let requests = 0;
  let commands = 0n;
  return {
    ...parts,
    nextRequestId: () =>
      createHash('sha256').update(`enos/request/${parts.seed}/${++requests}`).digest('hex').slice(0, 32),
    nextCommandId: () => {
      for (;;) {
        const id = String(COMMAND_ID_BASE + ++commands);
        if (parts.store.get(id) === undefined) return id;
      }
    },
    restartSequences: () => {
      requests = 0;
      commands = 0n;
    },
  };
};

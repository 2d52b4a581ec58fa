// Shared set-up for the model's tests: a frozen clock, a store on it, and a journal of every change.
import { SimClock } from './clock.ts';
import type { CommandChange } from './command.ts';
import { CommandStore, type CommandStoreConfigInput } from './command-store.ts';

export const T0 = Date.UTC(2026, 0, 1);

export const setup = (
  config: CommandStoreConfigInput = {},
  /** How the store is made (the mutation check's tests pass a store with a fault). */
  make: (clock: SimClock, config: CommandStoreConfigInput) => CommandStore = (c, cfg) =>
    new CommandStore(c, cfg),
) => {
  const clock = new SimClock({ startEpochMs: T0, frozen: true });
  const store = make(clock, config);
  const journal: CommandChange[] = [];
  store.onChange((c) => journal.push(c));
  /** Moves the clock to T0 + ms. */
  const at = (ms: number) => clock.advanceTo(T0 + ms);
  const stateOf = (id: string) => store.get(id)?.state;
  /** The journal of one command as [from, to, ms after T0], once the store has settled to the clock (it is lazy). */
  const historyOf = (id: string) => {
    store.settle();
    return journal.filter((c) => c.commandId === id).map((c) => [c.from, c.to, c.at - T0] as const);
  };
  return { clock, store, journal, at, stateOf, historyOf };
};

/** Unwraps an ok result or fails the test with the refusal. */
export const okOf = <T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

// One simulated device: online flag, behaviour, RNG state, its ordered pending queue and its one command in flight.
import { z } from 'zod';
import { DeviceBehaviour } from './behaviour.ts';
import type { CommandRecord } from './command.ts';
import { deviceSeed } from './rng.ts';

export type DeviceRecord = {
  key: string;
  online: boolean;
  behaviour: DeviceBehaviour;
  /** mulberry32 state; advanced once per response drawn. */
  rng: number;
  /**
   * Every command of this device, in creation order. The pending queue is not a second list: it is the PENDING
   * commands of this one from `qHead` on (creation order is queue order), so a cancel or an expiry in the middle of
   * the queue costs nothing and the head is found by stepping `qHead` forward.
   */
  commands: CommandRecord[];
  qHead: number;
  /** PENDING commands of this device (the count the cap applies to). */
  pending: number;
  inFlight: CommandRecord | null;
};

export const DeviceView = z.object({
  deviceKey: z.string(),
  online: z.boolean(),
  behaviour: DeviceBehaviour,
  pending: z.number().int().nonnegative(),
  inFlight: z.string().nullable(),
  commands: z.number().int().nonnegative(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const makeDevice = (
  key: string,
  online: boolean,
  behaviour: DeviceBehaviour,
  storeSeed: number,
): DeviceRecord => ({
  key,
  online,
  behaviour,
  rng: deviceSeed(storeSeed, key),
  commands: [],
  qHead: 0,
  pending: 0,
  inFlight: null,
});

export const deviceViewOf = (d: DeviceRecord): DeviceView => ({
  deviceKey: d.key,
  online: d.online,
  behaviour: { ...d.behaviour },
  pending: d.pending,
  inFlight: d.inFlight?.commandId ?? null,
  commands: d.commands.length,
});

/** Adds a new command (PENDING, or about to be sent at once) at the end of the device's history and queue. */
export const append = (d: DeviceRecord, r: CommandRecord): void => {
  // A first command gets an array of its own size: a push onto an empty array reserves 16 slots (128 bytes), which a
  // fleet of a million devices with one command each would pay a million times.
  if (d.commands.length === 0) d.commands = [r];
  else d.commands.push(r);
  if (r.state === 'PENDING') d.pending++;
};

/** The oldest PENDING command, stepping the head past commands that are no longer pending. */
export const headOf = (d: DeviceRecord): CommandRecord | undefined => {
  if (d.pending === 0) return undefined;
  while (d.qHead < d.commands.length) {
    const r = d.commands[d.qHead]!;
    if (r.state === 'PENDING') return r;
    d.qHead++;
  }
  return undefined;
};

/** Accounts for a command that stopped being PENDING (sent, cancelled, expired): call after its state changed. */
export const leftQueue = (d: DeviceRecord): void => {
  d.pending--;
  if (d.pending === 0) d.qHead = d.commands.length;
};

/** The PENDING commands in queue order. */
export const pendingInOrder = (d: DeviceRecord): CommandRecord[] => {
  const out: CommandRecord[] = [];
  for (let i = d.qHead; i < d.commands.length && out.length < d.pending; i++)
    if (d.commands[i]!.state === 'PENDING') out.push(d.commands[i]!);
  return out;
};

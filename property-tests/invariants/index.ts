// Every per-step invariant of the suite, by name.
import {
  cancelAllExact,
  deliveredNeverRevoked,
  onlyPendingCancelled,
  totalCountMatches,
} from './cancellation.ts';
import { expiryAtTtl, noneLostOrDuplicated, queueOrder, terminalStaysTerminal } from './lifecycle.ts';
import { vendorSpelling } from '../oceanconnect/spelling.ts';
import { throttleWindow } from './throttle.ts';
import { timestampsRoundTrip } from './timestamps.ts';
import type { Invariant } from './types.ts';

export type { Invariant, InvariantContext } from './types.ts';

export const INVARIANTS: readonly Invariant[] = [
  onlyPendingCancelled,
  deliveredNeverRevoked,
  cancelAllExact,
  totalCountMatches,
  terminalStaysTerminal,
  expiryAtTtl,
  queueOrder,
  noneLostOrDuplicated,
  throttleWindow,
  timestampsRoundTrip,
  vendorSpelling,
];

export const invariantNamed = (name: string): Invariant | undefined =>
  INVARIANTS.find((i) => i.name === name);

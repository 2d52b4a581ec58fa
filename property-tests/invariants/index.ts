// Every per-step invariant of the suite, by name, and which of them each vendor's runs exercise.
import {
  cancelAllExact,
  deliveredNeverRevoked,
  onlyPendingCancelled,
  totalCountMatches,
} from './cancellation.ts';
import { expiryAtTtl, noneLostOrDuplicated, queueOrder, terminalStaysTerminal } from './lifecycle.ts';
import { throttleWindow } from './throttle.ts';
import { timestampsRoundTrip } from './timestamps.ts';
import { type Vendor, VENDORS, vendorOf } from '../../vendors/index.ts';
import type { Invariant } from './types.ts';

export type { Invariant, InvariantContext } from './types.ts';

const SHARED: readonly Invariant[] = [
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
];

/**
 * Every invariant of the suite: the shared ones above, then those a vendor brings for its own answers (its plugin's
 * list, property-tests/<vendor>/plugin.ts), each once.
 */
export const INVARIANTS: readonly Invariant[] = [
  ...SHARED,
  ...VENDORS.flatMap((v) => v.props.invariants.filter((i) => !SHARED.includes(i))),
].filter((inv, i, all) => all.indexOf(inv) === i);

/** The invariants a vendor's runs can exercise, in the suite's order. */
export const invariantsOf = (vendor: Vendor): Invariant[] =>
  INVARIANTS.filter((i) => vendorOf(vendor).props.invariants.includes(i));

export const invariantNamed = (name: string): Invariant | undefined =>
  INVARIANTS.find((i) => i.name === name);

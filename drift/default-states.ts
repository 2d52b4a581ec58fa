// The provider states a third party's pact is verified with: its own when the names are ours, else ours mapped by what the interaction asks for, else the vendor's documented default.
import type { Vendor } from '../contracts/common/problem.ts';
import { vendorOf } from '../vendors/index.ts';
import { intentOf } from './intent.ts';
import { bodyContent, type PactInteraction } from './pact-file.ts';
import type { ProviderState } from './replay.ts';

/** Our provider-state names per vendor: a third party's state with one of these names is set as it is. */
export type KnownStates = Record<Vendor, ReadonlySet<string>>;

export type StateChoice =
  | { kind: 'ours'; states: ProviderState[] }
  /** Ours, for what the interaction asks for (`because` says what it was read from). */
  | { kind: 'mapped'; states: ProviderState[]; replaced: string[]; because: string }
  | { kind: 'default'; states: ProviderState[]; replaced: string[] }
  | { kind: 'none'; replaced: string[] };

/**
 * The states an interaction is replayed with: its own when every name is one of ours; otherwise ours for what it asks
 * for (an unknown command or device, nothing pending, a command in a given state: drift/intent.ts and the vendor's
 * drift/<vendor>/third-party.ts); only when nothing says, the vendor's documented default derived from the request;
 * otherwise none (the simulator's fleet as it is).
 */
export const chooseStates = (
  vendor: Vendor,
  i: PactInteraction,
  known: KnownStates,
  v4: boolean,
): StateChoice => {
  const given = i.providerStates ?? [];
  const replaced = given.filter((s) => !known[vendor].has(s.name)).map((s) => s.name);
  if (replaced.length === 0 && given.length > 0) return { kind: 'ours', states: given };
  const { thirdParty, defaultState } = vendorOf(vendor).drift;
  const intent = intentOf({
    stateNames: replaced,
    namesCommand: thirdParty.commandIdOf(i) !== undefined,
    method: i.request.method,
    expected: { status: i.response.status, body: bodyContent(i.response.body, v4) },
    codes: { unknownCommand: thirdParty.unknownCodes.command, unknownDevice: thirdParty.unknownCodes.device },
    statusOf: thirdParty.statusOf,
  });
  const mapped = intent && thirdParty.stateFor(intent, i, v4);
  if (intent && mapped) return { kind: 'mapped', states: [mapped], replaced, because: intent.because };
  const fallback = defaultState(i, v4);
  return fallback ? { kind: 'default', states: [fallback], replaced } : { kind: 'none', replaced };
};

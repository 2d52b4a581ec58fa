// What Pact verification of the EnOS pact needs from the simulator: the replay fixture answering each interaction.
import type { ProviderVerification } from '../../contracts/common/provider-verify.ts';
import type { Fleet } from './fleet.ts';
import { fixtureFor } from './replay-cases.ts';

/** The vendor's part of a provider verification (contracts/verify-all.ts): replay fixtures, no request rewriting. */
export const providerVerification = (
  _fleet: Fleet,
): Pick<ProviderVerification, 'fixtureFor' | 'requestFilter'> => ({ fixtureFor });

// What Pact verification of the IoTDA pact needs from the simulator: replay fixtures, and AK/SK requests signed again.
import type { ProviderVerification } from '../../contracts/common/provider-verify.ts';
import type { Fleet } from './fleet.ts';
import { resignAkskRequest } from './pact-resign.ts';
import { fixtureFor } from './replay-cases.ts';

/**
 * The vendor's part of a provider verification (contracts/verify-all.ts): replay fixtures, and AK/SK requests signed
 * again for the verifier's host, with the fleet's AK/SK when the provider state names none.
 */
export const providerVerification = (
  fleet: Fleet,
): Pick<ProviderVerification, 'fixtureFor' | 'requestFilter'> => ({
  fixtureFor,
  requestFilter: (req, state) => {
    resignAkskRequest(req, state, { ak: fleet.ak, sk: fleet.sk });
  },
});

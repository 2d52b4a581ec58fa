// EnOS's provider states for a third party's interaction, chosen by what it asks for: an unknown device or command, nothing pending, a command in a given state.
import { ENOS_STATE_CODES, EnosState, fromCanonical, toCanonical } from '../../contracts/enos/states.ts';
import type { Intent } from '../intent.ts';
import { bodyContent, type PactInteraction, queryValue } from '../pact-file.ts';
import type { ProviderState } from '../replay.ts';
import type { ThirdPartyStates } from '../vendor.ts';
import { deviceState, enosSeedsOf } from './default-state.ts';

/** A device of the organisation that is not the one the request names. */
const OTHER_DEVICE = {
  assetId: 'verify-pact-other-asset',
  productKey: 'verify-pact-other-product',
  deviceKey: 'verify-pact-other-device',
};

export const thirdParty: ThirdPartyStates = {
  unknownCodes: { command: ['11404'], device: ['99404'] },
  statusOf: (v) => {
    const s = EnosState.safeParse(v);
    return s.success && ENOS_STATE_CODES.includes(s.data) ? toCanonical(s.data) : undefined;
  },
  commandIdOf: (i) => queryValue(i, 'commandId'),
  /**
   * The app of the request's token on its orgId. Unknown device: the organisation holds another device only (99404).
   * Unknown command, nothing pending: the device holds no command. A command in a state: it holds the command of the
   * request's commandId in that state.
   */
  stateFor: (intent: Intent, i: PactInteraction, v4: boolean): ProviderState | undefined => {
    switch (intent.kind) {
      case 'unknown-device':
        return deviceState(i, [], OTHER_DEVICE);
      case 'unknown-command':
      case 'no-pending':
        return deviceState(i, []);
      case 'command-in-state': {
        // The command as the expected answer shows it (its ThingModel names), in the state asked for.
        const commandId = queryValue(i, 'commandId') ?? '2278935391225618999';
        const shown = enosSeedsOf(bodyContent(i.response.body, v4)).find((c) => c.commandId === commandId);
        const seed = shown ?? enosSeedsOf({ data: { commandId, state: 1 } })[0];
        return seed && deviceState(i, [{ ...seed, state: fromCanonical(intent.state) }]);
      }
    }
  },
};

// EnOS's part of the property suite: its calls, its client, its model facts and answer cases (registered in vendors/enos.ts).
import { createClient, type EnosClient } from '../../clients/enos/client.ts';
import type { Fleet } from '../../simulators/enos/fleet.ts';
import { cancelAllExact, deliveredNeverRevoked, onlyPendingCancelled } from '../invariants/cancellation.ts';
import {
  expiryAtTtl,
  noneLostOrDuplicated,
  queueOrder,
  terminalStaysTerminal,
} from '../invariants/lifecycle.ts';
import { timestampsRoundTrip } from '../invariants/timestamps.ts';
import type { PropsVendor } from '../vendor.ts';
import { ERROR_CASES, OVERRIDES, SUCCESS_CASES } from './answers.ts';
import { type Call, CALL_ARBS, CALLS, commandOf } from './calls.ts';
import { mappingProblems } from './projection.ts';

export const props: PropsVendor<Call, Fleet, EnosClient> = {
  calls: CALLS,
  callArbs: CALL_ARBS,
  commandOf: (s) => commandOf(s),
  /** EnOS documents no throttle: the suite leaves it off. */
  throttled: false,
  /** The model's device ids are assetIds. */
  deviceIds: (fleet) => fleet.devices.map((d) => d.assetId),
  appOf: () => undefined,
  /**
   * EnOS timestamps must never repeat (the token service refuses a reused encryption), so the client's clock ticks
   * at least one millisecond per reading, on platform time (no surprise token expiry in the middle of a step).
   */
  clients: ({ baseUrl, fleet, platformNow, dispatcher }) => {
    let last = 0;
    const now = () => {
      last = Math.max(last + 1, platformNow());
      return last;
    };
    return createClient({
      baseUrl,
      credentials: { appKey: fleet.appKey, appSecret: fleet.appSecret },
      now,
      ...(dispatcher ? { dispatcher } : {}),
    });
  },
  invariants: [
    onlyPendingCancelled,
    deliveredNeverRevoked,
    cancelAllExact,
    terminalStaysTerminal,
    expiryAtTtl,
    queueOrder,
    noneLostOrDuplicated,
    timestampsRoundTrip,
  ],
  mappingProblems,
  successCases: SUCCESS_CASES,
  errorCases: ERROR_CASES,
  answerOverrides: OVERRIDES,
  throttledCodes: [],
};

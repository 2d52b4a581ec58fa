// OceanConnect's part of the property suite: its calls, its client, its model facts and answer cases (registered in vendors/oceanconnect.ts).
import { defaultBackoff } from '../../clients/common/backoff.ts';
import { OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import type { Fleet } from '../../simulators/oceanconnect/fleet.ts';
import {
  cancelAllExact,
  deliveredNeverRevoked,
  onlyPendingCancelled,
  totalCountMatches,
} from '../invariants/cancellation.ts';
import {
  expiryAtTtl,
  noneLostOrDuplicated,
  queueOrder,
  terminalStaysTerminal,
} from '../invariants/lifecycle.ts';
import { throttleWindow } from '../invariants/throttle.ts';
import { timestampsRoundTrip } from '../invariants/timestamps.ts';
import type { PropsVendor } from '../vendor.ts';
import { ERROR_CASES, OVERRIDES, SUCCESS_CASES } from './answers.ts';
import { type Call, CALL_ARBS, CALLS, commandOf } from './calls.ts';
import { EXPECTED_CODES, mappingProblems } from './projection.ts';
import { vendorSpelling } from './spelling.ts';

export const props: PropsVendor<Call, Fleet, OceanConnectClient> = {
  calls: CALLS,
  callArbs: CALL_ARBS,
  commandOf: (s) => commandOf(s),
  throttled: true,
  deviceIds: (fleet) => [...fleet.devices],
  /** The throttle counts calls per application. */
  appOf: (fleet) => fleet.appId,
  /** Throttle back-off is off: a 1010009 must reach the suite as it is. Token lifetimes are judged in platform time. */
  clients: ({ baseUrl, fleet, platformNow, dispatcher }) =>
    new OceanConnectClient({
      baseUrl,
      credentials: { appId: fleet.appId, secret: fleet.secret },
      backoff: defaultBackoff({ maxRetries: 0, now: platformNow, sleep: async () => {} }),
      now: platformNow,
      ...(dispatcher ? { dispatcher } : {}),
    }),
  invariants: [
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
  ],
  mappingProblems,
  successCases: SUCCESS_CASES,
  errorCases: ERROR_CASES,
  answerOverrides: OVERRIDES,
  throttledCodes: [EXPECTED_CODES.throttled],
};

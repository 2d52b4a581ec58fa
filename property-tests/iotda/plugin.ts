// IoTDA's part of the property suite: its calls, its client, its model facts and answer cases (registered in vendors/iotda.ts).
import { createClient, type IotdaClient, iotdaBackoff } from '../../clients/iotda/client.ts';
import type { Fleet } from '../../simulators/iotda/fleet.ts';
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

export const props: PropsVendor<Call, Fleet, IotdaClient> = {
  calls: CALLS,
  callArbs: CALL_ARBS,
  commandOf: (s) => commandOf(s),
  /** The API gateway's throttle (off in normal runs) is switched on and modelled. */
  throttled: true,
  deviceIds: (fleet) => [...fleet.devices],
  /** The throttle counts calls per credential: the suite's clients share the fleet's one X-Auth-Token. */
  appOf: (fleet) => `token ${fleet.authToken.slice(0, 8)}`,
  /** Throttle back-off is off: an APIG.0308 must reach the suite as it is. */
  clients: ({ baseUrl, fleet, platformNow, dispatcher }) =>
    createClient({
      baseUrl,
      projectId: fleet.projectId,
      credentials: { kind: 'token', token: fleet.authToken },
      backoff: iotdaBackoff({ maxRetries: 0, now: platformNow, sleep: async () => {} }),
      ...(dispatcher ? { dispatcher } : {}),
    }),
  invariants: [
    terminalStaysTerminal,
    expiryAtTtl,
    queueOrder,
    noneLostOrDuplicated,
    throttleWindow,
    timestampsRoundTrip,
  ],
  mappingProblems,
  successCases: SUCCESS_CASES,
  errorCases: ERROR_CASES,
  answerOverrides: OVERRIDES,
  throttledCodes: [EXPECTED_CODES.throttled],
};

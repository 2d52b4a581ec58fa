// The IoTDA entry of the vendor registry: what its folders under contracts/, clients/ and simulators/ bring to each capability.
import { PACT_PROVIDER, PENDING_CAP, RECOGNISED_BY, THROTTLE } from '../contracts/iotda/constraints.ts';
import { Fleet } from '../simulators/iotda/fleet.ts';
import { simulator } from '../simulators/iotda/sim.ts';
import { providerVerification } from '../simulators/iotda/verification.ts';
import { IOTDA_ROUTES } from '../contracts/iotda/endpoints.ts';
import { IOTDA_FAILURES } from '../contracts/iotda/failures.ts';
import { IOTDA_QUIRKS } from '../contracts/iotda/quirks.ts';
import { props } from '../property-tests/iotda/plugin.ts';
import { drift } from '../drift/iotda/plugin.ts';
import { gate } from '../gate/iotda/plugin.ts';
import { driftedAnswer } from '../simulators/iotda/drift-profile.ts';
import { COVERAGE } from '../contracts/iotda/coverage.ts';
import * as errors from '../contracts/iotda/errors.ts';
import * as requests from '../contracts/iotda/requests.ts';
import * as responses from '../contracts/iotda/responses.ts';
import * as signing from '../contracts/iotda/signing.ts';
import * as states from '../contracts/iotda/states.ts';
import { createClient } from '../clients/iotda/client.ts';
import { REPLAY_CASES } from '../simulators/iotda/replay-cases.ts';
import type { VendorDescriptor } from './descriptor.ts';

export const iotda = {
  id: 'iotda',
  name: 'IoTDA',
  pactProvider: PACT_PROVIDER,
  recognisedBy: RECOGNISED_BY,
  contract: { requests, responses, errors, states, signing },
  client: createClient,
  replayCases: REPLAY_CASES,
  coverage: COVERAGE,
  pendingCap: PENDING_CAP,
  throttle: THROTTLE,
  fleet: Fleet,
  providerVerification,
  driftedAnswer,
  routes: IOTDA_ROUTES,
  quirks: IOTDA_QUIRKS,
  failures: IOTDA_FAILURES,
  props,
  drift,
  gate,
  simulator,
} as const satisfies VendorDescriptor<'iotda', typeof Fleet>;

// The EnOS entry of the vendor registry: what its folders under contracts/, clients/ and simulators/ bring to each capability.
import { PACT_PROVIDER, PENDING_CAP, RECOGNISED_BY, THROTTLE } from '../contracts/enos/constraints.ts';
import { Fleet } from '../simulators/enos/fleet.ts';
import { simulator } from '../simulators/enos/sim.ts';
import { providerVerification } from '../simulators/enos/verification.ts';
import { ENOS_ROUTES } from '../contracts/enos/endpoints.ts';
import { ENOS_FAILURES } from '../contracts/enos/failures.ts';
import { ENOS_QUIRKS } from '../contracts/enos/quirks.ts';
import { props } from '../property-tests/enos/plugin.ts';
import { drift } from '../drift/enos/plugin.ts';
import { gate } from '../gate/enos/plugin.ts';
import { driftedAnswer } from '../simulators/enos/drift-profile.ts';
import { COVERAGE } from '../contracts/enos/coverage.ts';
import { load } from '../load/runner/enos/plugin.ts';
import * as errors from '../contracts/enos/errors.ts';
import * as requests from '../contracts/enos/requests.ts';
import * as responses from '../contracts/enos/responses.ts';
import * as signing from '../contracts/enos/signing.ts';
import * as states from '../contracts/enos/states.ts';
import { createClient } from '../clients/enos/client.ts';
import { REPLAY_CASES } from '../simulators/enos/replay-cases.ts';
import type { VendorDescriptor } from './descriptor.ts';

export const enos = {
  id: 'enos',
  name: 'EnOS',
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
  routes: ENOS_ROUTES,
  quirks: ENOS_QUIRKS,
  failures: ENOS_FAILURES,
  props,
  drift,
  gate,
  load,
  simulator,
} as const satisfies VendorDescriptor<'enos', typeof Fleet>;

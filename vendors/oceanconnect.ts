// The OceanConnect entry of the vendor registry: what its folders under contracts/, clients/ and simulators/ bring to each capability.
import {
  PACT_PROVIDER,
  PENDING_CAP,
  RECOGNISED_BY,
  THROTTLE,
} from '../contracts/oceanconnect/constraints.ts';
import { Fleet } from '../simulators/oceanconnect/fleet.ts';
import { simulator } from '../simulators/oceanconnect/sim.ts';
import { providerVerification } from '../simulators/oceanconnect/verification.ts';
import { OC_ROUTES } from '../contracts/oceanconnect/endpoints.ts';
import { OC_FAILURES } from '../contracts/oceanconnect/failures.ts';
import { OC_QUIRKS } from '../contracts/oceanconnect/quirks.ts';
import { props } from '../property-tests/oceanconnect/plugin.ts';
import { drift } from '../drift/oceanconnect/plugin.ts';
import { gate } from '../gate/oceanconnect/plugin.ts';
import { driftedAnswer } from '../simulators/oceanconnect/drift-profile.ts';
import { COVERAGE } from '../contracts/oceanconnect/coverage.ts';
import { load } from '../load/runner/oceanconnect/plugin.ts';
import * as errors from '../contracts/oceanconnect/errors.ts';
import * as requests from '../contracts/oceanconnect/requests.ts';
import * as responses from '../contracts/oceanconnect/responses.ts';
import * as states from '../contracts/oceanconnect/states.ts';
import { createClient } from '../clients/oceanconnect/client.ts';
import { REPLAY_CASES } from '../simulators/oceanconnect/replay-cases.ts';
import { OC_PLAN_CALLS } from '../clients/oceanconnect/plan-calls.ts';
import type { VendorDescriptor } from './descriptor.ts';

export const oceanconnect = {
  id: 'oceanconnect',
  name: 'OceanConnect',
  pactProvider: PACT_PROVIDER,
  recognisedBy: RECOGNISED_BY,
  contract: { requests, responses, errors, states },
  client: createClient,
  replayCases: REPLAY_CASES,
  coverage: COVERAGE,
  pendingCap: PENDING_CAP,
  throttle: THROTTLE,
  fleet: Fleet,
  providerVerification,
  driftedAnswer,
  routes: OC_ROUTES,
  planCalls: OC_PLAN_CALLS,
  quirks: OC_QUIRKS,
  failures: OC_FAILURES,
  props,
  drift,
  gate,
  load,
  simulator,
  // VENDOR-NOTES section 2: "Real deployments use HTTPS with a client certificate."
  clientCertificate: true,
} as const satisfies VendorDescriptor<'oceanconnect', typeof Fleet>;

// The OceanConnect entry of the vendor registry: what its folders under contracts/, clients/ and simulators/ bring to each capability.
import {
  PACT_PROVIDER,
  PENDING_CAP,
  RECOGNISED_BY,
  THROTTLE,
} from '../contracts/oceanconnect/constraints.ts';
import { Fleet } from '../simulators/oceanconnect/fleet.ts';
import { createOceanConnectSim } from '../simulators/oceanconnect/sim.ts';
import { providerVerification } from '../simulators/oceanconnect/verification.ts';
import type { VendorDescriptor } from './descriptor.ts';

export const oceanconnect = {
  id: 'oceanconnect',
  name: 'OceanConnect',
  pactProvider: PACT_PROVIDER,
  recognisedBy: RECOGNISED_BY,
  pendingCap: PENDING_CAP,
  throttle: THROTTLE,
  fleet: Fleet,
  providerVerification,
  simulator: createOceanConnectSim,
} as const satisfies VendorDescriptor<'oceanconnect', typeof Fleet>;

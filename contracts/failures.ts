// Every documented failure the simulator can inject and `harness gate --faults` injects one per run: the registry's lists and the network ones.
import { VENDORS } from '../vendors/index.ts';
import { type DocumentedFailure, NETWORK_FAILURES } from './common/failure.ts';

/** Read when called (the registry imports the simulators, which read these). */
export const allFailures = (): readonly DocumentedFailure[] => [
  ...VENDORS.flatMap((v) => v.failures),
  ...NETWORK_FAILURES,
];

export const failureById = (id: string): DocumentedFailure | undefined =>
  allFailures().find((f) => f.id === id);

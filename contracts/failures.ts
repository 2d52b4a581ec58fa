// The one list of documented failures the simulator can inject and `harness gate --faults` injects one per run.
import { type DocumentedFailure, NETWORK_FAILURES } from './common/failure.ts';
import { ENOS_FAILURES } from './enos/failures.ts';
import { IOTDA_FAILURES } from './iotda/failures.ts';
import { OC_FAILURES } from './oceanconnect/failures.ts';

export const FAILURES: readonly DocumentedFailure[] = [
  ...OC_FAILURES,
  ...ENOS_FAILURES,
  ...IOTDA_FAILURES,
  ...NETWORK_FAILURES,
];

export const failureById = (id: string): DocumentedFailure | undefined => FAILURES.find((f) => f.id === id);

// What a documented vendor failure is (an answer the vendor sends when something goes wrong), and the two network failures.
import { z } from 'zod';

/**
 * What a client should make of the failure. `recover`: something transient or refused: retry after a proper wait
 * until the work is done, or fail loudly; exiting 0 without the work is ignoring it. `no-retry`: a final answer
 * (EnOS 11905: the command already left state Created): accept it or fail loudly, never send the same call again.
 */
export const FailureExpectation = z.enum(['recover', 'no-retry']);
export type FailureExpectation = z.infer<typeof FailureExpectation>;

export const DocumentedFailure = z.object({
  /** `<vendor>.<code>` for a vendor answer, `network.<name>` for the two network failures. */
  id: z.string().min(1),
  /** The vendor whose answer it is; absent: a network failure, possible at any endpoint of every vendor. */
  vendor: z.string().optional(),
  /** "403 1010009 app throttle exceed." */
  title: z.string(),
  /** The answer's HTTP status and vendor code; absent for a network failure. */
  status: z.number().int().optional(),
  code: z.string().optional(),
  /** Endpoints (contract names) where the vendor documents or the contract assumes it; absent: every endpoint. */
  endpoints: z.array(z.string()).optional(),
  expect: FailureExpectation,
  source: z.string(),
});
export type DocumentedFailure = z.infer<typeof DocumentedFailure>;

export const CONNECTION_RESET = 'network.connection-reset';
export const LATENCY_SPIKE = 'network.latency-spike';

/** Failures of the path rather than of a vendor: possible at any call. */
export const NETWORK_FAILURES: readonly DocumentedFailure[] = [
  {
    id: CONNECTION_RESET,
    title: 'the connection reset before any answer',
    expect: 'recover',
    source: 'any HTTP client over TCP; the front door resets it (WireMock fault CONNECTION_RESET_BY_PEER)',
  },
  {
    id: LATENCY_SPIKE,
    title: 'the answer held back for a latency spike',
    expect: 'recover',
    source: 'any network path; the platform holds the answer for the configured platform ms',
  },
];

/** Whether a failure may be injected at an endpoint of a vendor. */
export const failureApplies = (f: DocumentedFailure, vendor: string, endpoint: string): boolean =>
  (f.vendor === undefined || f.vendor === vendor) &&
  (f.endpoints === undefined || f.endpoints.includes(endpoint));

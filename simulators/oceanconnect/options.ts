// Settings of the OceanConnect simulator that the vendor does not document: token lifetime, task timing, defaults.
import { z } from 'zod';

export const OcSimOptions = z.object({
  /** `expiresIn` of a login answer, in seconds (the consumer pact's example is 3600). */
  tokenLifetimeSeconds: z.number().int().positive().default(3600),
  /** Platform ms from a revocation task's creation until it shows RUNNING (WAITTING before). */
  taskRunDelayMs: z.number().int().nonnegative().default(1000),
  /** Platform ms a revocation task shows RUNNING before it shows its outcome (SUCCESS, PART_SUCCESS or FAILED). */
  taskRunMs: z.number().int().nonnegative().default(1000),
  /** `maxRetransmit` of a command created without one (Integer(0-3); no default is documented). */
  defaultMaxRetransmit: z.number().int().min(0).max(3).default(3),
  /**
   * HTTP status of 100203 and 100217 when the `appId` query names an application that is refused: both 200 and 403
   * are documented without a rule; the provider state TARGET_APP_REFUSED sets it per state.
   */
  refusalStatus: z.union([z.literal(200), z.literal(403)]).default(403),
});
export type OcSimOptions = z.infer<typeof OcSimOptions>;
export type OcSimOptionsInput = z.input<typeof OcSimOptions>;

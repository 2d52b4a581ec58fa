// The EnOS simulator's own settings (time zone of createLocalTime, token life, search paging), as one zod schema with defaults.
import { z } from 'zod';

export const EnosSimOptions = z.object({
  /**
   * Offset from UTC, in minutes, of the organisation's time zone, used for `createLocalTime` and for local-time
   * literals in search expressions. EnOS does not say which zone it uses **(unverified)**: UTC+8 (China, where the
   * platform is run) by default.
   */
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .default(480),
  /** Seconds a token of the token service lives (documented initial value 7200). */
  tokenExpireSeconds: z.number().int().positive().default(7200),
  /** Accept the opaque `apim-accesstoken` the vendor's Python library `enos-poseidon` sends (see DECISIONS.md). */
  acceptPoseidonTokens: z.boolean().default(true),
  /** Page size of a search without `pagination` **(unverified: the search page gives no default)**. */
  defaultPageSize: z.number().int().positive().default(10),
});
export type EnosSimOptions = z.infer<typeof EnosSimOptions>;
export type EnosSimOptionsInput = z.input<typeof EnosSimOptions>;

// An EnOS application as the run file carries it to the k6 scripts (load/scripts/enos/calls.ts reads it).
import { z } from 'zod';

/** One EnOS application, its organisation and devices (by assetId). */
export const EnosApp = z.object({
  baseUrl: z.string().url(),
  controlUrl: z.string().url(),
  orgId: z.string(),
  appKey: z.string(),
  appSecret: z.string(),
  accessToken: z.string(),
  devices: z.array(z.string()),
});
export type EnosApp = z.infer<typeof EnosApp>;

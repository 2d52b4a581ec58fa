// An OceanConnect application as the run file carries it to the k6 scripts (load/scripts/oceanconnect/calls.ts reads it).
import { z } from 'zod';

/** One OceanConnect application and the devices it owns, on the simulator instance (shard) that holds it. */
export const OcApp = z.object({
  baseUrl: z.string().url(),
  controlUrl: z.string().url(),
  appId: z.string(),
  secret: z.string(),
  /** The application's one valid token, obtained by the runner: every k6 process (segment) shares it. */
  accessToken: z.string(),
  devices: z.array(z.string()),
  /** Ids of the seeded PENDING commands, in device order (the `modify` drain strategy cancels them one by one). */
  commands: z.array(z.string()).default([]),
});
export type OcApp = z.infer<typeof OcApp>;

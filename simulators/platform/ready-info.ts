// The one JSON line `harness sim` prints when ready: URLs, credentials and device ids of every simulated vendor.
import { z } from 'zod';

export const EnosFleet = z.object({
  baseUrl: z.string().url(),
  orgId: z.string(),
  appKey: z.string(),
  appSecret: z.string(),
  devices: z.array(z.object({ assetId: z.string(), productKey: z.string(), deviceKey: z.string() })),
});
export type EnosFleet = z.infer<typeof EnosFleet>;

export const OceanConnectFleet = z.object({
  baseUrl: z.string().url(),
  appId: z.string(),
  secret: z.string(),
  devices: z.array(z.string()),
});
export type OceanConnectFleet = z.infer<typeof OceanConnectFleet>;

export const IotdaFleet = z.object({
  baseUrl: z.string().url(),
  projectId: z.string(),
  ak: z.string(),
  sk: z.string(),
  authToken: z.string(),
  devices: z.array(z.string()),
});
export type IotdaFleet = z.infer<typeof IotdaFleet>;

export const ReadyInfo = z.object({
  wiremockUrl: z.string().url(),
  controlUrl: z.string().url(),
  enos: EnosFleet,
  oceanconnect: OceanConnectFleet,
  iotda: IotdaFleet,
});
export type ReadyInfo = z.infer<typeof ReadyInfo>;

/** What each vendor simulator reports about its fleet; the base URL is added by whoever knows the front door. */
export type FleetSections = {
  enos: Omit<EnosFleet, 'baseUrl'>;
  oceanconnect: Omit<OceanConnectFleet, 'baseUrl'>;
  iotda: Omit<IotdaFleet, 'baseUrl'>;
};

// What both example clients do first on EnOS: the reference client from the gate's variables, and one cached command on the first asset.
import { createClient } from '../clients/enos/client.ts';
import { env, envList } from './support.ts';

/** The client, the device it acts on, and a command invoked with `pendingTtl` 600 (cached until delivered). */
export const enosCachedCommand = async () => {
  const client = createClient({
    baseUrl: env('HARNESS_ENOS_BASE_URL'),
    credentials: { appKey: env('HARNESS_ENOS_APP_KEY'), appSecret: env('HARNESS_ENOS_APP_SECRET') },
  });
  const device = {
    orgId: env('HARNESS_ENOS_ORG_ID'),
    assetId: envList('HARNESS_ENOS_ASSET_IDS')[0] as string,
  };
  const invoked = await client.invokeService({
    ...device,
    serviceId: 'svc',
    pendingTtl: 600,
    inputData: { a: 1 },
  });
  if (!invoked.ok) throw new Error(`invokeService: ${JSON.stringify(invoked.problem)}`);
  return { client, device, commandId: invoked.value.data.commandId };
};

// A naive client of all three vendors that breaks the rules `harness gate` audits, each on purpose (see README.md).
import { createClient } from '../clients/enos/client.ts';
import {
  commandBody,
  env,
  envList,
  envNumber,
  isThrottled,
  type OcAnswer,
  ocCall,
  ocLogin,
  sleep,
} from './support.ts';

const limit = envNumber('HARNESS_OC_THROTTLE_LIMIT');

/** "Just try again": every throttled call is repeated every 20 ms until the platform takes it. */
const untilAccepted = async (call: () => Promise<OcAnswer>): Promise<OcAnswer> => {
  for (;;) {
    const a = await call();
    if (!isThrottled(a)) return a;
    await sleep(20);
  }
};

const s = await ocLogin(env('HARNESS_OC_BASE_URL'), env('HARNESS_OC_APP_ID'), env('HARNESS_OC_SECRET'));
const devices = envList('HARNESS_OC_DEVICE_IDS').slice(0, 3);

// 1. Forgets the app_key header once (request-schema).
await ocCall(s, 'GET', '/deviceCommands', { query: { deviceId: devices[0] as string }, omitAppKey: true });

// 2. Bursts more than two windows' worth of calls at once and keeps calling after 1010009 (throttle-window).
await Promise.all(
  Array.from({ length: 2 * limit + 1 }, (_, i) =>
    untilAccepted(() =>
      ocCall(s, 'POST', '/deviceCommands', { body: commandBody(devices[i % devices.length] as string, i) }),
    ),
  ),
);

// 3. EnOS: cancels "to be sure" three times; the second answer is 11905 and it cancels again (recancel).
const enos = createClient({
  baseUrl: env('HARNESS_ENOS_BASE_URL'),
  credentials: { appKey: env('HARNESS_ENOS_APP_KEY'), appSecret: env('HARNESS_ENOS_APP_SECRET') },
});
const device = { orgId: env('HARNESS_ENOS_ORG_ID'), assetId: envList('HARNESS_ENOS_ASSET_IDS')[0] as string };
const invoked = await enos.invokeService({
  ...device,
  serviceId: 'svc',
  pendingTtl: 600,
  inputData: { a: 1 },
});
if (!invoked.ok) throw new Error(`invokeService: ${JSON.stringify(invoked.problem)}`);
const { commandId } = invoked.value.data;
for (let i = 0; i < 3; i++) await enos.cancel({ ...device, commandId });

// 4. Polls the command in a tight loop (poll-rate).
for (let i = 0; i < 5; i++) await enos.get({ ...device, commandId });

// 5. IoTDA: reads a command without any credentials (request-schema), answered 401.
const iotdaDevice = envList('HARNESS_IOTDA_DEVICE_IDS')[0] as string;
await fetch(
  `${env('HARNESS_IOTDA_BASE_URL')}/v5/iot/${env('HARNESS_IOTDA_PROJECT_ID')}/devices/${iotdaDevice}/async-commands/c-1`,
);

// 6. Revokes a device's commands and trusts the documented spelling: WAITTING is "unknown" (quirk).
const task = await untilAccepted(() =>
  ocCall(s, 'POST', '/deviceCommandCancelTasks', { body: { deviceId: devices[0] as string } }),
);
const KNOWN = ['WAITING', 'RUNNING', 'SUCCESS', 'PART_SUCCESS', 'FAILED'];
if (!KNOWN.includes(String(task.body.status)))
  throw new Error(`unknown revocation task status ${String(task.body.status)}`);
console.log('naive: done');

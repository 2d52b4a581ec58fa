// A naive client of all three vendors that breaks the rules `harness gate` audits, each on purpose (see README.md).
import { enosCachedCommand } from './enos.ts';
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

/** Each step runs, whatever the others did; a failed step is counted and the client exits 1 at the end. */
const failures: string[] = [];
const step = async (name: string, work: () => Promise<void>): Promise<void> => {
  try {
    await work();
  } catch (err) {
    failures.push(`${name}: ${(err as Error).message}`);
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

// 3. In the middle of its run, revokes a device's commands and trusts the documented spelling: WAITTING is
//    "unknown" (quirk: breaks on oceanconnect.waitting). The step fails; the run goes on.
await step('revoke', async () => {
  const task = await untilAccepted(() =>
    ocCall(s, 'POST', '/deviceCommandCancelTasks', { body: { deviceId: devices[0] as string } }),
  );
  const KNOWN = ['WAITING', 'RUNNING', 'SUCCESS', 'PART_SUCCESS', 'FAILED'];
  if (!KNOWN.includes(String(task.body.status)))
    throw new Error(`unknown revocation task status ${String(task.body.status)}`);
});

// 4. EnOS: cancels "to be sure" three times; the second answer is 11905 and it cancels again (recancel).
await step('enos', async () => {
  const { client: enos, device, commandId } = await enosCachedCommand();
  for (let i = 0; i < 3; i++) await enos.cancel({ ...device, commandId });
  // 5. Polls the command in a tight loop (poll-rate).
  for (let i = 0; i < 5; i++) await enos.get({ ...device, commandId });
});

// 6. IoTDA: reads a command without any credentials (request-schema), answered 401.
const iotdaDevice = envList('HARNESS_IOTDA_DEVICE_IDS')[0] as string;
await fetch(
  `${env('HARNESS_IOTDA_BASE_URL')}/v5/iot/${env('HARNESS_IOTDA_PROJECT_ID')}/devices/${iotdaDevice}/async-commands/c-1`,
);

// 7. Revokes the commands of a device it retired long ago and judges by the HTTP status alone: 100418 (no such
//    device) comes with HTTP 200, so it believes the revocation done (quirk: took 100418 sent with HTTP 200 for
//    success; only `harness gate --quirks` sees it, by sending the same answer with 404).
await step('revoke retired device', async () => {
  const task = await untilAccepted(() =>
    ocCall(s, 'POST', '/deviceCommandCancelTasks', { body: { deviceId: `${devices[0]}-retired` } }),
  );
  if (task.status >= 300) throw new Error(`revocation refused: ${task.status}`);
  console.log('naive: revoked the retired device’s commands');
});

if (failures.length) {
  console.error(`naive: ${failures.length} step(s) failed:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('naive: done');

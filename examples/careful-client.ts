// A careful client of all three vendors: paced under the throttle, waits out 1010009, reads the vendors' spellings.
import { createClient as createIotdaClient } from '../clients/iotda/client.ts';
import { enosCachedCommand } from './enos.ts';
import {
  commandBody,
  env,
  envList,
  envNumber,
  isThrottled,
  type OcAnswer,
  type OcSession,
  ocCall,
  ocLogin,
  sleep,
} from './support.ts';

const timeScale = envNumber('HARNESS_TIME_SCALE');
const limit = envNumber('HARNESS_OC_THROTTLE_LIMIT');
const windowMs = envNumber('HARNESS_OC_THROTTLE_WINDOW_MS');
const maxPollRate = envNumber('HARNESS_MAX_POLL_RATE');
/** Platform ms to wall ms. */
const wall = (platformMs: number): number => platformMs / timeScale;

/** Calls spread evenly with a 10% margin: never more than `limit` in any window. */
const callGapMs = wall((windowMs / limit) * 1.1);
let lastCall = 0;
const paced = async (call: () => Promise<OcAnswer>): Promise<OcAnswer> => {
  for (let attempt = 0; ; attempt++) {
    const wait = lastCall + callGapMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastCall = Date.now();
    const answer = await call();
    if (!isThrottled(answer) || attempt >= 2) return answer;
    // 1010009: the window is spent; a whole window later is always the next one.
    await sleep(wall(windowMs));
  }
};

const expectOk = (what: string, a: OcAnswer, statuses: number[]): Record<string, unknown> => {
  if (!statuses.includes(a.status) || a.body.error_code !== undefined)
    throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
};

/** Task statuses as the vendor spells them: WAITTING is "waiting", not an unknown state. */
const TASK_DONE = new Set(['SUCCESS', 'PART_SUCCESS', 'FAILED']);
const TASK_BUSY = new Set(['WAITTING', 'WAITING', 'RUNNING']);
/** Command statuses in revocation answers: PENDDING is PENDING. */
const commandStatus = (s: unknown): string => (s === 'PENDDING' ? 'PENDING' : String(s));

const oceanConnect = async (): Promise<void> => {
  const s: OcSession = await ocLogin(
    env('HARNESS_OC_BASE_URL'),
    env('HARNESS_OC_APP_ID'),
    env('HARNESS_OC_SECRET'),
  );
  const devices = envList('HARNESS_OC_DEVICE_IDS').slice(0, 3);
  for (const [i, deviceId] of devices.entries())
    expectOk(
      'create command',
      await paced(() => ocCall(s, 'POST', '/deviceCommands', { body: commandBody(deviceId, i) })),
      [201],
    );
  const page = expectOk(
    'query commands',
    await paced(() => ocCall(s, 'GET', '/deviceCommands', { query: { deviceId: devices[0] as string } })),
    [200],
  );
  console.log(`careful: ${(page.data as unknown[]).length} command(s) on ${devices[0]}`);
  const pollGapMs = wall((1000 / maxPollRate) * 1.2);
  for (const deviceId of devices) {
    const created = expectOk(
      'revocation task',
      await paced(() => ocCall(s, 'POST', '/deviceCommandCancelTasks', { body: { deviceId } })),
      [201],
    );
    const revoked = (created.deviceCommands as { status: unknown }[]).map((c) => commandStatus(c.status));
    console.log(`careful: task ${created.taskId} ${created.status}, revoking ${revoked.join(', ')}`);
    let status = String(created.status);
    let lastPoll = Date.now();
    while (!TASK_DONE.has(status)) {
      if (!TASK_BUSY.has(status)) throw new Error(`revocation task in an unknown status ${status}`);
      const wait = lastPoll + pollGapMs - Date.now();
      if (wait > 0) await sleep(wait);
      lastPoll = Date.now();
      const tasks = expectOk(
        'query tasks',
        await paced(() =>
          ocCall(s, 'GET', '/deviceCommandCancelTasks', { query: { taskId: String(created.taskId) } }),
        ),
        [200],
      );
      status = String((tasks.data as { status: unknown }[])[0]?.status);
    }
    console.log(`careful: task ${created.taskId} ended ${status}`);
  }
};

const enos = async (): Promise<void> => {
  const { client, device, commandId } = await enosCachedCommand();
  const cancelled = await client.cancel({ ...device, commandId });
  // 11905 means the command already left state Created: cancelling it again can never succeed, so it is final.
  if (!cancelled.ok && !(cancelled.problem.kind === 'vendor-error' && cancelled.problem.code === '11905'))
    throw new Error(`cancel: ${JSON.stringify(cancelled.problem)}`);
  const got = await client.get({ ...device, commandId });
  if (!got.ok) throw new Error(`get: ${JSON.stringify(got.problem)}`);
  console.log(`careful: EnOS command ${commandId} is ${got.value.data.canonicalState}`);
};

/** IoTDA with an AK/SK signature: a delayed command, read back by its id (the seed endpoint), then the queue. */
const iotda = async (): Promise<void> => {
  const client = createIotdaClient({
    baseUrl: env('HARNESS_IOTDA_BASE_URL'),
    projectId: env('HARNESS_IOTDA_PROJECT_ID'),
    credentials: { kind: 'aksk', ak: env('HARNESS_IOTDA_AK'), sk: env('HARNESS_IOTDA_SK') },
  });
  const device_id = envList('HARNESS_IOTDA_DEVICE_IDS')[0] as string;
  const created = await client.createAsyncCommand({
    device_id,
    service_id: 'Switch',
    command_name: 'ON_OFF',
    paras: { value: 'ON' },
    send_strategy: 'delay',
  });
  if (!created.ok) throw new Error(`createAsyncCommand: ${JSON.stringify(created.problem)}`);
  const shown = await client.showAsyncCommand({ device_id, command_id: created.value.command_id });
  if (!shown.ok) throw new Error(`showAsyncCommand: ${JSON.stringify(shown.problem)}`);
  const queued = await client.listAsyncCommands({ device_id });
  if (!queued.ok) throw new Error(`listAsyncCommands: ${JSON.stringify(queued.problem)}`);
  console.log(
    `careful: IoTDA command ${shown.value.command_id} is ${shown.value.status}; ${queued.value.commands.length} queued`,
  );
};

await oceanConnect();
await enos();
await iotda();

// A purpose-made OceanConnect client for the verdict tests: logs in, revokes one device's commands, and reacts as its behaviour says.
import { env, envList, envNumber, type OcAnswer, ocCall, ocLogin, sleep } from '../../examples/support.ts';

/**
 * `strict-spelling`: fails on a task status other than WAITING (breaks on WAITTING). `vendor-spelling`: fails on
 * one other than WAITTING (depends on the misspelling). `status-only`: revokes a device that does not exist and
 * judges by the HTTP status alone (takes 100418 with HTTP 200 for success). `tolerant`: reads both spellings and
 * retries an error after the limits it is given (robust; recovers). `always-fails`: exits 1 whatever it is answered.
 * `ignores-errors`: exits 0 whatever it is answered. `hasty`: retries an error at once until it is taken. `loud`:
 * exits 1 on any error answer. `paced-poll`: polls one task at exactly the exported least gap
 * (HARNESS_MIN_POLL_GAP_MS) after its previous one.
 */
const BEHAVIOURS = [
  'strict-spelling',
  'vendor-spelling',
  'status-only',
  'tolerant',
  'always-fails',
  'ignores-errors',
  'hasty',
  'loud',
  'paced-poll',
] as const;
type Behaviour = (typeof BEHAVIOURS)[number];

const behaviour = process.argv[2] as Behaviour;
if (!BEHAVIOURS.includes(behaviour)) throw new Error(`give one of ${BEHAVIOURS.join(', ')}`);

const isError = (a: OcAnswer): boolean => a.status >= 300 || a.body.error_code !== undefined;
/** Wall ms to wait before a retry: the back-off the gate exports, or a whole throttle window after 1010009. */
const backoffMs = (a: OcAnswer): number =>
  (a.body.error_code === '1010009'
    ? envNumber('HARNESS_OC_THROTTLE_WINDOW_MS')
    : envNumber('HARNESS_MIN_BACKOFF_MS')) / envNumber('HARNESS_TIME_SCALE');

const loginOnce = () =>
  ocLogin(env('HARNESS_OC_BASE_URL'), env('HARNESS_OC_APP_ID'), env('HARNESS_OC_SECRET'));
const device = envList('HARNESS_OC_DEVICE_IDS')[0] as string;

const main = async (): Promise<number> => {
  let session: Awaited<ReturnType<typeof loginOnce>> | undefined;
  for (let attempt = 0; !session; attempt++)
    try {
      session = await loginOnce();
    } catch (err) {
      if (behaviour !== 'tolerant' || attempt >= 3) throw err;
      await sleep(envNumber('HARNESS_MIN_BACKOFF_MS') / envNumber('HARNESS_TIME_SCALE'));
    }
  const s = session;
  const revoke = (deviceId: string) =>
    ocCall(s, 'POST', '/deviceCommandCancelTasks', { body: { deviceId } }).catch(
      (err: Error): OcAnswer => ({ status: 0, body: { error: err.message } }),
    );
  switch (behaviour) {
    case 'status-only': {
      const a = await revoke(`${device}-retired`);
      return a.status >= 200 && a.status < 300 ? 0 : 1;
    }
    case 'strict-spelling':
      return (await revoke(device)).body.status === 'WAITING' ? 0 : 1;
    case 'vendor-spelling':
      return (await revoke(device)).body.status === 'WAITTING' ? 0 : 1;
    case 'always-fails':
      await revoke(device);
      return 1;
    case 'ignores-errors':
      await revoke(device);
      return 0;
    case 'loud':
      return isError(await revoke(device)) ? 1 : 0;
    case 'paced-poll': {
      const task = await revoke(device);
      const gapWallMs = envNumber('HARNESS_MIN_POLL_GAP_MS') / envNumber('HARNESS_TIME_SCALE');
      let last = performance.now();
      for (let i = 1; i <= 6; i++) {
        await sleep(last + gapWallMs - performance.now());
        last = performance.now();
        await ocCall(s, 'GET', '/deviceCommandCancelTasks', { query: { taskId: String(task.body.taskId) } });
      }
      return 0;
    }
    case 'hasty':
    case 'tolerant': {
      for (let attempt = 0; attempt < 5; attempt++) {
        const a = await revoke(device);
        if (!isError(a))
          return ['WAITTING', 'WAITING', 'RUNNING', 'SUCCESS'].includes(String(a.body.status)) ? 0 : 1;
        if (behaviour === 'tolerant') await sleep(backoffMs(a));
      }
      return 1;
    }
  }
};

process.exit(await main());

// How a planning drive reaches the platform: over HTTP (one keep-alive connection per key, one for control) or in-process.
import { Client, type Dispatcher } from 'undici';
import type { PlanRequest } from '../../contracts/common/plan-calls.ts';
import { ControlClient, must } from '../../contracts/control/client.ts';
import { VIRTUAL_TIME_HEADER } from '../../simulators/platform/server.ts';

export type PlanAnswer = { status: number; body: string };

/** The platform as a drive sees it: calls of each key, and the harness steps between them. */
export type PlanTransport = {
  readonly kind: 'http' | 'in-process';
  /** Moves the platform clock to `at` (platform ms, a fraction kept); then brings `online` devices online. */
  jump(at: number, online: readonly string[]): Promise<void>;
  /** Sends one call of key `key` and resolves with its answer. */
  send(key: number, req: PlanRequest): Promise<PlanAnswer>;
  close(): Promise<void>;
};

/**
 * One call through undici's dispatcher interface: no response stream, no promise chain beyond this one (the
 * `request()` API costs about twice as much per call, which a million calls feel).
 */
const dispatchText = (client: Dispatcher, req: PlanRequest): Promise<PlanAnswer> =>
  new Promise((resolve, reject) => {
    let status = 0;
    const chunks: Buffer[] = [];
    client.dispatch(
      { method: req.method, path: req.path, headers: req.headers, body: req.body },
      {
        onRequestStart() {},
        onResponseStart(_controller, statusCode) {
          status = statusCode;
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          resolve({
            status,
            body: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          });
        },
        onResponseError(_controller, err) {
          reject(err);
        },
      },
    );
  });

/**
 * Over HTTP to a simulator (`baseUrl`: the platform model's origin): every key has its own keep-alive connection,
 * so the calls of one step travel in parallel; the control API gets one more. Every call of a step carries the
 * step's platform time (`x-harness-platform-time`), which the planning platform's frozen clock jumps to on arrival:
 * the drive sends a step only once every answer of the previous one is in, so that is the same jump as
 * `POST /__control/clock {advanceTo}`, without a round trip of its own.
 */
export const httpTransport = (baseUrl: string, keys: number, vendor: string): PlanTransport => {
  const options = { pipelining: 1, keepAliveTimeout: 600_000 };
  const clients = Array.from({ length: keys }, () => new Client(baseUrl, options));
  const controlConnection = new Client(baseUrl, options);
  const control = new ControlClient(`${baseUrl}/__control`, { dispatcher: controlConnection });
  let now = '';
  return {
    kind: 'http',
    // Devices coming online need the clock there first: then the jump and the change go through the control API.
    jump: async (at, online) => {
      now = String(at);
      if (online.length === 0) return;
      await must(control.changeClock({ advanceTo: at }));
      await must(control.setDevices(vendor, { deviceIds: [...online], online: true }));
    },
    send: (key, req) =>
      dispatchText(clients[key]!, { ...req, headers: [...req.headers, VIRTUAL_TIME_HEADER, now] }),
    close: async () => {
      await Promise.all([...clients, controlConnection].map((c) => c.close()));
    },
  };
};

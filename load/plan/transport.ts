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
 * Where a planning simulator serves HTTP: an origin (the Host its requests name) and, for the drive's own child, the
 * Unix socket it listens on. HTTP over a Unix socket cost the two processes 15 to 20 % less CPU per call than over
 * loopback TCP here (sim 85 against 100 to 120 us, drive 51 against 61 to 73 us, at load averages 15 to 17).
 */
export type PlanEndpoint = { origin: string; socketPath?: string };

/** A keep-alive connection to the endpoint (undici's Client: one socket, one request at a time). */
export const connectionTo = (e: PlanEndpoint): Client =>
  new Client(e.origin, {
    pipelining: 1,
    keepAliveTimeout: 600_000,
    ...(e.socketPath ? { socketPath: e.socketPath } : {}),
  });

/**
 * Over HTTP to a simulator: every key has its own keep-alive connection,
 * so the calls of one step travel in parallel; the control API gets one more. Every call of a step carries the
 * step's platform time (`x-harness-platform-time`), which the planning platform's frozen clock jumps to on arrival:
 * the drive sends a step only once every answer of the previous one is in, so that is the same jump as
 * `POST /__control/clock {advanceTo}`, without a round trip of its own.
 */
export const httpTransport = (endpoint: PlanEndpoint, keys: number, vendor: string): PlanTransport => {
  const clients = Array.from({ length: keys }, () => connectionTo(endpoint));
  const controlConnection = connectionTo(endpoint);
  const control = new ControlClient(`${endpoint.origin}/__control`, { dispatcher: controlConnection });
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

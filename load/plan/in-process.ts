// The planning drive without HTTP: the same platform in the drive's own process, called through fastify's inject.
import type { PlanTransport } from './transport.ts';
import type { Platform } from '../../simulators/platform/server.ts';

/**
 * Calls go through the platform's routes exactly as over HTTP (fastify's inject: same parsing, hooks and answers,
 * no socket); jumps and devices going online call the clock and the store directly. The cross-check of the HTTP
 * drive: both must give the same accounting, call by call.
 */
export const inProcessTransport = (platform: Platform, vendor: string): PlanTransport => {
  const sim = platform.vendors.get(vendor as never);
  if (!sim) throw new Error(`the platform simulates no ${vendor}`);
  return {
    kind: 'in-process',
    jump: async (at, online) => {
      platform.clock.advanceTo(at);
      for (const v of platform.vendors.values()) v.store.settle(platform.clock.now());
      for (const id of online) {
        const key = sim.deviceKeyOf(id);
        if (key === undefined) throw new Error(`no ${vendor} device ${id}`);
        sim.store.setOnline(key, true);
      }
    },
    send: async (_key, req) => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < req.headers.length; i += 2) headers[req.headers[i]!] = req.headers[i + 1]!;
      const res = await platform.app.inject({
        method: req.method,
        url: req.path,
        headers,
        payload: req.body,
      });
      return { status: res.statusCode, body: res.body };
    },
    close: async () => {},
  };
};

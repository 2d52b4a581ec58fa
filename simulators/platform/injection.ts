// Injected failures: one documented vendor failure (or a reset, or a latency spike) at the n-th call of one endpoint.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routeOf } from '../../contracts/common/endpoint-route.ts';
import { CONNECTION_RESET, failureApplies, LATENCY_SPIKE } from '../../contracts/common/failure.ts';
import type { Injection } from '../../contracts/control/api.ts';
import { failureById } from '../../contracts/failures.ts';
import type { SimClock } from '../model/clock.ts';
import type { Journal } from './journal.ts';
import type { VendorSim } from './vendor-sim.ts';

/** Why an injection cannot be armed on these vendors (undefined: it can). */
export const injectionProblem = (
  i: Injection,
  vendors: ReadonlyMap<string, VendorSim>,
): string | undefined => {
  const v = vendors.get(i.vendor);
  if (!v) return `no simulated vendor ${i.vendor}`;
  if (!v.routes.some((r) => r.endpoint === i.endpoint))
    return `${i.vendor} has no endpoint ${i.endpoint} (${v.routes.map((r) => r.endpoint).join(', ')})`;
  const f = failureById(i.failure);
  if (!f) return `no documented failure ${i.failure}`;
  if (!failureApplies(f, i.vendor, i.endpoint))
    return `${i.failure} is not documented for ${i.vendor} ${i.endpoint} (only ${f.endpoints?.join(', ') ?? 'all'})`;
  return undefined;
};

export type ArmedInjection = Injection & {
  /** Calls of the endpoint seen since arming. */
  seen: number;
  /** Platform time and journal sequence number of the call it answered, once it has fired. */
  firedAt?: number;
  firedSeq?: number;
};

/** The armed injections of a platform: configured ones are armed again at every reset. */
export class Injector {
  private readonly configured: readonly Injection[];
  private armed: ArmedInjection[] = [];

  constructor(configured: readonly Injection[]) {
    this.configured = configured;
    this.reset();
  }

  set(list: readonly Injection[]): void {
    this.armed = list.map((i) => ({ ...i, seen: 0 }));
  }

  reset(): void {
    this.set(this.configured);
  }

  list(): ArmedInjection[] {
    return this.armed.map((a) => ({ ...a }));
  }

  get idle(): boolean {
    return this.armed.every((a) => a.firedAt !== undefined && a.every === undefined);
  }

  /** Counts a call of the endpoint; returns the injection that fires on it (at most one). */
  take(vendor: string, endpoint: string, at: number): ArmedInjection | undefined {
    let hit: ArmedInjection | undefined;
    for (const a of this.armed) {
      if (a.vendor !== vendor || a.endpoint !== endpoint) continue;
      if (a.firedAt !== undefined && a.every === undefined) continue;
      a.seen += 1;
      const due =
        a.every === undefined ? a.seen === a.call : a.seen >= a.call && (a.seen - a.call) % a.every === 0;
      if (!hit && due) {
        a.firedAt = at;
        hit = a;
      }
    }
    return hit;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The injection that fired on this call, for the journal (null when none). */
    injection: ArmedInjection | null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A fastify preHandler hook (it runs once the body is read, so a reset call is journalled with it): the call that an
 * armed injection fires on gets the vendor's documented answer for the failure, is held back for a latency spike, or
 * has its connection reset (journalled here with status 0 and error code `connection-reset`, as no answer is sent).
 */
export const injectionHook =
  (deps: {
    injector: Injector;
    clock: SimClock;
    journal: Journal;
    vendorOf: (url: string) => VendorSim | undefined;
  }) =>
  async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const { injector, clock, journal, vendorOf } = deps;
    if (injector.idle) return undefined;
    const v = vendorOf(req.url);
    const route = v && routeOf(v.routes, req.method, req.url);
    if (!v || !route) return undefined;
    const hit = injector.take(v.vendor, route.endpoint, req.arrivedAt || clock.now());
    if (!hit) return undefined;
    req.injection = hit;
    if (hit.failure === LATENCY_SPIKE) {
      await sleep(clock.toWallMs(hit.latencyMs));
      return undefined;
    }
    if (hit.failure === CONNECTION_RESET) {
      hit.firedSeq = journal.add(
        {
          at: req.arrivedAt,
          wallAt: req.arrivedWallAt,
          vendor: v.vendor,
          method: req.method,
          url: req.url,
          headers: req.headers as Record<string, string>,
          body: req.rawBody,
          status: 0,
          responseBody: '',
          injected: CONNECTION_RESET,
        },
        { errorCodeOf: () => 'connection-reset', endpointOf: () => route.endpoint },
      );
      reply.hijack();
      req.raw.socket.resetAndDestroy();
      return reply;
    }
    const failure = failureById(hit.failure);
    const answer = failure && v.injectedAnswer(failure);
    if (!answer) return undefined;
    return reply
      .code(answer.status)
      .header('content-type', 'application/json;charset=UTF-8')
      .send(JSON.stringify(answer.body));
  };

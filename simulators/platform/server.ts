// The platform model's HTTP server (fastify): body parsing, the policy for refused and unmatched requests, the journal, and the vendors' routes.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { routeOf } from '../../contracts/common/endpoint-route.ts';
import { CONTROL_PREFIX } from '../../contracts/control/api.ts';
import type { Vendor } from '../../contracts/common/problem.ts';
import { hiResWall, SimClock } from '../model/clock.ts';
import { type SimConfig, SimConfig as SimConfigSchema, type SimConfigInput } from './config.ts';
import { clientErrorAnswerer } from './client-error.ts';
import { registerControlApi } from './control.ts';
import { faultOfError, type PlatformFault } from './faults.ts';
import { driftHook } from './drift-profile.ts';
import { Injector, injectionHook, injectionProblem } from './injection.ts';
import { Journal } from './journal.ts';
import { QuirkProfile, quirkHook } from './quirk-profile.ts';
import type { EngineFactories, PlatformContext, VendorSim, VendorSimFactory } from './vendor-sim.ts';
import { CommandStore } from '../model/command-store.ts';
import { Throttle } from '../model/throttle.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    /** Platform (sub-millisecond) and wall time the request arrived. */
    arrivedAt: number;
    arrivedWallAt: number;
    /** The call's own platform time once stamped (NaN before): see callTime(). */
    calledAt: number;
    calledWallAt: number;
    /**
     * The platform time of this call, stamped the first time it is asked for: vendors ask when their throttle decides,
     * so the throttle and the journal (`at`) carry one and the same time. A request nobody asked about is journalled
     * at its arrival.
     */
    callTime(): number;
  }
}

/** The header a planning drive's calls carry when the platform takes virtual time from them (SimConfig). */
export const VIRTUAL_TIME_HEADER = 'x-harness-platform-time';

export type Platform = {
  app: FastifyInstance;
  config: SimConfig;
  clock: SimClock;
  journal: Journal;
  /** Which vendor quirks are removed (none: the faithful profile). */
  quirks: QuirkProfile;
  /** Failures armed to answer the n-th call of an endpoint. */
  injector: Injector;
  vendors: ReadonlyMap<Vendor, VendorSim>;
  /** The vendor owning a URL, by path prefix. */
  vendorOf(url: string): VendorSim | undefined;
  /** The answer to a request to `url` refused before any route ran: the owning vendor's, else plain JSON. */
  renderFault(url: string, fault: PlatformFault): { status: number; body: unknown };
  /** Starts listening on 127.0.0.1 (port 0: a free one); returns the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
};

const malformed = (message: string): Error =>
  Object.assign(new Error(message), { code: 'HARNESS_MALFORMED_BODY', statusCode: 400 });

/** The answer for a fault on a path no vendor owns: plain JSON that names the problem. */
const genericFault = (fault: PlatformFault): { status: number; body: unknown } => {
  switch (fault.kind) {
    case 'not-found':
      return {
        status: 404,
        body: { error: 'not-found', message: `no simulated endpoint for ${fault.method} ${fault.path}` },
      };
    case 'malformed-body':
      return { status: 400, body: { error: 'malformed-body', message: fault.detail } };
    case 'unsupported-media-type':
      return { status: 415, body: { error: 'unsupported-media-type', message: fault.contentType } };
    case 'headers-too-large':
      return {
        status: 431,
        body: { error: 'headers-too-large', message: 'the request headers are larger than 16 KiB' },
      };
    case 'body-too-large':
      return {
        status: 413,
        body: { error: 'body-too-large', message: `bodies are limited to ${fault.limitBytes} bytes` },
      };
    case 'internal':
      return { status: 500, body: { error: 'internal', message: fault.detail } };
  }
};

const parseOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const buildPlatform = (
  input: SimConfigInput,
  factories: readonly VendorSimFactory[],
  wall: () => number = hiResWall,
  /** How each vendor's command store and throttle are made (the property suite's mutation check passes faulty ones). */
  engines: EngineFactories = {},
): Platform => {
  const config = SimConfigSchema.parse(input);
  const clock = new SimClock(
    { timeScale: config.timeScale, frozen: config.frozen, startEpochMs: config.startEpochMs },
    wall,
  );
  const { stores = (at, c) => new CommandStore(at, c), throttles = (c) => new Throttle(c) } = engines;
  const ctx: PlatformContext = {
    config,
    clock,
    newStore: (c) => stores(clock, c),
    newThrottle: (c) => throttles(c),
  };
  const vendors = new Map<Vendor, VendorSim>();
  for (const make of factories) {
    const v = make(ctx);
    vendors.set(v.vendor, v);
  }
  const owners = [...vendors.values()].flatMap((v) => v.prefixes.map((prefix) => ({ prefix, v })));
  const vendorOf = (url: string): VendorSim | undefined => owners.find((o) => url.startsWith(o.prefix))?.v;
  const journal = new Journal(config.journalCapacity);
  const quirks = new QuirkProfile(config.removedQuirks);
  for (const i of config.injections) {
    const problem = injectionProblem(i, vendors);
    if (problem) throw new Error(`config injections: ${problem}`);
  }
  const injector = new Injector(config.injections);

  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: 1024 },
    keepAliveTimeout: 75_000,
    forceCloseConnections: true,
    return503OnClosing: true,
    clientErrorHandler: clientErrorAnswerer((url, fault) => renderFault(url, fault)),
  });
  app.decorateRequest('rawBody', '');
  app.decorateRequest('arrivedAt', 0);
  app.decorateRequest('arrivedWallAt', 0);
  app.decorateRequest('injection', null);
  app.decorateRequest('calledAt', Number.NaN);
  app.decorateRequest('calledWallAt', Number.NaN);
  app.decorateRequest('callTime', function callTime(this: FastifyRequest): number {
    if (Number.isNaN(this.calledAt)) {
      this.calledAt = clock.preciseNow();
      this.calledWallAt = wall();
    }
    return this.calledAt;
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req: FastifyRequest, body, done) => {
    const text = body as string;
    req.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(malformed(`malformed JSON body: ${(err as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (req: FastifyRequest, body, done) => {
      req.rawBody = body as string;
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  // Any other media type: an empty body is no body at all; a non-empty one is refused as unsupported.
  app.addContentTypeParser('*', { parseAs: 'string' }, (req: FastifyRequest, body, done) => {
    const text = body as string;
    req.rawBody = text;
    if (text === '') return done(null, undefined);
    done(
      Object.assign(new Error(req.headers['content-type'] ?? '(none)'), {
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        statusCode: 415,
      }),
      undefined,
    );
  });

  const renderFault = (url: string, fault: PlatformFault) =>
    vendorOf(url)?.renderFault(fault, url) ?? genericFault(fault);

  app.setErrorHandler((err, req, reply) => {
    const r = renderFault(
      req.url,
      faultOfError(err as { code?: string; message: string; statusCode?: number }, config.bodyLimitBytes),
    );
    reply.code(r.status).header('content-type', 'application/json').send(JSON.stringify(r.body));
  });
  app.setNotFoundHandler((req, reply) => {
    const r = renderFault(req.url, {
      kind: 'not-found',
      method: req.method,
      path: req.url.split('?')[0] ?? req.url,
    });
    reply.code(r.status).header('content-type', 'application/json').send(JSON.stringify(r.body));
  });

  if (config.virtualTimeHeader)
    // First of every hook: the clock jump a planning drive sends with the first call of a step (see SimConfig).
    app.addHook('onRequest', (req, _reply, done) => {
      const at = req.headers[VIRTUAL_TIME_HEADER];
      if (typeof at === 'string' && clock.frozen) {
        const t = Number(at);
        if (Number.isFinite(t)) clock.advanceTo(t);
      }
      done();
    });
  if (config.driftProfile !== 'none') app.addHook('onSend', driftHook(config.driftProfile));
  app.addHook('onSend', quirkHook(quirks, vendorOf));

  // An injection that answers (or resets) takes the call over and `done` is never called; idle, it costs one check.
  const inject = injectionHook({ injector, clock, journal, vendorOf });
  app.addHook('preHandler', (req, reply, done) => {
    if (injector.idle) return done();
    inject(req, reply).then((taken) => (taken ? undefined : done()), done);
  });
  if (journal.enabled) {
    // An answer may be held (an EnOS instant command waits for its device): the journal keeps the call's time (the
    // throttle's decision), or the arrival of a request no throttle looked at, never the answer's.
    app.addHook('onRequest', (req, _reply, done) => {
      req.arrivedAt = clock.preciseNow();
      req.arrivedWallAt = wall();
      done();
    });
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.url.startsWith(CONTROL_PREFIX)) return payload;
      const v = vendorOf(req.url);
      const responseBody = typeof payload === 'string' ? payload : '';
      const status = reply.statusCode;
      const stamped = !Number.isNaN(req.calledAt);
      const seq = journal.add(
        {
          at: stamped ? req.calledAt : req.arrivedAt,
          wallAt: stamped ? req.calledWallAt : req.arrivedWallAt,
          vendor: v?.vendor ?? 'none',
          method: req.method,
          url: req.url,
          headers: req.headers as Record<string, string>,
          body: req.rawBody,
          status,
          responseBody,
          ...(req.injection ? { injected: req.injection.failure } : {}),
        },
        {
          errorCodeOf: () => v?.errorCodeOf(status, parseOrUndefined(responseBody)),
          endpointOf: () => (v ? routeOf(v.routes, req.method, req.url)?.endpoint : undefined),
        },
      );
      if (req.injection) req.injection.firedSeq = seq;
      return payload;
    });
  }
  {
    // A declared body over the limit is refused before it is read, and Node then reads and drops it, so the
    // connection stays usable. Fastify's own refusal closes the socket with the body unread, which resets it: a
    // proxy still writing the body (WireMock) then answers "Broken pipe" naming this server's address.
    const limit = config.bodyLimitBytes;
    app.addHook('onRequest', (req, reply, done) => {
      if (Number(req.headers['content-length'] ?? 0) <= limit) return done();
      const r = renderFault(req.url, { kind: 'body-too-large', limitBytes: limit });
      reply.code(r.status).header('content-type', 'application/json').send(JSON.stringify(r.body));
    });
  }

  for (const v of vendors.values()) v.register(app);
  registerControlApi(app, { config, clock, journal, vendors, quirks, injector });

  return {
    app,
    config,
    clock,
    journal,
    quirks,
    injector,
    vendors,
    vendorOf,
    renderFault,
    listen: async (port = 0) => {
      await app.listen({ host: '127.0.0.1', port });
      const address = app.server.address();
      if (address === null || typeof address === 'string')
        throw new Error('platform server has no TCP address');
      return `http://127.0.0.1:${address.port}`;
    },
    close: () => app.close(),
  };
};

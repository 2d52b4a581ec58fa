// The simulator's control API as a contract: every path, request and answer under /__control as zod schemas, the journal entry among them.
import { z } from 'zod';
import { EndpointRoute } from '../common/endpoint-route.ts';
import { DocumentedFailure } from '../common/failure.ts';
import { CanonicalState } from '../common/lifecycle.ts';
import { knownVendorIds } from '../../vendors/known.ts';
import { QuirkKind } from '../common/quirk.ts';
import { DeviceBehaviour } from '../../simulators/model/behaviour.ts';
import { CommandView } from '../../simulators/model/command.ts';
import { DeviceView } from '../../simulators/model/device.ts';
import { ThrottleConfig } from '../../simulators/model/throttle.ts';

/** Where the control API lives on the platform model's server: `http://127.0.0.1:<port>/__control`. */
export const CONTROL_PREFIX = '/__control';

/**
 * A registered vendor's id, as the control API takes it in a query or a body. The ids are read when a request is
 * parsed (vendors/known.ts): the registry imports modules that import this contract.
 */
const VendorId = z.lazy(() => z.enum(knownVendorIds as [string, ...string[]]));

/** Every refusal of the control API: 400 (bad request), 404 (unknown vendor or device). */
export const ControlRefusal = z.object({ error: z.string(), details: z.unknown().optional() });
export type ControlRefusal = z.infer<typeof ControlRefusal>;

export const Ok = z.object({ ok: z.literal(true) });

/** GET /clock, and the answer of POST /clock. */
export const ClockState = z.object({
  now: z.number(),
  iso: z.string(),
  timeScale: z.number(),
  frozen: z.boolean(),
});
export type ClockState = z.infer<typeof ClockState>;

/** POST /clock: each field optional, applied in this order: frozen, timeScale, advanceMs, advanceTo, toNextEvent. */
export const ClockChange = z
  .object({
    advanceMs: z.number().nonnegative().finite().optional(),
    /** Platform epoch ms; a fraction is kept (the clock has sub-millisecond resolution). */
    advanceTo: z.number().finite().optional(),
    timeScale: z.number().positive().finite().optional(),
    frozen: z.boolean().optional(),
    /** Advance to the store's next scheduled event (expiry or delivery step) of every vendor. */
    toNextEvent: z.boolean().optional(),
  })
  .strict();
export type ClockChange = z.infer<typeof ClockChange>;

/** Behaviour fields a change may name; unlike `DeviceBehaviour.partial()`, absent fields get no defaults. */
export const BehaviourChange = z
  .object(
    Object.fromEntries(
      Object.entries(DeviceBehaviour.shape).map(([k, v]) => [
        k,
        (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
      ]),
    ),
  )
  .strict() as unknown as z.ZodType<Partial<z.output<typeof DeviceBehaviour>>>;
export type BehaviourChange = Partial<z.input<typeof DeviceBehaviour>>;

/** PUT /devices/:vendor/:deviceId; answered with the device's DeviceView. */
export const DeviceChange = z
  .object({ online: z.boolean().optional(), behaviour: BehaviourChange.optional() })
  .strict();
export type DeviceChange = { online?: boolean; behaviour?: BehaviourChange };

/** PUT /devices/:vendor: the same change to many devices at once (a fleet coming online); answered with the count. */
export const DevicesChange = z
  .object({
    deviceIds: z.array(z.string().min(1)).max(1_000_000),
    online: z.boolean().optional(),
    behaviour: BehaviourChange.optional(),
  })
  .strict();
export type DevicesChange = { deviceIds: string[]; online?: boolean; behaviour?: BehaviourChange };
export const DevicesChanged = z.object({ changed: z.number().int().nonnegative() });

/**
 * POST /fleet/:vendor: a capacity-planning fleet in one call instead of one call per command: `apps` applications
 * (new, beside the default one), `devices` offline devices split over them as evenly as they go (the first ones get
 * one more), and `pending` PENDING commands on each device. Nothing is reset; the throttle counts none of it.
 */
export const FleetSeed = z
  .object({
    apps: z.number().int().positive().max(10_000),
    devices: z.number().int().positive().max(5_000_000),
    pending: z.number().int().nonnegative(),
    /** Platform ms the commands may stay PENDING (default 48 h, the longest both vendors document). */
    ttlMs: z.number().int().positive().default(172_800_000),
    /** Also answer each application's command ids, in device order (a client cancelling them one by one needs them). */
    withCommandIds: z.boolean().default(false),
    /** Lifetime of these applications' tokens in platform seconds; absent: the simulator's setting. */
    tokenLifetimeSeconds: z.number().int().positive().optional(),
    /** Whether a login of these applications counts against their throttle (no vendor document says; default no). */
    loginsCount: z.boolean().default(false),
    /**
     * Whether the revocation tasks these applications create are kept for task queries. A planning drive never
     * queries them and a million kept tasks cost about 230 MB, so by default they are answered and not kept.
     */
    keepTasks: z.boolean().default(false),
  })
  .strict();
export type FleetSeed = z.input<typeof FleetSeed>;
export type FleetSeedSpec = z.output<typeof FleetSeed>;

/** One planning application: its credentials, its devices, and (when asked) its commands in device order. */
export const SeededApp = z.object({
  appId: z.string(),
  secret: z.string(),
  devices: z.array(z.string()),
  commands: z.array(z.string()).optional(),
});
export type SeededApp = z.infer<typeof SeededApp>;
export const FleetSeedAnswer = z.object({ apps: z.array(SeededApp) });
export type FleetSeedAnswer = z.infer<typeof FleetSeedAnswer>;

/** GET /devices/:vendor */
export const DeviceList = z.array(DeviceView);

/** GET /commands/:vendor query. */
export const CommandsQuery = z.object({
  deviceId: z.string().optional(),
  state: z
    .array(CanonicalState)
    .or(CanonicalState.transform((s) => [s]))
    .optional(),
  offset: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(10_000).default(1000),
});
/** What a caller gives: the parsed query's fields, each optional. */
export type CommandsQuery = Partial<z.output<typeof CommandsQuery>>;

/** GET /commands/:vendor answer: `total` counts every match, `nextOffset` is null on the last page. */
export const CommandPage = z.object({
  items: z.array(CommandView),
  total: z.number(),
  nextOffset: z.number().nullable(),
});
export type CommandPage = z.infer<typeof CommandPage>;

/** PUT /throttle/:vendor: fields of the vendor's throttle to change (its windows restart); answered with the whole config. */
export const ThrottleChange = ThrottleConfig.partial();
export type ThrottleChange = z.input<typeof ThrottleChange>;

/** One vendor's share of GET /state. */
export const VendorState = z.object({
  stats: z.object({
    now: z.number(),
    devices: z.number(),
    onlineDevices: z.number(),
    commands: z.number(),
    byState: z.record(CanonicalState, z.number()),
    inFlight: z.number(),
    scheduled: z.number(),
  }),
  throttle: ThrottleConfig,
});
export type VendorState = z.infer<typeof VendorState>;

/** GET /state: each simulated vendor's store figures and throttle. */
export const StateAnswer = z.record(z.string(), VendorState);
export type StateAnswer = z.infer<typeof StateAnswer>;

/** GET /fleet: each simulated vendor's credentials and device ids (the ready line's sections without base URLs). */
export const FleetAnswer = z.record(z.string(), z.record(z.string(), z.unknown()));
export type FleetAnswer = z.infer<typeof FleetAnswer>;

/** POST /provider-states: sets up (or tears down) a Pact provider state; answered with the values it created. */
export const ProviderStateRequest = z.object({
  vendor: VendorId,
  state: z.string().min(1),
  params: z.unknown().optional(),
  action: z.enum(['setup', 'teardown']).default('setup'),
});
export type ProviderStateRequest = z.input<typeof ProviderStateRequest>;
export const ProviderStateValues = z.record(z.string(), z.unknown());
export type ProviderStateValues = z.infer<typeof ProviderStateValues>;

/** POST /reset query: one vendor only (its commands, tokens, throttle windows, fleet), or everything and the journal. */
export const ResetQuery = z.object({ vendor: z.string().optional() });

/** One request as the platform's journal recorded it: what the client sent and what it was answered. */
export const JournalEntry = z.object({
  /** 1, 2, ... in the order the answers were sent, across every vendor. */
  seq: z.number(),
  /**
   * Platform time (simulated, sub-millisecond) and wall time of the call: when its vendor's throttle decided on it (the
   * throttle and the journal share this one time), or when it arrived if no throttle looked at it. Never the answer's
   * time (an answer may be held).
   */
  at: z.number(),
  wallAt: z.number(),
  /** The vendor owning the path, or "none". */
  vendor: z.string(),
  method: z.string(),
  /** Path and query as the platform saw them. */
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  status: z.number(),
  responseBody: z.string(),
  /** Vendor error code of the answer when there was one (e.g. "1010009", "11905", "IOTDA.000006"). */
  errorCode: z.string().optional(),
  /** The endpoint the request took, by its contract name (`createRevocationTask`); absent: none matched. */
  endpoint: z.string().optional(),
  /** The failure injected instead of the vendor's answer (`oceanconnect.1010009`, `network.connection-reset`). */
  injected: z.string().optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** PUT /quirks: the vendor quirks (ids of contracts/quirks.ts) the answers go without from now on; `[]`: faithful. */
export const QuirkChange = z.strictObject({ removed: z.array(z.string()) });
export type QuirkChange = z.infer<typeof QuirkChange>;

/** GET /quirks, and the answer of PUT /quirks: the removed ones, and every quirk of the simulated vendors. */
export const QuirkState = z.object({
  removed: z.array(z.string()),
  quirks: z.array(
    z.object({
      id: z.string(),
      vendor: z.string(),
      kind: QuirkKind,
      title: z.string(),
      without: z.string(),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
});
export type QuirkState = z.infer<typeof QuirkState>;

/** One injected failure: a documented failure (contracts/failures.ts) answering the `call`-th call of an endpoint. */
export const Injection = z.strictObject({
  vendor: z.string().min(1),
  /** The endpoint's contract name (`createRevocationTask`, `cancel`, `showAsyncCommand`, `login`, `token`). */
  endpoint: z.string().min(1),
  /** Which call of the endpoint, counted from when the injection was armed (1: the next one). */
  call: z.number().int().positive().default(1),
  /** A failure id of contracts/failures.ts (`oceanconnect.1010009`, `network.latency-spike`, ...). */
  failure: z.string().min(1),
  /** `network.latency-spike` only: platform ms the answer is held back. */
  latencyMs: z.number().int().positive().max(600_000).default(5_000),
  /** Fire again every `every` calls after `call` (calls call, call + every, ...) instead of once (planning what-ifs). */
  every: z.number().int().min(2).optional(),
});
export type Injection = z.infer<typeof Injection>;
export type InjectionInput = z.input<typeof Injection>;

/** PUT /injections: the failures to arm from now on, replacing the armed ones; `[]` disarms. */
export const InjectionChange = z.strictObject({ injections: z.array(Injection) });

/** GET /injections, and the answer of PUT: what is armed (with calls seen, and when it fired), what can be, where. */
export const InjectionState = z.object({
  armed: z.array(
    Injection.extend({ seen: z.number(), firedAt: z.number().optional(), firedSeq: z.number().optional() }),
  ),
  failures: z.array(DocumentedFailure),
  /** Each simulated vendor's endpoints: what an injection names, and how the front door matches them. */
  routes: z.record(z.string(), z.array(EndpointRoute)),
});
export type InjectionState = z.infer<typeof InjectionState>;

/** GET /journal query: entries after `since`, of one vendor or all. */
export const JournalQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  vendor: VendorId.optional(),
});
export type JournalQuery = Partial<z.output<typeof JournalQuery>>;

/** GET /journal answer: `lastSeq` is the newest sequence number given, even when the entries are filtered out. */
export const JournalPage = z.object({ lastSeq: z.number(), entries: z.array(JournalEntry) });
export type JournalPage = z.infer<typeof JournalPage>;

/** A journal entry reduced to what a throttle analysis needs, as load runs write it for a post-mortem. */
export const JournalCall = z.tuple([
  /** seq */ z.number(),
  /** at (platform ms) */ z.number(),
  /** HTTP status */ z.number(),
  /** vendor error code, or null */ z.string().nullable(),
]);
export type JournalCall = z.infer<typeof JournalCall>;
export const journalCallOf = (e: JournalEntry): JournalCall => [e.seq, e.at, e.status, e.errorCode ?? null];

// The vendor-neutral lifecycle engine: devices, pending queues, caps, expiry, delivery one at a time, in platform time.
import { z } from 'zod';
import { type CanonicalState, CANONICAL_STATES } from '../../contracts/common/lifecycle.ts';
import { DeviceBehaviour, type DeviceBehaviourInput } from './behaviour.ts';
import type { TimeSource } from './clock.ts';
import {
  assertTransition,
  type CancelAllResult,
  type CancelResult,
  type CommandChange,
  type CommandRecord,
  type CommandView,
  type CreateCommandInput,
  type CreateResult,
  expiresAtOf,
  makeRecord,
  type StoreRefusal,
  viewOf,
} from './command.ts';
import {
  type DeviceRecord,
  type DeviceView,
  append,
  deviceViewOf,
  headOf,
  leftQueue,
  makeDevice,
  pendingInOrder,
} from './device.ts';
import { type CommandPage, type CommandQuery, pageOf } from './listing.ts';
import { SeedCommandInput, seedTimesOf } from './seed.ts';
import { mulberry32Step, mulberry32Value } from './rng.ts';
import { Scheduler } from './scheduler.ts';

export type { CommandPage, CommandQuery } from './listing.ts';

export const CommandStoreConfig = z.object({
  /** PENDING commands one device may hold (each vendor's PENDING_CAP in contracts/<vendor>/constraints.ts). */
  pendingCap: z.number().int().positive().default(20),
  /** Generated ids are `<idPrefix><n>`, n = 1, 2, ... skipping ids already taken. */
  idPrefix: z.string().default('cmd-'),
  /** Seed of every device's RNG (mixed with the device key). */
  seed: z.number().int().default(1),
  /** Response timeout of commands created without one (EnOS documents 30 s). */
  defaultTimeoutMs: z.number().int().positive().default(30_000),
  /** Behaviour of devices added without one. */
  defaultBehaviour: DeviceBehaviour.prefault({}),
});
export type CommandStoreConfig = z.infer<typeof CommandStoreConfig>;
export type CommandStoreConfigInput = z.input<typeof CommandStoreConfig>;

export type DeviceInit = { online?: boolean; behaviour?: DeviceBehaviourInput };
export type DeviceResult =
  | { ok: true; device: DeviceView }
  | Extract<StoreRefusal, { reason: 'unknown-device' | 'duplicate-device' }>;

export type StoreStats = {
  now: number;
  devices: number;
  onlineDevices: number;
  commands: number;
  byState: Record<CanonicalState, number>;
  inFlight: number;
  scheduled: number;
};

const zeroByState = (): Record<CanonicalState, number> =>
  Object.fromEntries(CANONICAL_STATES.map((s) => [s, 0])) as Record<CanonicalState, number>;

/**
 * Every public method first settles the store to the clock's time: all scheduled expiries and delivery steps due
 * at or before it run, in time order, each at its own instant. Rules at an instant: a deadline wins a tie (a command
 * still PENDING at createdAt + ttl is EXPIRED then and cannot be sent; a response due exactly at sentAt + timeout is
 * TIMED_OUT). Each delivery step reads the device's behaviour and online flag when it happens.
 */
export class CommandStore {
  readonly config: CommandStoreConfig;
  private readonly clock: TimeSource;
  protected readonly scheduler = new Scheduler<CommandRecord>();
  private readonly listeners = new Set<(change: CommandChange) => void>();
  private devices = new Map<string, DeviceRecord>();
  private byId = new Map<string, CommandRecord>();
  private all: CommandRecord[] = [];
  protected counts = zeroByState();
  private online = 0;
  protected inFlight = 0;
  private idCounter = 0;
  /** Whether an id was ever given that a generated one could repeat (it starts with idPrefix): only then look. */
  private prefixedIdGiven = false;
  private time = Number.NEGATIVE_INFINITY;
  private readonly fire = (r: CommandRecord, at: number): void => this.step(r, at);

  constructor(clock: TimeSource, config: CommandStoreConfigInput = {}) {
    this.clock = clock;
    this.config = CommandStoreConfig.parse(config);
  }

  /** Runs everything due at or before `now` (default: the clock's time); time never moves back. Returns the time. */
  settle(now: number = this.clock.now()): number {
    if (now > this.time) this.time = now;
    this.scheduler.runDue(this.time, this.fire);
    return this.time;
  }

  /** When the next scheduled step happens (for "advance to the next event"), or undefined. */
  nextEventAt(): number | undefined {
    this.settle();
    return this.scheduler.nextAt();
  }

  onChange(listener: (change: CommandChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- devices ----

  addDevice(deviceKey: string, init: DeviceInit = {}): DeviceResult {
    const now = this.settle();
    if (this.devices.has(deviceKey)) return { ok: false, reason: 'duplicate-device', deviceKey };
    // Devices without their own behaviour share the store's (never changed in place: setBehaviour replaces it).
    const behaviour =
      init.behaviour === undefined
        ? this.config.defaultBehaviour
        : DeviceBehaviour.parse({ ...this.config.defaultBehaviour, ...init.behaviour });
    const d = makeDevice(deviceKey, init.online ?? false, behaviour, this.config.seed);
    this.devices.set(deviceKey, d);
    if (d.online) this.online++;
    return this.deviceDone(d, now);
  }

  getDevice(deviceKey: string): DeviceView | undefined {
    this.settle();
    const d = this.devices.get(deviceKey);
    return d && deviceViewOf(d);
  }

  listDevices(): DeviceView[] {
    this.settle();
    return [...this.devices.values()].map(deviceViewOf);
  }

  /** Going online sends the head of the queue at once; going offline stops later delivery steps (they time out). */
  setOnline(deviceKey: string, online: boolean): DeviceResult {
    const now = this.settle();
    const d = this.devices.get(deviceKey);
    if (!d) return { ok: false, reason: 'unknown-device', deviceKey };
    if (d.online !== online) this.online += online ? 1 : -1;
    d.online = online;
    return this.deviceDone(d, now);
  }

  setBehaviour(deviceKey: string, behaviour: DeviceBehaviourInput): DeviceResult {
    const now = this.settle();
    const d = this.devices.get(deviceKey);
    if (!d) return { ok: false, reason: 'unknown-device', deviceKey };
    d.behaviour = DeviceBehaviour.parse({ ...d.behaviour, ...behaviour });
    return this.deviceDone(d, now);
  }

  // ---- commands ----

  create(deviceKey: string, input: CreateCommandInput): CreateResult {
    const now = this.settle();
    const { ttlMs } = input;
    if (input.commandId === '') throw new RangeError('create: empty commandId');
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 0) throw new RangeError(`create: bad ttlMs ${ttlMs}`);
    const timeoutMs = input.timeoutMs ?? this.config.defaultTimeoutMs;
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0)
      throw new RangeError(`create: bad timeoutMs ${timeoutMs}`);
    const d = this.devices.get(deviceKey);
    if (!d) return { ok: false, reason: 'unknown-device', deviceKey };
    if (input.commandId !== undefined && this.byId.has(input.commandId))
      return { ok: false, reason: 'duplicate-id', commandId: input.commandId };
    const immediately = input.sendImmediately ?? ttlMs === 0;
    if (immediately) {
      if (!d.online) return { ok: false, reason: 'device-offline', deviceKey };
      if (d.inFlight) return { ok: false, reason: 'device-busy', deviceKey, inFlight: d.inFlight.commandId };
    } else if (d.pending >= this.config.pendingCap) {
      return { ok: false, reason: 'cap-reached', deviceKey, cap: this.config.pendingCap };
    }
    if (input.commandId !== undefined) this.noteGivenId(input.commandId);
    const id = input.commandId ?? this.nextId();
    const r = makeRecord(id, d, this.all.length, input.payload, now, ttlMs, timeoutMs);
    this.byId.set(id, r);
    this.all.push(r);
    this.counts.PENDING++;
    this.emit(r, null, 'PENDING', now);
    if (immediately) {
      d.commands.push(r);
      this.send(d, r, now);
    } else {
      append(d, r);
      r.timer = this.scheduler.schedule(this.expiryOf(r), r);
      this.dispatch(d, now);
    }
    this.settle(now);
    return { ok: true, command: viewOf(r) };
  }

  get(commandId: string): CommandView | undefined {
    this.settle();
    const r = this.byId.get(commandId);
    return r && viewOf(r);
  }

  /** Cancels one PENDING command. */
  cancel(commandId: string): CancelResult {
    const now = this.settle();
    const r = this.byId.get(commandId);
    if (!r) return { ok: false, reason: 'not-found', commandId };
    if (r.state !== 'PENDING' && this.cancelsInFlight(r)) {
      const before = viewOf(r);
      this.takeInFlight(r, now);
      return { ok: true, before, after: viewOf(r) };
    }
    if (r.state !== 'PENDING') return { ok: false, reason: 'not-pending', commandId, state: r.state };
    const before = viewOf(r);
    this.leavePending(r, 'CANCELED', now);
    return { ok: true, before, after: viewOf(r) };
  }

  /** Cancels every PENDING command of a device, oldest first; none is left pending. */
  cancelAll(deviceKey: string): CancelAllResult {
    const now = this.settle();
    const d = this.devices.get(deviceKey);
    if (!d) return { ok: false, reason: 'unknown-device', deviceKey };
    const pending = pendingInOrder(d);
    const victims = this.cancelAllTakes(pending);
    const flying = d.inFlight && this.cancelsInFlight(d.inFlight) ? [d.inFlight] : [];
    const before = [...flying, ...victims].map(viewOf);
    for (const r of victims) this.leavePending(r, 'CANCELED', now);
    for (const r of flying) this.takeInFlight(r, now);
    return { ok: true, before, after: [...flying, ...victims].map(viewOf) };
  }

  /**
   * Puts a command into the store in any state, with its own times (provider states). PENDING seeds join the end of
   * the queue (cap applies) and get their expiry scheduled; SENT/DELIVERED seeds take the device's in-flight slot
   * (device-busy if taken) and continue from there; terminal seeds are only stored. A step whose planned time lies
   * before now (an expiry, an acknowledgement, a response, a timeout) happens now. The journal shows one change,
   * `null -> state`, at now.
   */
  seed(deviceKey: string, input: SeedCommandInput): CreateResult {
    const now = this.settle();
    const s = SeedCommandInput.parse(input);
    const d = this.devices.get(deviceKey);
    if (!d) return { ok: false, reason: 'unknown-device', deviceKey };
    if (this.byId.has(s.commandId)) return { ok: false, reason: 'duplicate-id', commandId: s.commandId };
    const flying = s.state === 'SENT' || s.state === 'DELIVERED';
    if (flying && d.inFlight)
      return { ok: false, reason: 'device-busy', deviceKey, inFlight: d.inFlight.commandId };
    if (s.state === 'PENDING' && d.pending >= this.config.pendingCap)
      return { ok: false, reason: 'cap-reached', deviceKey, cap: this.config.pendingCap };
    const timeoutMs = s.timeoutMs ?? this.config.defaultTimeoutMs;
    this.noteGivenId(s.commandId);
    const r = makeRecord(s.commandId, d, this.all.length, s.payload, s.createdAt, s.ttlMs, timeoutMs);
    Object.assign(r, seedTimesOf(s));
    r.state = s.state;
    r.result = s.result ?? null;
    this.byId.set(r.commandId, r);
    this.all.push(r);
    append(d, r);
    this.counts[s.state]++;
    this.emit(r, null, s.state, now);
    if (s.state === 'PENDING') {
      r.timer = this.scheduler.schedule(Math.max(now, this.expiryOf(r)), r);
      this.dispatch(d, now);
    } else if (flying) this.takeSlot(d, r, now);
    this.settle(now);
    return { ok: true, command: viewOf(r) };
  }

  /** One device's commands (all states unless filtered), by creation order. Unknown device: []. */
  list(deviceKey: string, filter: Omit<CommandQuery, 'deviceKey'> = {}): CommandView[] {
    return this.listAll({ ...filter, deviceKey }).items;
  }

  /** A page of commands matching the query; `total` counts every match, `nextOffset` is null on the last page. */
  listAll(query: CommandQuery = {}): CommandPage {
    this.settle();
    const source =
      query.deviceKey === undefined ? this.all : (this.devices.get(query.deviceKey)?.commands ?? []);
    return pageOf(source, query);
  }

  stats(): StoreStats {
    const now = this.settle();
    return {
      now,
      devices: this.devices.size,
      onlineDevices: this.online,
      commands: this.all.length,
      byState: { ...this.counts },
      inFlight: this.inFlight,
      scheduled: this.scheduler.size,
    };
  }

  /** Forgets every device and command and restarts the id counter; the time reached and listeners stay. */
  reset(): void {
    this.scheduler.clear();
    this.devices = new Map();
    this.byId = new Map();
    this.all = [];
    this.counts = zeroByState();
    this.online = 0;
    this.inFlight = 0;
    this.idCounter = 0;
    this.prefixedIdGiven = false;
  }

  // ---- the engine ----

  private noteGivenId(id: string): void {
    if (id.startsWith(this.config.idPrefix)) this.prefixedIdGiven = true;
  }

  private nextId(): string {
    if (!this.prefixedIdGiven) return `${this.config.idPrefix}${++this.idCounter}`;
    for (;;) {
      const id = `${this.config.idPrefix}${++this.idCounter}`;
      if (!this.byId.has(id)) return id;
    }
  }

  private deviceDone(d: DeviceRecord, now: number): DeviceResult {
    this.dispatch(d, now);
    this.settle(now);
    return { ok: true, device: deviceViewOf(d) };
  }

  /** The only way a state changes: refuses (throws) a transition the canonical lifecycle does not allow. */
  private move(r: CommandRecord, to: CanonicalState, at: number): void {
    const from = r.state;
    assertTransition(r.commandId, from, to, at);
    r.state = to;
    this.counts[from]--;
    this.counts[to]++;
    this.emit(r, from, to, at);
  }

  protected emit(r: CommandRecord, from: CanonicalState | null, to: CanonicalState, at: number): void {
    if (this.listeners.size === 0) return;
    const change: CommandChange = { commandId: r.commandId, deviceKey: r.device.key, from, to, at };
    for (const listener of this.listeners) listener(change);
  }

  private leavePending(r: CommandRecord, to: 'CANCELED' | 'EXPIRED', at: number): void {
    this.move(r, to, at);
    r.finishedAt = at;
    if (r.timer >= 0) this.scheduler.cancel(r.timer);
    r.timer = -1;
    leftQueue(r.device);
  }

  /** While the device is online and idle, sends the head of its queue (expiring heads whose deadline is now). */
  protected dispatch(d: DeviceRecord, now: number): void {
    while (d.online && d.inFlight === null && d.pending > 0) {
      const head = headOf(d);
      if (!head) return;
      if (this.expiryOf(head) <= now) {
        // its expiry entry is due at this very instant but has not run yet: the deadline wins the tie
        this.leavePending(head, 'EXPIRED', now);
        continue;
      }
      if (head.timer >= 0) this.scheduler.cancel(head.timer);
      head.timer = -1;
      this.send(d, head, now);
      leftQueue(d);
    }
  }

  /**
   * The lifecycle's rules a subclass may break on purpose, and nothing else: the property suite's mutation check runs
   * a store with one fault (property-tests/mutations/store.ts). Here, each says what the lifecycle says.
   */

  /** When a PENDING command expires: createdAt + ttl. */
  protected expiryOf(r: CommandRecord): number {
    return expiresAtOf(r);
  }

  /** Whether cancel and cancel-all take a command that is not PENDING (one in flight): never. */
  protected cancelsInFlight(_r: CommandRecord): boolean {
    return false;
  }

  /** The PENDING commands of a device cancel-all cancels: every one, oldest first. */
  protected cancelAllTakes(pending: CommandRecord[]): CommandRecord[] {
    return pending;
  }

  /** Cancels a command in flight: only a store whose `cancelsInFlight` says so ever gets here. */
  protected takeInFlight(r: CommandRecord, _at: number): void {
    throw new Error(`command ${r.commandId} is ${r.state}: only PENDING commands can be cancelled`);
  }

  private send(d: DeviceRecord, r: CommandRecord, now: number): void {
    this.move(r, 'SENT', now);
    r.sentAt = now;
    this.takeSlot(d, r, now);
  }

  /** Puts `r` (SENT or DELIVERED) in the device's in-flight slot and schedules its next step, never before `now`. */
  private takeSlot(d: DeviceRecord, r: CommandRecord, now: number): void {
    d.inFlight = r;
    this.inFlight++;
    const deadline = r.sentAt! + r.timeoutMs;
    const b = d.behaviour;
    const planned =
      r.state === 'SENT' ? r.sentAt! + b.ackDelayMs : (r.deliveredAt ?? r.sentAt!) + b.responseDelayMs;
    r.timer = this.scheduler.schedule(Math.max(now, b.silent ? deadline : Math.min(planned, deadline)), r);
  }

  /** A scheduled entry of `r` is due at `at`: its expiry while PENDING, else its next delivery step. */
  private step(r: CommandRecord, at: number): void {
    r.timer = -1;
    const d = r.device;
    if (r.state === 'PENDING') {
      this.leavePending(r, 'EXPIRED', at);
      return;
    }
    const deadline = r.sentAt! + r.timeoutMs;
    if (at >= deadline) {
      this.finish(r, 'TIMED_OUT', at);
      return;
    }
    const b = d.behaviour;
    if (!d.online || b.silent) {
      r.timer = this.scheduler.schedule(deadline, r);
      return;
    }
    if (r.state === 'SENT') {
      this.move(r, 'DELIVERED', at);
      r.deliveredAt = at;
      r.timer = this.scheduler.schedule(Math.min(at + b.responseDelayMs, deadline), r);
      return;
    }
    d.rng = mulberry32Step(d.rng);
    const failed = mulberry32Value(d.rng) < b.failureRatio;
    r.respondedAt = at;
    r.result = (failed ? b.failureResult : b.result) ?? null;
    this.finish(r, failed ? 'FAILED' : 'SUCCEEDED', at);
  }

  /** Ends the command in flight and sends the next one at the same instant. */
  private finish(r: CommandRecord, to: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT', at: number): void {
    this.move(r, to, at);
    r.finishedAt = at;
    r.device.inFlight = null;
    this.inFlight--;
    this.dispatch(r.device, at);
  }
}

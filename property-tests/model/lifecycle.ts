// The pure model of the canonical command lifecycle in platform time: per-device queues, caps, TTLs, delivery one at a time.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';

/** How a model device answers (failures are all-or-nothing so that the model never needs the simulator's RNG). */
export type ModelBehaviour = { ackDelayMs: number; responseDelayMs: number; fails: boolean; silent: boolean };

export const DEFAULT_BEHAVIOUR: ModelBehaviour = {
  ackDelayMs: 500,
  responseDelayMs: 1000,
  fails: false,
  silent: false,
};

/** One command as the model knows it: the same fields the simulator's control API shows. */
export type ModelCommand = {
  commandId: string;
  deviceKey: string;
  seq: number;
  state: CanonicalState;
  createdAt: number;
  ttlMs: number;
  timeoutMs: number;
  sentAt: number | null;
  deliveredAt: number | null;
  respondedAt: number | null;
  finishedAt: number | null;
  /** When its next delivery step is due while it is in flight (null otherwise). */
  stepAt: number | null;
};

export type ModelDevice = {
  key: string;
  online: boolean;
  behaviour: ModelBehaviour;
  inFlight: string | null;
};

export type CreateInput = { ttlMs: number; timeoutMs: number; immediately: boolean };
export type CreateVerdict =
  | { ok: true }
  | { ok: false; reason: 'device-offline' | 'device-busy' | 'cap-reached' };
export type CancelVerdict =
  | { ok: true; before: ModelCommand }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-pending'; state: CanonicalState };

const IN_FLIGHT: ReadonlySet<CanonicalState> = new Set(['SENT', 'DELIVERED']);

/**
 * The rules, written from VENDOR-NOTES section 4 and the simulator's documented semantics, independently of its
 * engine: a PENDING command expires at exactly createdAt + ttl (a deadline wins a tie); an online idle device is sent
 * the oldest PENDING command at once; a sent command is acknowledged `ackDelayMs` later and answered
 * `responseDelayMs` after that, unless the device is offline or silent when the step is due, in which case it
 * times out at sentAt + timeout; a response due exactly at the deadline is a timeout.
 */
export class LifecycleModel {
  readonly cap: number;
  readonly defaultTimeoutMs: number;
  now: number;
  readonly devices = new Map<string, ModelDevice>();
  readonly commands: ModelCommand[] = [];
  private readonly byId = new Map<string, ModelCommand>();

  constructor(opts: { now: number; cap: number; defaultTimeoutMs: number; devices: readonly string[] }) {
    this.now = opts.now;
    this.cap = opts.cap;
    this.defaultTimeoutMs = opts.defaultTimeoutMs;
    for (const key of opts.devices)
      this.devices.set(key, { key, online: false, behaviour: { ...DEFAULT_BEHAVIOUR }, inFlight: null });
  }

  get(commandId: string): ModelCommand | undefined {
    return this.byId.get(commandId);
  }

  device(key: string): ModelDevice {
    const d = this.devices.get(key);
    if (!d) throw new Error(`model: unknown device ${key}`);
    return d;
  }

  /** The device's PENDING commands in queue (creation) order. */
  pendingOf(key: string): ModelCommand[] {
    return this.commands.filter((c) => c.deviceKey === key && c.state === 'PENDING');
  }

  commandsOf(key: string): ModelCommand[] {
    return this.commands.filter((c) => c.deviceKey === key);
  }

  /** What a create at `now` would meet. */
  canCreate(key: string, input: CreateInput): CreateVerdict {
    const d = this.device(key);
    if (input.immediately) {
      if (!d.online) return { ok: false, reason: 'device-offline' };
      if (d.inFlight !== null) return { ok: false, reason: 'device-busy' };
      return { ok: true };
    }
    return this.pendingOf(key).length >= this.cap ? { ok: false, reason: 'cap-reached' } : { ok: true };
  }

  /** Creates a command the verdict allowed, with the id the platform gave it, and runs what happens at `now`. */
  create(key: string, input: CreateInput, commandId: string): ModelCommand {
    const verdict = this.canCreate(key, input);
    if (!verdict.ok)
      throw new Error(`model: create refused (${verdict.reason}) but asked to create ${commandId}`);
    const c = this.add(key, commandId, 'PENDING', input.ttlMs, input.timeoutMs);
    const d = this.device(key);
    if (input.immediately) this.send(d, c, this.now);
    else this.dispatch(d, this.now);
    this.settle(this.now);
    return c;
  }

  /**
   * A command stored already finished, without being sent (OceanConnect's failed "send now"); `respondedAt` is set
   * only when a known deviation says the simulator sets it.
   */
  addFinished(
    key: string,
    commandId: string,
    state: CanonicalState,
    opts: { responded: boolean },
  ): ModelCommand {
    const c = this.add(key, commandId, state, 0, this.defaultTimeoutMs);
    c.finishedAt = this.now;
    if (opts.responded) c.respondedAt = this.now;
    return c;
  }

  canCancel(commandId: string): CancelVerdict {
    const c = this.byId.get(commandId);
    if (!c) return { ok: false, reason: 'not-found' };
    if (c.state !== 'PENDING') return { ok: false, reason: 'not-pending', state: c.state };
    return { ok: true, before: { ...c } };
  }

  cancel(commandId: string): ModelCommand {
    const verdict = this.canCancel(commandId);
    if (!verdict.ok) throw new Error(`model: cannot cancel ${commandId}: ${verdict.reason}`);
    const c = this.byId.get(commandId)!;
    this.finish(c, 'CANCELED', this.now);
    return c;
  }

  /** Cancels every PENDING command of the device; returns them as they were before, in queue order. */
  cancelAll(key: string): ModelCommand[] {
    const victims = this.pendingOf(key);
    const before = victims.map((c) => ({ ...c }));
    for (const c of victims) this.finish(c, 'CANCELED', this.now);
    return before;
  }

  setOnline(key: string, online: boolean): void {
    const d = this.device(key);
    d.online = online;
    this.dispatch(d, this.now);
    this.settle(this.now);
  }

  setBehaviour(key: string, behaviour: ModelBehaviour): void {
    this.device(key).behaviour = { ...behaviour };
    this.settle(this.now);
  }

  /** The next instant something happens on its own (an expiry or a delivery step), or undefined. */
  nextEventAt(): number | undefined {
    let next: number | undefined;
    for (const c of this.commands) {
      const at = this.dueAt(c);
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  advance(ms: number): void {
    if (!Number.isInteger(ms) || ms < 0) throw new Error(`model: cannot advance by ${ms}`);
    this.settle(this.now + ms);
  }

  /** Runs every event due at or before `t`, each at its own instant, then stands at `t`. */
  settle(t: number): void {
    for (;;) {
      let first: ModelCommand | undefined;
      let at = Number.POSITIVE_INFINITY;
      for (const c of this.commands) {
        const due = this.dueAt(c);
        if (due !== undefined && due <= t && due < at) {
          at = due;
          first = c;
        }
      }
      if (!first) break;
      this.now = Math.max(this.now, at);
      this.fire(first, at);
    }
    this.now = Math.max(this.now, t);
  }

  private add(key: string, commandId: string, state: CanonicalState, ttlMs: number, timeoutMs: number) {
    if (this.byId.has(commandId)) throw new Error(`model: duplicate id ${commandId}`);
    const c: ModelCommand = {
      commandId,
      deviceKey: key,
      seq: this.commands.length,
      state,
      createdAt: this.now,
      ttlMs,
      timeoutMs,
      sentAt: null,
      deliveredAt: null,
      respondedAt: null,
      finishedAt: null,
      stepAt: null,
    };
    this.commands.push(c);
    this.byId.set(commandId, c);
    return c;
  }

  private dueAt(c: ModelCommand): number | undefined {
    if (c.state === 'PENDING') return c.createdAt + c.ttlMs;
    if (IN_FLIGHT.has(c.state)) return c.stepAt ?? undefined;
    return undefined;
  }

  private fire(c: ModelCommand, at: number): void {
    if (c.state === 'PENDING') {
      this.finish(c, 'EXPIRED', at);
      return;
    }
    const d = this.device(c.deviceKey);
    const deadline = c.sentAt! + c.timeoutMs;
    if (at >= deadline) {
      this.finish(c, 'TIMED_OUT', at);
      return;
    }
    const b = d.behaviour;
    if (!d.online || b.silent) {
      c.stepAt = deadline;
      return;
    }
    if (c.state === 'SENT') {
      c.state = 'DELIVERED';
      c.deliveredAt = at;
      c.stepAt = Math.min(at + b.responseDelayMs, deadline);
      return;
    }
    c.respondedAt = at;
    this.finish(c, b.fails ? 'FAILED' : 'SUCCEEDED', at);
  }

  private finish(c: ModelCommand, to: CanonicalState, at: number): void {
    const wasInFlight = IN_FLIGHT.has(c.state);
    c.state = to;
    c.finishedAt = at;
    c.stepAt = null;
    if (wasInFlight) {
      const d = this.device(c.deviceKey);
      d.inFlight = null;
      this.dispatch(d, at);
    }
  }

  private dispatch(d: ModelDevice, at: number): void {
    while (d.online && d.inFlight === null) {
      const head = this.pendingOf(d.key)[0];
      if (!head) return;
      if (head.createdAt + head.ttlMs <= at) {
        this.finish(head, 'EXPIRED', at);
        continue;
      }
      this.send(d, head, at);
    }
  }

  private send(d: ModelDevice, c: ModelCommand, at: number): void {
    c.state = 'SENT';
    c.sentAt = at;
    d.inFlight = c.commandId;
    const deadline = at + c.timeoutMs;
    const b = d.behaviour;
    c.stepAt = Math.max(at, b.silent ? deadline : Math.min(at + b.ackDelayMs, deadline));
  }
}

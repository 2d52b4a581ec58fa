// One application key's planning client: paced slots, a retry policy, token renewal by login, and its own exact figures.
import type { PlanApp, PlanCalls, PlanRequest, PlanVerdict } from '../../contracts/common/plan-calls.ts';

export type ClientPolicy = {
  /** Platform ms between two slots: windowMs / calls per window. */
  intervalMs: number;
  /** Tries after the first, per target (a refusal by the throttle or a platform failure). */
  retries: number;
  /** Platform ms a target waits after a 500/503 before its retry (doubling each time); 0: the next slot. */
  backoffMs: number;
  /** Log in again when the token would expire within this many platform ms (at most a quarter of its lifetime). */
  renewBeforeMs: number;
  /** A login counts against the throttle, so the client spends a slot on it. */
  loginsCount: boolean;
};

/** Something the client sends; `target` indexes its targets (-1: a login). */
export type Work = { target: number; attempts: number; notBefore: number };

/** What a client asks the drive to do: a slot at a time, or a request arriving at the platform at a time. */
export type ClientEvent = { kind: 'slot' } | { kind: 'arrive'; work: Work };

export type Schedule = (at: number, client: PlanClient, event: ClientEvent) => void;

const LOGIN = -1;

/** Figures of one client, every one exact (counted call by call). */
export type ClientFigures = {
  calls: number;
  logins: number;
  /** Targets done: cancelled, or found with nothing left to cancel. */
  done: number;
  cancelled: number;
  throttled: number;
  serverErrors: number;
  tokenRefusals: number;
  notPending: number;
  gaveUp: number;
  unexpected: string[];
  firstCallAt: number | undefined;
  lastDoneAt: number | undefined;
};

/**
 * Paced like a constant-arrival-rate client: slot k at start + k * interval, whether or not earlier answers are in. A
 * slot sends the oldest retry that is due, else the next target. A target refused by the throttle (or whose token was
 * refused) is retried in the next slot; after a 500/503 it waits `backoffMs`, doubled for each further failure. The
 * token is renewed by a login before a call that would reach the platform within `renewBeforeMs` of its expiry, and at
 * once after a refusal of it; a call waiting for a login goes out when the login is answered.
 */
export class PlanClient {
  readonly index: number;
  readonly app: PlanApp;
  readonly targets: readonly string[];
  readonly figures: ClientFigures = {
    calls: 0,
    logins: 0,
    done: 0,
    cancelled: 0,
    throttled: 0,
    serverErrors: 0,
    tokenRefusals: 0,
    notPending: 0,
    gaveUp: 0,
    unexpected: [],
    firstCallAt: undefined,
    lastDoneAt: undefined,
  };
  /** Platform time and allowed-or-not of every call that the throttle counted, in the order they reached it. */
  readonly countedAt: number[] = [];
  readonly countedAllowed: boolean[] = [];
  private readonly kind: 'revoke' | 'modify';
  private readonly calls: PlanCalls;
  private readonly policy: ClientPolicy;
  private readonly start: number;
  private readonly latency: () => number;
  private nextFresh = 0;
  private retries: Work[] = [];
  private slot = 0;
  private inFlight = 0;
  private token: string | undefined;
  private tokenExpiresAt = Number.NEGATIVE_INFINITY;
  private loggingIn = false;
  private held: Work[] = [];
  private renewBeforeMs = 0;
  private callsWithToken = 0;

  constructor(opts: {
    index: number;
    app: PlanApp;
    targets: readonly string[];
    kind: 'revoke' | 'modify';
    calls: PlanCalls;
    policy: ClientPolicy;
    start: number;
    /** Platform ms from sending to reaching the platform, drawn per request. */
    latency: () => number;
  }) {
    this.index = opts.index;
    this.app = opts.app;
    this.targets = opts.targets;
    this.kind = opts.kind;
    this.calls = opts.calls;
    this.policy = opts.policy;
    this.start = opts.start;
    this.latency = opts.latency;
  }

  /** Targets neither done nor given up. */
  get left(): number {
    return this.targets.length - this.figures.done - this.figures.gaveUp;
  }

  get finished(): boolean {
    return this.left === 0 && this.inFlight === 0;
  }

  /** The first slot; the drive calls it once. */
  begin(schedule: Schedule): void {
    if (this.targets.length > 0) schedule(this.slotAt(0), this, { kind: 'slot' });
  }

  /** Slot k at start + k * interval, computed from k (no drift from adding intervals up). */
  private slotAt(k: number): number {
    return this.start + k * this.policy.intervalMs;
  }

  onSlot(at: number, schedule: Schedule): void {
    if (this.finished) return;
    this.slot++;
    const work = this.pick(at);
    if (this.needsLogin(at)) {
      this.sendLogin(at, schedule);
      if (work) {
        if (this.policy.loginsCount) this.retries.unshift(work);
        else this.held.push(work);
      }
    } else if (work) {
      if (this.loggingIn) this.held.push(work);
      else this.send(at, work, schedule);
    }
    if (!this.finished) schedule(this.slotAt(this.slot), this, { kind: 'slot' });
  }

  /** The request a piece of work is, with the current token. */
  request(work: Work): PlanRequest {
    if (work.target === LOGIN) return this.calls.login(this.app);
    const target = this.targets[work.target]!;
    return this.kind === 'revoke'
      ? this.calls.revokeAll(this.app, this.token ?? '', target)
      : this.calls.cancelOne(this.app, this.token ?? '', target);
  }

  /**
   * The answer of `work`, which reached the platform at `at`; the client reacts at once (the answer is in). The call
   * is recorded for the exact replay when the throttle counted it: a command call, or a login where logins count,
   * unless the platform failed it first (a 5xx: the throttle never saw it).
   */
  onAnswer(at: number, work: Work, status: number, body: string, schedule: Schedule): void {
    this.inFlight--;
    const login = work.target === LOGIN;
    const verdict = this.calls.read(login ? 'login' : this.kind, status, body);
    if (status < 500 && (!login || this.policy.loginsCount)) {
      this.countedAt.push(at);
      this.countedAllowed.push(verdict.kind !== 'throttled');
    }
    if (login) this.onLogin(at, verdict, schedule);
    else this.onCall(at, work, verdict);
  }

  /**
   * A login is due when there is no token, or the token would expire within `renewBeforeMs` (at most a quarter of its
   * lifetime, so a short-lived token still carries calls) and at least one call went out with it.
   */
  private needsLogin(at: number): boolean {
    if (this.loggingIn) return false;
    if (this.token === undefined) return true;
    return this.callsWithToken > 0 && at + this.renewBeforeMs >= this.tokenExpiresAt;
  }

  private pick(at: number): Work | undefined {
    const due = this.retries.findIndex((w) => w.notBefore <= at);
    if (due >= 0) return this.retries.splice(due, 1)[0];
    if (this.nextFresh < this.targets.length) return { target: this.nextFresh++, attempts: 0, notBefore: at };
    return undefined;
  }

  private sendLogin(at: number, schedule: Schedule): void {
    this.loggingIn = true;
    this.send(at, { target: LOGIN, attempts: 0, notBefore: at }, schedule);
  }

  private send(at: number, work: Work, schedule: Schedule): void {
    this.inFlight++;
    if (work.target !== LOGIN) this.callsWithToken++;
    schedule(at + this.latency(), this, { kind: 'arrive', work });
  }

  private onLogin(at: number, verdict: PlanVerdict, schedule: Schedule): void {
    this.figures.logins++;
    this.loggingIn = false;
    if (verdict.kind === 'login') {
      this.token = verdict.accessToken;
      this.tokenExpiresAt = at + verdict.expiresInMs;
      this.renewBeforeMs = Math.min(this.policy.renewBeforeMs, verdict.expiresInMs / 4);
      this.callsWithToken = 0;
      for (const w of this.held.splice(0)) this.send(at, w, schedule);
      return;
    }
    // A refused login (throttled, or a platform failure): held calls wait for the next slot, which logs in again.
    if (verdict.kind === 'throttled') this.figures.throttled++;
    else if (verdict.kind === 'server-error') this.figures.serverErrors++;
    else this.figures.unexpected.push(`login: ${JSON.stringify(verdict)}`);
    this.retries.unshift(...this.held.splice(0));
  }

  private onCall(at: number, work: Work, verdict: PlanVerdict): void {
    const f = this.figures;
    f.calls++;
    f.firstCallAt ??= at;
    switch (verdict.kind) {
      case 'ok':
        f.done++;
        f.cancelled += verdict.cancelled;
        f.lastDoneAt = at;
        return;
      case 'not-pending':
        f.done++;
        f.notPending++;
        f.lastDoneAt = at;
        return;
      case 'throttled':
        f.throttled++;
        this.retry(work, at);
        return;
      case 'token-invalid':
        f.tokenRefusals++;
        this.token = undefined;
        this.retry(work, at);
        return;
      case 'server-error':
        f.serverErrors++;
        this.retry(work, at + this.policy.backoffMs * 2 ** work.attempts);
        return;
      default:
        f.gaveUp++;
        if (f.unexpected.length < 5)
          f.unexpected.push(`${this.targets[work.target]}: ${JSON.stringify(verdict)}`);
    }
  }

  private retry(work: Work, notBefore: number): void {
    if (work.attempts >= this.policy.retries) {
      this.figures.gaveUp++;
      return;
    }
    this.retries.push({ target: work.target, attempts: work.attempts + 1, notBefore });
  }
}

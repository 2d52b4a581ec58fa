// The one typed client of the control API: every request and answer checked against contracts/control/api.ts, failures as Problems.
import { Agent, type Dispatcher, request } from 'undici';
import type { z } from 'zod';
import { type Problem, renderProblem } from '../common/problem.ts';
import {
  type BehaviourChange,
  type ClockChange,
  ClockState,
  CommandPage,
  type CommandsQuery,
  DeviceList,
  type DevicesChange,
  DevicesChanged,
  type FleetSeed,
  FleetSeedAnswer,
  FleetAnswer,
  type InjectionInput,
  InjectionState,
  JournalPage,
  type JournalQuery,
  Ok,
  type ProviderStateRequest,
  ProviderStateValues,
  QuirkState,
  StateAnswer,
  type ThrottleChange,
} from './api.ts';
import { DeviceView } from '../../simulators/model/device.ts';
import { ThrottleConfig } from '../../simulators/model/throttle.ts';

export type ControlResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const problem = (reason: string, message: string): Problem => ({
  kind: 'simulator',
  component: 'control API',
  reason,
  message,
});

const queryOf = (q: Record<string, string | number | readonly string[] | undefined>): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (Array.isArray(v)) for (const one of v) params.append(k, one);
    else if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The value of a control call, or an Error whose message is the rendered Problem (for callers that stop at a failure). */
export const must = async <T>(result: Promise<ControlResult<T>>): Promise<T> => {
  const r = await result;
  if (!r.ok) throw Object.assign(new Error(renderProblem(r.problem)), { problem: r.problem });
  return r.value;
};

/**
 * A client of one simulator's control API (`controlUrl`: `http://host:port/__control`). Each method sends one
 * request and parses the answer with its schema; a refusal (HTTP 400/404), an unreachable server or an answer that
 * breaks the contract comes back as a Problem of kind "simulator" (component "control API").
 */
export class ControlClient {
  readonly url: string;
  private readonly dispatcher: Dispatcher;
  private readonly owned: Agent | undefined;

  constructor(controlUrl: string, opts: { dispatcher?: Dispatcher } = {}) {
    this.url = controlUrl.replace(/\/+$/, '');
    this.owned = opts.dispatcher ? undefined : new Agent({ connections: 4, pipelining: 1 });
    this.dispatcher = opts.dispatcher ?? (this.owned as Agent);
  }

  private async call<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<ControlResult<z.output<S>>> {
    const where = `${method} ${this.url}${path}`;
    let status: number;
    let text: string;
    try {
      const res = await request(`${this.url}${path}`, {
        method,
        dispatcher: this.dispatcher,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      return { ok: false, problem: problem('unreachable', `${where}: ${(err as Error).message}`) };
    }
    if (status !== 200)
      return { ok: false, problem: problem('refused', `${where}: HTTP ${status} ${text.slice(0, 300)}`) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, problem: problem('not JSON', `${where}: ${text.slice(0, 300)}`) };
    }
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, problem: problem('breaks the contract', `${where}: ${parsed.error.message}`) };
  }

  health() {
    return this.call('GET', '/health', Ok);
  }

  clock() {
    return this.call('GET', '/clock', ClockState);
  }

  /** Freezes, rescales or moves the clock; every store settles to the new time. */
  changeClock(change: ClockChange) {
    return this.call('POST', '/clock', ClockState, change);
  }

  /** Each vendor's store figures and the throttle it runs with. */
  state() {
    return this.call('GET', '/state', StateAnswer);
  }

  /** Each vendor's credentials and device ids. */
  fleet() {
    return this.call('GET', '/fleet', FleetAnswer);
  }

  /** Forgets every command, token, task and throttle window and seeds the fleet again (the clock stays); all vendors also clear the journal. */
  reset(vendor?: string) {
    return this.call('POST', `/reset${queryOf({ vendor })}`, Ok);
  }

  devices(vendor: string) {
    return this.call('GET', `/devices/${vendor}`, DeviceList);
  }

  setDevice(vendor: string, deviceId: string, change: { online?: boolean; behaviour?: BehaviourChange }) {
    return this.call('PUT', `/devices/${vendor}/${encodeURIComponent(deviceId)}`, DeviceView, change);
  }

  /** The same change to many devices at once (a fleet coming online); answers how many changed. */
  setDevices(vendor: string, change: DevicesChange) {
    return this.call('PUT', `/devices/${vendor}`, DevicesChanged, change);
  }

  /** A capacity-planning fleet in one call: applications, their devices and pending commands (see FleetSeed). */
  seedFleet(vendor: string, spec: FleetSeed) {
    return this.call('POST', `/fleet/${vendor}`, FleetSeedAnswer, spec);
  }

  /** The commands the vendor's store holds, in creation order, as the store sees them. */
  commands(vendor: string, query: CommandsQuery = {}) {
    return this.call('GET', `/commands/${vendor}${queryOf(query)}`, CommandPage);
  }

  /** Changes the vendor's throttle (its windows restart); a reset restores the configured one. */
  setThrottle(vendor: string, change: ThrottleChange) {
    return this.call('PUT', `/throttle/${vendor}`, ThrottleConfig, change);
  }

  /** Sets up a Pact provider state; the values it created (ids, credentials) for `fromProviderState`. */
  providerState(req: ProviderStateRequest) {
    return this.call('POST', '/provider-states', ProviderStateValues, {
      ...req,
      params: req.params ?? {},
    });
  }

  /** The vendor quirks the answers go without (none: faithful), and every quirk there is. */
  quirks() {
    return this.call('GET', '/quirks', QuirkState);
  }

  /** Answers go without these quirks from now on (`[]`: faithful again); a reset restores the configured profile. */
  setQuirks(removed: readonly string[]) {
    return this.call('PUT', '/quirks', QuirkState, { removed });
  }

  /** The armed injections (calls seen, when each fired), the failures there are and each vendor's endpoints. */
  injections() {
    return this.call('GET', '/injections', InjectionState);
  }

  /** Arms these injections instead of the armed ones (`[]` disarms); a reset re-arms the configured ones. */
  setInjections(injections: readonly InjectionInput[]) {
    return this.call('PUT', '/injections', InjectionState, { injections });
  }

  /** Journal entries after `since` (default 0), of one vendor or all. */
  journal(query: JournalQuery = {}) {
    return this.call('GET', `/journal${queryOf(query)}`, JournalPage);
  }

  /** The newest sequence number given so far (the entries after it are the next run's). */
  async lastSeq(): Promise<ControlResult<number>> {
    const r = await this.journal({ since: Number.MAX_SAFE_INTEGER });
    return r.ok ? { ok: true, value: r.value.lastSeq } : r;
  }

  clearJournal() {
    return this.call('DELETE', '/journal', Ok);
  }

  /** Closes the client's own connection pool (not a dispatcher it was given). */
  async close(): Promise<void> {
    await this.owned?.close();
  }
}

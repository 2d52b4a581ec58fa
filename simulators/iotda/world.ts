// The IoTDA tenant around the command store: projects, credentials and what they may reach, device owners, scripted answers, ids.
import { fnv1a32, mulberry32 } from '../model/rng.ts';
import type { IotdaFleetSection } from './fleet.ts';

/** Who made a call: an IAM token, or the access key of a verified AK/SK signature. */
export type Principal = { kind: 'token'; token: string } | { kind: 'aksk'; ak: string };

/** The throttle's "application": one per token, one per access key. */
export const principalKey = (p: Principal): string =>
  p.kind === 'token' ? `token:${p.token}` : `ak:${p.ak}`;

export type Rejection = 'authentication-failed' | 'application-missing';
export type Injection = { httpStatus: number; errorCode: string; errorMsg: string };

const hex = (next: () => number, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(next() * 16).toString(16);
  return out;
};

/** Everything the simulator knows besides commands; `reset()` rebuilds it from the fleet. */
export class World {
  private readonly seed: number;
  /** The region derived signatures must name (the fleet's). */
  region = '';
  /** project id -> the Instance-Id it expects (undefined: any or none). */
  private projects = new Map<string, { instanceId: string | undefined }>();
  private tokens = new Map<string, Set<string>>();
  private keys = new Map<string, { sk: string; projects: Set<string> }>();
  /** device id -> its project (device ids are the store keys). */
  private owners = new Map<string, string>();
  private rejections = new Map<string, Rejection>();
  private injections = new Map<string, Injection>();
  private nextCommandId: string | undefined;
  private commandCounter = 0;
  private recordCounter = 0;
  private requestCounter = 0;

  constructor(seed: number) {
    this.seed = seed;
  }

  /** Forgets everything, then holds the fleet's project, credentials and devices. */
  reset(fleet: IotdaFleetSection): void {
    this.projects = new Map();
    this.tokens = new Map();
    this.keys = new Map();
    this.owners = new Map();
    this.rejections = new Map();
    this.injections = new Map();
    this.nextCommandId = undefined;
    this.commandCounter = 0;
    this.recordCounter = 0;
    this.requestCounter = 0;
    this.region = fleet.region;
    this.addProject(fleet.projectId, undefined);
    this.grantToken(fleet.authToken, fleet.projectId);
    this.grantKey(fleet.ak, fleet.sk, fleet.projectId);
    for (const d of fleet.devices) this.owners.set(d, fleet.projectId);
  }

  addProject(projectId: string, instanceId: string | undefined): void {
    this.projects.set(projectId, { instanceId });
  }

  grantToken(token: string, projectId: string): void {
    const set = this.tokens.get(token) ?? new Set<string>();
    set.add(projectId);
    this.tokens.set(token, set);
  }

  /** Registers an AK/SK for a project; registering a known AK again replaces its SK (one secret per key). */
  grantKey(ak: string, sk: string, projectId: string): void {
    const k = this.keys.get(ak) ?? { sk, projects: new Set<string>() };
    k.sk = sk;
    k.projects.add(projectId);
    this.keys.set(ak, k);
  }

  addDevice(deviceId: string, projectId: string): void {
    this.owners.set(deviceId, projectId);
  }

  hasToken(token: string): boolean {
    return this.tokens.has(token);
  }

  skOf(ak: string): string | undefined {
    return this.keys.get(ak)?.sk;
  }

  /** Whether the project exists and these credentials were granted it. */
  mayReach(p: Principal, projectId: string): boolean {
    if (!this.projects.has(projectId)) return false;
    const granted = p.kind === 'token' ? this.tokens.get(p.token) : this.keys.get(p.ak)?.projects;
    return granted?.has(projectId) ?? false;
  }

  /** The Instance-Id a project expects, if it pinned one. */
  instanceIdOf(projectId: string): string | undefined {
    return this.projects.get(projectId)?.instanceId;
  }

  /** The device's project, or undefined for an unknown device. */
  ownerOf(deviceId: string): string | undefined {
    return this.owners.get(deviceId);
  }

  reject(p: Principal, rejection: Rejection): void {
    this.rejections.set(principalKey(p), rejection);
  }

  rejectionOf(p: Principal): Rejection | undefined {
    return this.rejections.get(principalKey(p));
  }

  inject(projectId: string, deviceId: string, injection: Injection): void {
    this.injections.set(`${projectId}/${deviceId}`, injection);
  }

  injectionFor(projectId: string, deviceId: string): Injection | undefined {
    return this.injections.get(`${projectId}/${deviceId}`);
  }

  /** The id the next created command takes (a provider state's `nextCommandId`), used by one successful create. */
  planNextCommandId(commandId: string | undefined): void {
    this.nextCommandId = commandId;
  }

  /**
   * The id for a command about to be created: the planned one if any and not `taken` (a taken one is dropped), else a
   * fresh UUID-shaped id derived from the seed. The plan holds until `commandCreated` reports it used, so a refused
   * create (device offline, cap) does not consume it.
   */
  commandIdFor(taken: (id: string) => boolean): string {
    const planned = this.nextCommandId;
    if (planned !== undefined && !taken(planned)) return planned;
    this.nextCommandId = undefined;
    for (;;) {
      const next = mulberry32(fnv1a32(`iotda-command:${this.seed}:${++this.commandCounter}`));
      const h = hex(next, 32);
      const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
      if (!taken(id)) return id;
    }
  }

  commandCreated(commandId: string): void {
    if (commandId === this.nextCommandId) this.nextCommandId = undefined;
  }

  /** The 24-hex id of a list record (what `page.marker` carries): seed-derived prefix, then a counter. */
  takeRecordId(): string {
    const prefix = fnv1a32(`iotda-record:${this.seed}`).toString(16).padStart(8, '0');
    return `${prefix}${(++this.recordCounter).toString(16).padStart(16, '0')}`;
  }

  /** The API gateway's `request_id` of one answer: 32 hex, deterministic per seed and call count. */
  takeRequestId(): string {
    return hex(mulberry32(fnv1a32(`iotda-request:${this.seed}:${++this.requestCounter}`)), 32);
  }
}

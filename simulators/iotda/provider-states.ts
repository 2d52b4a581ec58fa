// The Pact provider states of contracts/iotda/provider-states.ts, each parsed by its schema and set up on a fresh simulator.
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { issuesOf } from '../../contracts/common/problem.ts';
import { EXPIRE_TIME_DEFAULT } from '../../contracts/iotda/constraints.ts';
import {
  CREDENTIALS_REJECTED,
  CredentialsRejectedParams,
  DEVICE_ABSENT,
  DEVICE_WITH_COMMANDS,
  DeviceAbsentParams,
  type DeviceWithCommandsParams,
  DeviceWithCommandsParams as DeviceWithCommandsSchema,
  ERROR_INJECTED,
  ErrorInjectedParams,
  PROVIDER_STATES,
  type SeededAuth,
  type SeededCommand,
} from '../../contracts/iotda/provider-states.ts';
import { toCanonical } from '../../contracts/iotda/states.ts';
import type { SeedCommandInput } from '../model/seed.ts';
import type { ProviderStateOutcome } from '../platform/vendor-sim.ts';
import type { IotdaPayload } from './projection.ts';
import type { Core } from './core.ts';
import type { Principal } from './world.ts';

export type ProviderStateDeps = Core & { reset(): void };

const IN_FLIGHT: ReadonlySet<CanonicalState> = new Set(['SENT', 'DELIVERED']);

const principalOf = (auth: SeededAuth): Principal =>
  auth.kind === 'token' ? { kind: 'token', token: auth.token } : { kind: 'aksk', ak: auth.ak };

const failure = (state: string, detail: string): ProviderStateOutcome => ({
  ok: false,
  message: `IoTDA provider state "${state}": ${detail}`,
});

/** A fresh simulator holding the state's project (and Instance-Id), its credentials and, when asked, its device. */
const setUpTarget = (
  deps: ProviderStateDeps,
  t: { projectId: string; deviceId: string; instanceId?: string | undefined; auth: SeededAuth },
  device: { online: boolean; silent: boolean } | undefined,
): string | undefined => {
  deps.reset();
  const { world, store } = deps;
  if (world.ownerOf(t.deviceId) !== undefined) return `device ${t.deviceId} is a device of the default fleet`;
  world.addProject(t.projectId, t.instanceId);
  if (t.auth.kind === 'token') world.grantToken(t.auth.token, t.projectId);
  else world.grantKey(t.auth.ak, t.auth.sk, t.projectId);
  if (device) {
    world.addDevice(t.deviceId, t.projectId);
    const added = store.addDevice(t.deviceId, {
      online: device.online,
      ...(device.silent ? { behaviour: { silent: true } } : {}),
    });
    if (!added.ok) return `device ${t.deviceId}: ${added.reason}`;
  }
  return undefined;
};

const timeOf = (text: string | undefined): number | null =>
  text === undefined ? null : (parseHuaweiTime(text) ?? null);

/**
 * One seeded command as the store holds it, with the state's own times. A PENDING seed whose expire_time has already
 * run out on the platform clock is kept PENDING for expire_time from now (the state says it is PENDING); a command in
 * flight gets a response timeout that cannot run out during a verification (a day after now).
 */
const seedInputOf = (
  c: SeededCommand,
  projectId: string,
  recordId: string,
  now: number,
): SeedCommandInput => {
  const state = toCanonical(c.status);
  const createdAt = timeOf(c.createdTime)!;
  const ttlMs = (c.sendStrategy === 'delay' ? c.expireTime || EXPIRE_TIME_DEFAULT : c.expireTime) * 1000;
  const payload: IotdaPayload = {
    projectId,
    paras: c.paras,
    expireTime: c.expireTime,
    sendStrategy: c.sendStrategy,
    recordId,
    ...(c.serviceId !== undefined ? { serviceId: c.serviceId } : {}),
    ...(c.commandName !== undefined ? { commandName: c.commandName } : {}),
  };
  const sentAt = timeOf(c.sentTime);
  const deliveredAt = timeOf(c.deliveredTime);
  const respondedAt = timeOf(c.responseTime);
  const input: SeedCommandInput = {
    commandId: c.commandId,
    state,
    payload,
    createdAt,
    ttlMs: state === 'PENDING' && createdAt + ttlMs <= now ? now - createdAt + ttlMs : ttlMs,
    sentAt,
    deliveredAt,
    respondedAt,
    ...(c.result !== undefined ? { result: c.result } : {}),
  };
  if (IN_FLIGHT.has(state)) input.timeoutMs = Math.max(1, now - (sentAt ?? createdAt) + 86_400_000);
  return input;
};

/**
 * "an IoTDA device with async commands". The device is added offline, every command seeded in order, then the device
 * set online as asked, with two adjustments so the snapshot holds while a verifier looks at it: with a command in
 * flight the device is silent (it never acknowledges; the long timeout keeps it in flight), and with PENDING commands
 * and nothing in flight it stays offline (an online idle device would be sent the head of its queue at once).
 */
const deviceWithCommands = (deps: ProviderStateDeps, p: DeviceWithCommandsParams): ProviderStateOutcome => {
  const states = p.commands.map((c) => toCanonical(c.status));
  const inFlight = states.filter((s) => IN_FLIGHT.has(s)).length;
  if (inFlight > 1) return failure(DEVICE_WITH_COMMANDS, 'at most one command may be SENT or DELIVERED');
  const holdsPending = states.includes('PENDING');
  const bad = setUpTarget(deps, p, { online: false, silent: inFlight > 0 });
  if (bad) return failure(DEVICE_WITH_COMMANDS, bad);
  const { store, world, clock } = deps;
  const now = clock.now();
  for (const [i, c] of p.commands.entries()) {
    const last = i === p.commands.length - 1;
    const recordId = last && p.pageMarker !== undefined ? p.pageMarker : world.takeRecordId();
    const seeded = store.seed(p.deviceId, seedInputOf(c, p.projectId, recordId, now));
    if (!seeded.ok) return failure(DEVICE_WITH_COMMANDS, `command ${c.commandId}: ${seeded.reason}`);
  }
  const online = p.online && !(holdsPending && inFlight === 0);
  if (online) store.setOnline(p.deviceId, true);
  world.planNextCommandId(p.nextCommandId);
  return { ok: true, values: { projectId: p.projectId, deviceId: p.deviceId, online } };
};

const parseFailure = (state: string, error: Parameters<typeof issuesOf>[0]): ProviderStateOutcome =>
  failure(
    state,
    `bad params: ${issuesOf(error)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}`,
  );

/** Sets up a provider state by name; an unknown name or params its schema refuses come back as a failure message. */
export const applyProviderState = (
  deps: ProviderStateDeps,
  state: string,
  params: unknown,
): ProviderStateOutcome => {
  switch (state) {
    case DEVICE_WITH_COMMANDS: {
      const p = DeviceWithCommandsSchema.safeParse(params);
      return p.success ? deviceWithCommands(deps, p.data) : parseFailure(state, p.error);
    }
    case DEVICE_ABSENT: {
      const p = DeviceAbsentParams.safeParse(params);
      if (!p.success) return parseFailure(state, p.error);
      const bad = setUpTarget(deps, p.data, undefined);
      return bad ? failure(state, bad) : { ok: true, values: {} };
    }
    case CREDENTIALS_REJECTED: {
      const p = CredentialsRejectedParams.safeParse(params);
      if (!p.success) return parseFailure(state, p.error);
      const bad = setUpTarget(deps, p.data, { online: true, silent: false });
      if (bad) return failure(state, bad);
      deps.world.reject(principalOf(p.data.auth), p.data.rejection);
      return { ok: true, values: {} };
    }
    case ERROR_INJECTED: {
      const p = ErrorInjectedParams.safeParse(params);
      if (!p.success) return parseFailure(state, p.error);
      const bad = setUpTarget(deps, p.data, { online: true, silent: false });
      if (bad) return failure(state, bad);
      const { httpStatus, errorCode, errorMsg } = p.data;
      deps.world.inject(p.data.projectId, p.data.deviceId, { httpStatus, errorCode, errorMsg });
      return { ok: true, values: {} };
    }
    default:
      return failure(state, `unknown state; known: ${Object.keys(PROVIDER_STATES).join(', ')}`);
  }
};

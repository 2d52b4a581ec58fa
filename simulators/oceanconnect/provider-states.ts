// Sets up each provider state of the OceanConnect pact (contracts/oceanconnect/provider-states.ts) in the simulator.
import { issuesOf } from '../../contracts/common/problem.ts';
import {
  APP_AUTHENTICATED,
  APP_REGISTERED,
  DEVICE_HAS_COMMANDS,
  DEVICE_HAS_REVOCATION_TASKS,
  DEVICE_QUEUE_FULL,
  DEVICE_UNKNOWN,
  OC_PROVIDER_STATES,
  type OcProviderState,
  type OcProviderStateParams,
  PLATFORM_FAULT,
  type SeededCommand,
  type SeededRevokedCommand,
  TARGET_APP_REFUSED,
  THROTTLE_EXHAUSTED,
  TOKEN_INVALID,
} from '../../contracts/oceanconnect/provider-states.ts';
import type { ProviderStateOutcome } from '../platform/vendor-sim.ts';
import { SIM_FAULTS_STATE, SimFaultsParams } from './faults.ts';
import type { OcPayload } from './projection.ts';
import { seedInputOf } from './seeding.ts';
import { ensureDevice, type Core, resetCore } from './core.ts';

type Handler<S extends OcProviderState> = (w: Core, p: OcProviderStateParams<S>) => ProviderStateOutcome;

const OK: ProviderStateOutcome = { ok: true };
const refused = (message: string): ProviderStateOutcome => ({ ok: false, message });

/** The application exists and `accessToken` is its valid token. */
const session = (w: Core, p: { appId: string; accessToken: string }): void => {
  if (!w.apps.has(p.appId)) w.apps.register(p.appId);
  w.apps.adoptToken(p.appId, p.accessToken, w.now());
};

const seedCommands = (
  w: Core,
  owner: { appId: string; deviceId: string },
  commands: readonly (SeededCommand | SeededRevokedCommand)[],
): ProviderStateOutcome => {
  for (const c of commands) {
    if (w.store.get(c.commandId)) continue;
    const seeded = w.store.seed(owner.deviceId, seedInputOf(c, owner, w.now()));
    if (!seeded.ok) return refused(`cannot seed command ${c.commandId} (${c.status}): ${seeded.reason}`);
  }
  return OK;
};

const HANDLERS: { [S in OcProviderState]: Handler<S> } = {
  [APP_REGISTERED]: (w, p) => {
    w.apps.register(p.appId, p.secret);
    return OK;
  },
  [APP_AUTHENTICATED]: (w, p) => {
    session(w, p);
    return OK;
  },
  [DEVICE_HAS_COMMANDS]: (w, p) => {
    session(w, p);
    ensureDevice(w, p.deviceId, p.appId);
    return seedCommands(w, p, p.commands);
  },
  [DEVICE_HAS_REVOCATION_TASKS]: (w, p) => {
    session(w, p);
    ensureDevice(w, p.deviceId, p.appId);
    for (const t of p.tasks) {
      if (w.tasks.has(t.taskId)) return refused(`task ${t.taskId} is listed twice`);
      const seeded = seedCommands(w, p, t.commands);
      if (!seeded.ok) return seeded;
      w.tasks.add({
        taskId: t.taskId,
        appId: p.appId,
        deviceId: p.deviceId,
        createdAt: w.now(),
        commandIds: t.commands.map((c) => c.commandId),
        before: null,
        fixedStatus: t.status,
      });
    }
    return OK;
  },
  [DEVICE_QUEUE_FULL]: (w, p) => {
    const cap = w.store.config.pendingCap;
    if (p.pendingLimit !== cap)
      return refused(`the simulated pending limit is ${cap} per device, not ${p.pendingLimit}`);
    session(w, p);
    ensureDevice(w, p.deviceId, p.appId);
    const held = w.store.list(p.deviceId, { states: ['PENDING'] }).length;
    for (let i = held; i < cap; i++) {
      const payload: OcPayload = {
        appId: p.appId,
        command: { serviceId: 'Harness', method: 'FILL_QUEUE', paras: { n: i + 1 } },
        callbackUrl: null,
        expireTime: null,
        maxRetransmit: w.options.defaultMaxRetransmit,
      };
      const created = w.store.create(p.deviceId, { payload, ttlMs: 172_800_000 });
      if (!created.ok) return refused(`cannot fill the queue of ${p.deviceId}: ${created.reason}`);
    }
    return OK;
  },
  [DEVICE_UNKNOWN]: (w, p) => {
    if (w.owners.has(p.deviceId)) return refused(`device ${p.deviceId} is a device of the default fleet`);
    session(w, p);
    return OK;
  },
  [TARGET_APP_REFUSED]: (w, p) => {
    if (p.targetAppId === p.appId) return refused('targetAppId must name another application than appId');
    if (p.condition === 'not-existing' && p.targetAppId === w.fleet.appId)
      return refused(`${p.targetAppId} is the default application: it exists`);
    session(w, p);
    if (p.condition === 'not-authorized') w.apps.register(p.targetAppId);
    w.settings.refusalStatus = p.answerStatus;
    return OK;
  },
  [TOKEN_INVALID]: (w, p) => {
    session(w, p);
    w.apps.supersede(p.appId, w.now());
    return OK;
  },
  [THROTTLE_EXHAUSTED]: (w, p) => {
    if (p.limit < 1 || p.windowSeconds < 1) return refused('limit and windowSeconds must be at least 1');
    session(w, p);
    // A window opened by the state itself, so that it is still exhausted however long the verifier takes to call.
    w.throttle.configure({
      ...w.ctx.config.throttle.oceanconnect,
      enabled: true,
      algorithm: 'fixed-window',
      alignment: 'first-call',
      limit: p.limit,
      windowMs: p.windowSeconds * 1000,
    });
    const now = w.now();
    for (let i = 0; i < p.limit; i++) w.throttle.check(p.appId, now);
    return OK;
  },
  [PLATFORM_FAULT]: (w, p) => {
    session(w, p);
    w.faults.set([{ fault: p.fault }]);
    return OK;
  },
};

const isContractState = (state: string): state is OcProviderState => Object.hasOwn(OC_PROVIDER_STATES, state);

const run = <S extends OcProviderState>(w: Core, state: S, raw: unknown): ProviderStateOutcome => {
  const parsed = OC_PROVIDER_STATES[state].safeParse(raw);
  if (!parsed.success)
    return refused(
      `bad params for "${state}": ${issuesOf(parsed.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  resetCore(w);
  return HANDLERS[state](w, parsed.data as OcProviderStateParams<S>);
};

/**
 * Every contract state starts from a reset (the default fleet, nothing else) and then sets up exactly what its params
 * say. The simulator-only state SIM_FAULTS_STATE arms or clears faults on top of whatever state is set.
 */
export const applyProviderState = (w: Core, state: string, params: unknown): ProviderStateOutcome => {
  if (state === SIM_FAULTS_STATE) {
    const parsed = SimFaultsParams.safeParse(params);
    if (!parsed.success)
      return refused(
        `bad params for "${state}": ${issuesOf(parsed.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    w.faults.set(parsed.data.faults);
    return OK;
  }
  if (!isContractState(state))
    return refused(
      `unknown OceanConnect provider state "${state}"; known: ${[
        ...Object.keys(OC_PROVIDER_STATES),
        SIM_FAULTS_STATE,
      ]
        .map((s) => `"${s}"`)
        .join(', ')}`,
    );
  return run(w, state, params);
};

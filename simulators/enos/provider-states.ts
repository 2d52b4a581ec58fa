// The Pact provider states of the EnOS pact, set up in the simulator: an application, a device with commands, an unknown org.
import { toCanonical } from '../../contracts/enos/states.ts';
import {
  type AppParams,
  ApplicationParams,
  type CommandSeed,
  DeviceCommandsParams,
  ENOS_STATES,
  UnknownOrganisationParams,
} from '../../contracts/enos/provider-states.ts';
import { issuesOf } from '../../contracts/common/problem.ts';
import type { SeedCommandInput } from '../model/seed.ts';
import type { ProviderStateOutcome } from '../platform/vendor-sim.ts';
import type { Core } from './core.ts';
import type { EnosDevice } from './fleet.ts';
import type { EnosPayload } from './projection.ts';
import { storeKeyOf } from './world.ts';

const refused = (message: string): ProviderStateOutcome => ({ ok: false, message });

/** The app exists, holds `accessToken` (live at once) and gets it from the token service too. */
const registerApp = (core: Core, app: AppParams, orgs: string[]): void => {
  core.world.addApp({
    appKey: app.appKey,
    appSecret: app.appSecret,
    orgs: new Set(orgs),
    presetToken: app.accessToken,
    expireSeconds: app.expire,
  });
  core.world.grant(app.accessToken, app.appKey, core.clock.now() + app.expire * 1000);
};

/**
 * Where the seeded commands sit in platform time. Their createTime values are kept when they agree with the clock
 * (created before now, cached ones not yet expired); otherwise the whole list is shifted so the newest was created
 * now, keeping its gaps (the pact matches times by type). A list that cannot hold even then is refused.
 */
const placement = (commands: CommandSeed[], now: number): number | string => {
  const holds = (shift: number) =>
    commands.every(
      (c) =>
        c.createTime + shift <= now && (c.state !== 1 || c.createTime + shift + c.pendingTtl * 1000 > now),
    );
  if (holds(0)) return 0;
  const shift = now - Math.max(...commands.map((c) => c.createTime));
  if (holds(shift)) return shift;
  const dead = commands.find((c) => c.state === 1 && c.createTime + shift + c.pendingTtl * 1000 <= now);
  return `command ${dead?.commandId} is in state 1 Created but its pendingTtl has elapsed before the newest command was created`;
};

/** The store seed of a CommandSeed: 4 Released is in flight since now; the store fills the other times. */
const seedInputOf = (
  c: CommandSeed,
  device: EnosDevice,
  createdAt: number,
  now: number,
): SeedCommandInput => {
  const payload: EnosPayload = {
    ...device,
    commandType: c.commandType,
    tslIdentifier: c.tslIdentifier,
    inputData: c.inputData,
    pendingTtl: c.pendingTtl,
    timeout: c.timeout,
  };
  return {
    commandId: c.commandId,
    state: toCanonical(c.state),
    payload,
    createdAt,
    ttlMs: c.pendingTtl * 1000,
    timeoutMs: c.timeout * 1000,
    sentAt: c.state === 4 ? now : undefined,
  };
};

const deviceCommands = (core: Core, params: unknown): ProviderStateOutcome => {
  const parsed = DeviceCommandsParams.safeParse(params);
  if (!parsed.success) return refused(`bad params: ${JSON.stringify(issuesOf(parsed.error))}`);
  const p = parsed.data;
  const device: EnosDevice = {
    orgId: p.orgId,
    assetId: p.assetId,
    productKey: p.productKey,
    deviceKey: p.deviceKey,
  };
  if (!core.world.addDevice(device))
    return refused(
      `device ${p.assetId} (${p.productKey}/${p.deviceKey}) collides with a device of the fleet`,
    );
  registerApp(core, p.app, [p.orgId]);
  const key = storeKeyOf(device);
  const added = core.store.addDevice(key, { online: false });
  if (!added.ok) return refused(`device ${key} could not be added: ${added.reason}`);
  const now = core.clock.now();
  const shift = p.commands.length ? placement(p.commands, now) : 0;
  if (typeof shift === 'string') return refused(shift);
  for (const c of p.commands) {
    const r = core.store.seed(key, seedInputOf(c, device, c.createTime + shift, now));
    if (!r.ok) return refused(`command ${c.commandId} could not be seeded: ${r.reason}`);
  }
  if (p.online) core.store.setOnline(key, true);
  return { ok: true };
};

const application = (core: Core, params: unknown): ProviderStateOutcome => {
  const parsed = ApplicationParams.safeParse(params);
  if (!parsed.success) return refused(`bad params: ${JSON.stringify(issuesOf(parsed.error))}`);
  registerApp(core, parsed.data.app, []);
  return { ok: true };
};

const unknownOrganisation = (core: Core, params: unknown): ProviderStateOutcome => {
  const parsed = UnknownOrganisationParams.safeParse(params);
  if (!parsed.success) return refused(`bad params: ${JSON.stringify(issuesOf(parsed.error))}`);
  if (core.world.orgs.has(parsed.data.orgId))
    return refused(`orgId ${parsed.data.orgId} is an organisation of the fleet`);
  registerApp(core, parsed.data.app, []);
  return { ok: true };
};

const HANDLERS: Record<string, (core: Core, params: unknown) => ProviderStateOutcome> = {
  [ENOS_STATES.application]: application,
  [ENOS_STATES.deviceCommands]: deviceCommands,
  [ENOS_STATES.unknownOrganisation]: unknownOrganisation,
};

/** Sets up one provider state on a freshly reset simulator (`reset` restores the default fleet first). */
export const setUpProviderState = (
  core: Core,
  reset: () => void,
  state: string,
  params: unknown,
): ProviderStateOutcome => {
  const handler = HANDLERS[state];
  if (!handler)
    return refused(`unknown EnOS provider state "${state}"; known: ${Object.keys(HANDLERS).join(', ')}`);
  reset();
  return handler(core, params);
};

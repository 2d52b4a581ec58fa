// Everything one OceanConnect simulator holds (store, throttle, apps, devices, tasks, faults) and how it is reset.
import { PENDING_CAP } from '../../contracts/oceanconnect/constraints.ts';
import type { CommandStore } from '../model/command-store.ts';
import type { Throttle } from '../model/throttle.ts';
import type { PlatformContext } from '../platform/vendor-sim.ts';
import { AppRegistry } from './apps.ts';
import { FaultSwitch } from './faults.ts';
import { fleetOf, hexId, type OcFleet, uuidId } from './fleet.ts';
import { OcSimOptions, type OcSimOptionsInput } from './options.ts';
import { TaskBook } from './tasks.ts';

export type Core = {
  readonly ctx: PlatformContext;
  readonly options: OcSimOptions;
  readonly fleet: OcFleet;
  readonly store: CommandStore;
  readonly throttle: Throttle;
  readonly apps: AppRegistry;
  readonly tasks: TaskBook;
  readonly faults: FaultSwitch;
  /** Device id -> the application that owns it. The store key of a device is its id. */
  readonly owners: Map<string, string>;
  /** Settings provider states may change; restored by a reset. */
  settings: { refusalStatus: 200 | 403 };
  /** Counter of generated task ids. */
  taskCounter: number;
  /** Planning fleets seeded so far (never reset: a later fleet's ids never repeat an earlier one's). */
  planFleets: number;
  now(): number;
  nextTaskId(): string;
};

export const makeCore = (ctx: PlatformContext, input: OcSimOptionsInput = {}): Core => {
  const options = OcSimOptions.parse(input);
  const { seed } = ctx.config;
  const store = ctx.newStore({
    pendingCap: PENDING_CAP,
    idPrefix: `${hexId(seed, 'command-prefix').slice(0, 8)}-`,
    seed,
    defaultBehaviour: ctx.config.deviceBehaviour,
  });
  const world: Core = {
    ctx,
    options,
    fleet: fleetOf(seed, ctx.config.devicesPerVendor),
    store,
    throttle: ctx.newThrottle(ctx.config.throttle.oceanconnect),
    apps: new AppRegistry(seed, options.tokenLifetimeSeconds * 1000),
    tasks: new TaskBook(store, { runDelayMs: options.taskRunDelayMs, runMs: options.taskRunMs }),
    faults: new FaultSwitch(),
    owners: new Map(),
    settings: { refusalStatus: options.refusalStatus },
    taskCounter: 0,
    planFleets: 0,
    now: () => ctx.clock.now(),
    nextTaskId: () => {
      for (;;) {
        const id = uuidId(seed, `task:${++world.taskCounter}`);
        if (!world.tasks.has(id)) return id;
      }
    },
  };
  resetCore(world);
  return world;
};

/** Adds a device owned by `appId` (offline, with the configured behaviour), or gives an existing one to `appId`. */
export const ensureDevice = (w: Core, deviceId: string, appId: string): void => {
  if (!w.owners.has(deviceId)) w.store.addDevice(deviceId);
  w.owners.set(deviceId, appId);
};

/** Back to the start: the default application and its offline devices; no commands, tokens, tasks or faults. */
export const resetCore = (w: Core): void => {
  w.store.reset();
  w.throttle.configure(w.ctx.config.throttle.oceanconnect);
  w.apps.clear();
  w.apps.register(w.fleet.appId, w.fleet.secret);
  w.tasks.clear();
  w.faults.clear();
  w.owners.clear();
  w.settings = { refusalStatus: w.options.refusalStatus };
  w.taskCounter = 0;
  for (const deviceId of w.fleet.devices) ensureDevice(w, deviceId, w.fleet.appId);
};

// The state one IoTDA simulator instance shares between its admission, routes and provider states.
import type { TimeSource } from '../model/clock.ts';
import type { CommandStore } from '../model/command-store.ts';
import type { Throttle } from '../model/throttle.ts';
import type { World } from './world.ts';

export type Core = { store: CommandStore; throttle: Throttle; world: World; clock: TimeSource };

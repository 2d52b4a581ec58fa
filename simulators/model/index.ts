// The public API of the platform model: clock, scheduler, throttle, command store and their schemas.
export { SimClock, ClockConfig } from './clock.ts';
export type { ClockConfigInput, ClockState, TimeSource, WallSource } from './clock.ts';
export { Scheduler } from './scheduler.ts';
export type { SchedulerHandle } from './scheduler.ts';
export { THROTTLE_ALGORITHMS, Throttle, ThrottleConfig } from './throttle.ts';
export type { ThrottleConfigInput, ThrottleDecision } from './throttle.ts';
export { predictAllowed } from './throttle-predict.ts';
export type { ThrottlePrediction } from './throttle-predict.ts';
export { DeviceBehaviour } from './behaviour.ts';
export type { DeviceBehaviourInput } from './behaviour.ts';
export { CommandChange, CommandView, CreateCommandInput, StoreRefusal, assertTransition } from './command.ts';
export type { CancelAllResult, CancelResult, CreateResult } from './command.ts';
export { DeviceView } from './device.ts';
export { SeedCommandInput, seedTimesOf } from './seed.ts';
export type { SeedTimes } from './seed.ts';
export { pageOf } from './listing.ts';
export { CommandStore, CommandStoreConfig } from './command-store.ts';
export type {
  CommandPage,
  CommandQuery,
  CommandStoreConfigInput,
  DeviceInit,
  DeviceResult,
  StoreStats,
} from './command-store.ts';
export { deviceSeed, fnv1a32, mulberry32, mulberry32Step, mulberry32Value } from './rng.ts';
export { measureMemory, measureMemoryPerCommand } from './memory.ts';
export type { MemoryMeasurement } from './memory.ts';

// Measures the heap cost of one PENDING command in a fresh store, for the memory benchmark.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CommandStore } from './command-store.ts';
import { SimClock } from './clock.ts';

/**
 * A way to force a full GC: `global.gc` when Node runs with --expose-gc; otherwise the flag is turned on at run time
 * and `gc` taken from a fresh context (a common Node idiom); undefined if neither works.
 */
const findGc = (): (() => void) | undefined => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    const fromContext = runInNewContext('gc') as unknown;
    return typeof fromContext === 'function' ? (fromContext as () => void) : undefined;
  } catch {
    return undefined;
  }
};

export type MemoryMeasurement = {
  /** heap + array-buffer growth per command: what measureMemoryPerCommand returns. */
  bytesPerCommand: number;
  /** Growth of `heapUsed` alone (records, ids, maps, arrays). */
  heapBytesPerCommand: number;
  /** Growth of `arrayBuffers` (the scheduler's typed arrays live there, outside the JS heap). */
  arrayBufferBytesPerCommand: number;
  commands: number;
  devices: number;
  gcForced: boolean;
};

/**
 * Creates `n` PENDING commands spread over max(1, n/10) offline devices in a fresh store and returns the growth of
 * `heapUsed` per command, plus the growth of `arrayBuffers`, where the scheduler keeps its typed arrays (heapUsed alone
 * would miss them). Store, scheduler entries, ids and indexes are included; the devices are made before the baseline,
 * and every command shares one payload object (the payload belongs to the vendor layer, not to the store).
 */
export const measureMemoryPerCommand = (n: number): number => measureMemory(n).bytesPerCommand;

export const measureMemory = (n: number): MemoryMeasurement => {
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new RangeError(`measureMemory: n must be a positive integer, got ${n}`);
  const gc = findGc();
  const devices = Math.max(1, Math.floor(n / 10));
  const clock = new SimClock({ startEpochMs: Date.UTC(2026, 0, 1), frozen: true });
  const store = new CommandStore(clock, { pendingCap: Math.ceil(n / devices) + 1 });
  const keys = Array.from({ length: devices }, (_, i) => `device-${i}`);
  for (const key of keys) store.addDevice(key);
  const payload = { serviceId: 'svc', method: 'm', params: {} }; // shared: the payload is the vendor's, not ours
  gc?.();
  const before = process.memoryUsage();
  for (let i = 0; i < n; i++) store.create(keys[i % devices]!, { payload, ttlMs: 172_800_000 });
  gc?.();
  const after = process.memoryUsage();
  if (store.stats().byState.PENDING !== n) throw new Error('measureMemory: not every command stayed PENDING');
  const heap = (after.heapUsed - before.heapUsed) / n;
  const buffers = (after.arrayBuffers - before.arrayBuffers) / n;
  return {
    bytesPerCommand: heap + buffers,
    heapBytesPerCommand: heap,
    arrayBufferBytesPerCommand: buffers,
    commands: n,
    devices,
    gcForced: gc !== undefined,
  };
};

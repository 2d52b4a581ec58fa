// The lifecycle model against the simulator's engine in-process (no HTTP): thousands of steps a second, same rules.
import fc from 'fast-check';
import { VENDORS } from '../../vendors/index.ts';
import { storesWith } from '../mutations/store.ts';
import { SimClock } from '../../simulators/model/clock.ts';
import { disagreements } from '../harness/agreement.ts';
import { LifecycleModel } from '../model/lifecycle.ts';
import { DEFAULT_TIMEOUT_MS, type PropsModel } from '../model/state.ts';
import { checkPure, holds } from './pure-property.ts';
import type { SuiteProperty } from './properties.ts';

const DEVICES = ['d0', 'd1', 'd2'];
const CAP = 4;
const T0 = Date.UTC(2026, 0, 1);

type Op =
  | { op: 'create'; device: number; ttlS: number; timeoutS: number }
  | { op: 'cancel'; pick: number }
  | { op: 'cancel-all'; device: number }
  | { op: 'online'; device: number; online: boolean }
  | {
      op: 'behaviour';
      device: number;
      ackDelayMs: number;
      responseDelayMs: number;
      fails: boolean;
      silent: boolean;
    }
  | { op: 'advance'; ms: number }
  | { op: 'to-event'; offsetMs: number };

const device = fc.nat({ max: DEVICES.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      device,
      ttlS: fc.constantFrom(0, 1, 2, 5, 30),
      timeoutS: fc.constantFrom(1, 2, 30),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('cancel' as const),
      pick: fc.oneof(fc.nat({ max: 30 }), fc.constant(-1)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel-all' as const), device }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('online' as const), device, online: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('behaviour' as const),
      device,
      ackDelayMs: fc.constantFrom(0, 1, 500, 2000, 45_000),
      responseDelayMs: fc.constantFrom(0, 1, 1000, 45_000),
      fails: fc.boolean(),
      silent: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('to-event' as const), offsetMs: fc.constantFrom(0, -1) }),
  },
);

export const lifecycleAgainstEngine: SuiteProperty = {
  name: 'pure/lifecycle-model-vs-engine',
  says: "the lifecycle model and the simulator's command store, driven in-process by the same operations, never differ",
  group: 'pure',
  defaultRuns: 150,
  run: (ctx, opts) =>
    checkPure(
      'pure/lifecycle-model-vs-engine',
      fc.array(opArb, { minLength: 1, maxLength: 60 }),
      (ops) => {
        const clock = new SimClock({ startEpochMs: T0, frozen: true });
        const store = storesWith(ctx.mutations)(clock, { pendingCap: CAP });
        const m: PropsModel = {
          /** Any vendor: only the lifecycle model is driven here, no vendor call. */
          vendor: VENDORS[0].id,
          life: new LifecycleModel({
            now: T0,
            cap: CAP,
            defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
            devices: DEVICES,
          }),
          throttle: undefined,
          app: undefined,
          devices: DEVICES,
        };
        for (const d of DEVICES) store.addDevice(d);
        for (const [i, o] of ops.entries()) {
          const key = DEVICES[('device' in o ? o.device : 0) % DEVICES.length]!;
          switch (o.op) {
            case 'create': {
              const input = { ttlMs: o.ttlS * 1000, timeoutMs: o.timeoutS * 1000, immediately: o.ttlS === 0 };
              const verdict = m.life.canCreate(key, input);
              const r = store.create(key, { payload: null, ttlMs: input.ttlMs, timeoutMs: input.timeoutMs });
              holds(
                'model-agreement',
                r.ok === verdict.ok
                  ? []
                  : [`create: model ${JSON.stringify(verdict)}, store ${JSON.stringify(r)}`],
                `op ${i}`,
              );
              if (r.ok) m.life.create(key, input, r.command.commandId);
              break;
            }
            case 'cancel': {
              // -1: the newest command (often the one just sent)
              const c =
                o.pick < 0
                  ? m.life.commands.at(-1)
                  : m.life.commands[o.pick % Math.max(1, m.life.commands.length)];
              if (!c) break;
              const verdict = m.life.canCancel(c.commandId);
              const r = store.cancel(c.commandId);
              holds(
                'model-agreement',
                r.ok === verdict.ok
                  ? []
                  : [`cancel ${c.commandId}: model ${verdict.ok}, store ${JSON.stringify(r)}`],
                `op ${i}`,
              );
              if (verdict.ok) m.life.cancel(c.commandId);
              break;
            }
            case 'cancel-all': {
              const expected = m.life.cancelAll(key).map((c) => c.commandId);
              const r = store.cancelAll(key);
              const got = r.ok ? r.before.map((c) => c.commandId) : [];
              holds(
                'model-agreement',
                JSON.stringify(got) === JSON.stringify(expected)
                  ? []
                  : [`cancel-all ${key}: model [${expected}], store [${got}]`],
                `op ${i}`,
              );
              break;
            }
            case 'online':
              store.setOnline(key, o.online);
              m.life.setOnline(key, o.online);
              break;
            case 'behaviour': {
              const { ackDelayMs, responseDelayMs, fails, silent } = o;
              store.setBehaviour(key, { ackDelayMs, responseDelayMs, failureRatio: fails ? 1 : 0, silent });
              m.life.setBehaviour(key, { ackDelayMs, responseDelayMs, fails, silent });
              break;
            }
            case 'advance':
              clock.advance(o.ms);
              m.life.advance(o.ms);
              break;
            case 'to-event': {
              const next = m.life.nextEventAt();
              if (next === undefined) break;
              const ms = Math.max(0, next + o.offsetMs - m.life.now);
              clock.advance(ms);
              m.life.advance(ms);
              break;
            }
          }
          const snapshot = {
            now: clock.now(),
            commands: store.listAll().items,
            devices: store.listDevices(),
          };
          holds('model-agreement', disagreements(m, snapshot), `op ${i} ${JSON.stringify(o)}`);
        }
      },
      opts,
    ),
};

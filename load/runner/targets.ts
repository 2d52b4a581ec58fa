// The simulators a load run drives: one platform instance per application shard (called directly), or the WireMock front door of one.
import type { SimConfigInput } from '../../simulators/platform/config.ts';
import { ReadyInfo } from '../../simulators/platform/ready-info.ts';
import type { Platform } from '../../simulators/platform/server.ts';
import type { VendorSimFactory } from '../../simulators/platform/vendor-sim.ts';
import { renderProblem } from '../../contracts/common/problem.ts';
import { CONTROL_PREFIX } from '../../contracts/control/api.ts';
import { type Vendor, VENDORS } from '../../vendors/index.ts';
import { loadVendors } from './load-vendors.ts';
import type { LoadTarget } from './vendor.ts';
import { viaControl } from './control.ts';
import { type Outcome, done, refused } from './outcome.ts';

export type LoadTargets = {
  /** Per load vendor, one application per instance (an instance holds one application of each vendor: its fleet). */
  apps: Partial<Record<Vendor, LoadTarget[]>>;
  controlUrls: string[];
  /** "platform": k6 calls the platform model; "front-door": k6 calls WireMock, which proxies to it. */
  route: 'platform' | 'front-door';
  stop(): Promise<void>;
};

export type TargetSpec = {
  /** Application shards, one simulator instance each. */
  shards: number;
  /** Devices per vendor in all, split over the shards as evenly as they go. */
  devices: number;
  frontDoor: boolean;
  /** Every instance gets this config, with its own seed (seed + shard) and its share of the devices. */
  sim: SimConfigInput;
};

/**
 * Tokens outlive any bounded run: a real client renews its token before expiry with a login, which no throttle
 * counts, so an expiry in the middle of a compressed run would only measure the harness, not the platform.
 */
const TOKEN_LIFETIME_S = 30 * 24 * 3600;

/** Every vendor's simulator; a load vendor's with tokens that outlive the run. */
const loadFactories = (): VendorSimFactory[] =>
  VENDORS.map((v) =>
    'load' in v && v.load ? v.load.simulator(TOKEN_LIFETIME_S) : (v.simulator as VendorSimFactory),
  );

/** How many devices shard `i` of `shards` holds. */
export const shareOf = (devices: number, shards: number, i: number): number =>
  Math.floor(devices / shards) + (i < devices % shards ? 1 : 0);

/** Adds each load vendor's application of one instance, from its fleet section (`sectionOf`), to the targets. */
const addApps = (
  targets: LoadTargets,
  sectionOf: (vendor: Vendor) => unknown,
  baseUrl: (vendor: Vendor) => string,
  controlUrl: string,
): void => {
  for (const v of loadVendors()) {
    const section = sectionOf(v.id);
    if (section === undefined) throw new Error(`the platform has no ${v.name} simulator`);
    targets.apps[v.id] = [...(targets.apps[v.id] ?? []), v.load.targetOf(section, baseUrl(v.id), controlUrl)];
  }
};

const startShards = async (spec: TargetSpec): Promise<LoadTargets> => {
  const { buildPlatform } = await import('../../simulators/platform/server.ts');
  const factories = loadFactories();
  // One platform epoch for every instance: their windows line up to within the few wall ms between their starts.
  const startEpochMs = spec.sim.startEpochMs ?? Date.now();
  const platforms: Platform[] = [];
  const targets: LoadTargets = {
    apps: {},
    controlUrls: [],
    route: 'platform',
    stop: async () => {
      await Promise.all(platforms.map((p) => p.close()));
    },
  };
  try {
    for (let i = 0; i < spec.shards; i++) {
      const platform = buildPlatform(
        {
          ...spec.sim,
          startEpochMs,
          seed: (spec.sim.seed ?? 1) + i,
          devicesPerVendor: shareOf(spec.devices, spec.shards, i),
        },
        factories,
      );
      platforms.push(platform);
      const url = await platform.listen(0);
      const controlUrl = `${url}${CONTROL_PREFIX}`;
      addApps(
        targets,
        (v) => platform.vendors.get(v)?.fleet(),
        () => url,
        controlUrl,
      );
      targets.controlUrls.push(controlUrl);
    }
  } catch (err) {
    await targets.stop();
    throw err;
  }
  return targets;
};

const startFrontDoor = async (spec: TargetSpec): Promise<LoadTargets> => {
  const { startSimulators } = await import('../../simulators/sim.ts');
  const sim = await startSimulators({
    mode: 'stateful',
    platform: { ...spec.sim, devicesPerVendor: spec.devices },
  });
  const { info } = sim;
  const targets: LoadTargets = {
    apps: {},
    controlUrls: [info.controlUrl],
    route: 'front-door',
    stop: () => sim.stop(),
  };
  addApps(
    targets,
    (v) => info[v],
    (v) => info[v].baseUrl,
    info.controlUrl,
  );
  return targets;
};

/** Starts the instances; the caller stops them (also after a failed run). */
export const startTargets = async (spec: TargetSpec): Promise<Outcome<LoadTargets>> => {
  if (spec.frontDoor && spec.shards !== 1)
    return refused(
      'simulator',
      `the front door serves one simulator instance, so one application per vendor; got ${spec.shards} application shards (leave --front-door off)`,
    );
  try {
    return done(spec.frontDoor ? await startFrontDoor(spec) : await startShards(spec));
  } catch (err) {
    const problem = (err as { problem?: Parameters<typeof renderProblem>[0] }).problem;
    return refused('simulator', problem ? renderProblem(problem) : (err as Error).message);
  }
};

/**
 * Simulators someone else started (`harness sim --ready-file`), one per application shard: each is reset (its
 * default fleet, an empty journal) and set to the run's time scale. `route` picks WireMock (the ready line's base
 * URLs) or the platform model behind it (the origin of the control URL). They are left running afterwards.
 */
export const attachTargets = async (
  ready: readonly ReadyInfo[],
  route: 'platform' | 'front-door',
  timeScale: number,
): Promise<Outcome<LoadTargets>> => {
  const targets: LoadTargets = { apps: {}, controlUrls: [], route, stop: async () => {} };
  for (const info of ready) {
    const controlUrl = info.controlUrl.replace(/\/+$/, '');
    const reset = await viaControl(controlUrl, 'simulator', (c) => c.reset());
    if (!reset.ok) return reset;
    const scaled = await viaControl(controlUrl, 'simulator', (c) => c.changeClock({ timeScale }));
    if (!scaled.ok) return scaled;
    const base = (v: Vendor) => (route === 'platform' ? new URL(controlUrl).origin : info[v].baseUrl);
    addApps(targets, (v) => info[v], base, controlUrl);
    targets.controlUrls.push(controlUrl);
  }
  return done(targets);
};

/**
 * A running simulator's ready line: from a file `harness sim --ready-file` wrote (its last line), or built from a
 * control URL (`http://host:port/__control`) and its fleet (GET /fleet), the base URLs then being the platform model.
 */
export const readyOf = async (
  where: string,
  readText: (file: string) => string,
): Promise<Outcome<ReadyInfo>> => {
  let json: unknown;
  try {
    if (/^https?:\/\//.test(where)) {
      const controlUrl = where.replace(/\/+$/, '');
      const answer = await viaControl(controlUrl, 'simulator', (c) => c.fleet());
      if (!answer.ok) return answer;
      const fleet = answer.value;
      const origin = new URL(controlUrl).origin;
      json = {
        wiremockUrl: origin,
        controlUrl,
        ...Object.fromEntries(VENDORS.map((v) => [v.id, { baseUrl: origin, ...fleet[v.id] }])),
      };
    } else json = JSON.parse(readText(where).trim().split('\n').at(-1) ?? '');
  } catch (err) {
    return refused('simulator', `--against ${where}: ${(err as Error).message}`);
  }
  const parsed = ReadyInfo.safeParse(json);
  return parsed.success
    ? done(parsed.data)
    : refused(
        'simulator',
        `--against ${where}: not a simulator's ready line (${parsed.error.issues[0]?.message})`,
      );
};

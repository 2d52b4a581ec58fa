// Flags of `harness load` and `harness plan` turned into runner requests, once, at the entry point; a bad flag is a message.
import type { DrainStrategy } from './drain-model.ts';
import { primaryVendor } from './load-vendors.ts';
import { type Outcome, done, refused } from './outcome.ts';
import { DRAIN_STRATEGIES, SCENARIOS, type ScenarioName } from './run-file.ts';
import { type WhatIfFlags, type WhatIfs, whatIfsFrom } from '../plan/what-ifs.ts';

/** `90s`, `30m`, `2h`, `1h30m`, or a bare number of minutes, in platform ms. */
export const parseDuration = (text: string): number | undefined => {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 60_000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * unit[m[2]!]!;
    matched = re.lastIndex;
  }
  return matched === t.length && matched > 0 ? Math.round(total) : undefined;
};

const positive = (name: string, text: unknown, integer = true): number | string | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n))
    ? n
    : `--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(text)}`;
};

export type LoadFlags = {
  profile?: string;
  segments?: string;
  timeScale?: string;
  windows?: string;
  frontDoor?: boolean;
  out?: string;
  json?: boolean;
  build?: boolean;
  against?: string;
  route?: string;
  prepareOnly?: boolean;
  advertise?: string;
};

export type LoadOptions = {
  scenario: ScenarioName;
  profile: string;
  segments: number;
  overrides: { timeScale?: number; windows?: number; frontDoor?: boolean };
  out?: string;
  json: boolean;
  build: boolean;
  /** Ready files of simulators already running (one per application shard). */
  against: string[];
  route: 'platform' | 'front-door';
  prepareOnly: boolean;
  /** With prepareOnly: the origin k6 reaches each --against instance at, in the same order. */
  advertise: string[];
};

export const loadOptionsFrom = (args: string[], flags: LoadFlags): Outcome<LoadOptions> => {
  const scenario = args[0];
  if (!scenario || !(SCENARIOS as readonly string[]).includes(scenario))
    return refused(
      'flags',
      `give a scenario: ${SCENARIOS.join(', ')}${scenario ? ` (got ${scenario})` : ''}`,
    );
  const segments = positive('segments', flags.segments);
  const timeScale = positive('time-scale', flags.timeScale, false);
  const windows = positive('windows', flags.windows);
  for (const v of [segments, timeScale, windows]) if (typeof v === 'string') return refused('flags', v);
  if (scenario === 'back-off' && typeof segments === 'number' && segments > 1)
    return refused('flags', 'back-off is one client with one VU: it cannot be split over execution segments');
  const route = flags.route ?? 'platform';
  if (route !== 'platform' && route !== 'front-door')
    return refused('flags', `--route must be platform or front-door, got ${route}`);
  const against = (flags.against ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (route === 'front-door' && against.length === 0)
    return refused('flags', '--route applies to --against (fresh simulators: use --front-door)');
  const advertise = (flags.advertise ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (advertise.length && (!flags.prepareOnly || advertise.length !== against.length))
    return refused(
      'flags',
      '--advertise goes with --prepare-only and names one origin per --against instance',
    );
  for (const a of advertise)
    if (!URL.canParse(a))
      return refused('flags', `--advertise takes origins such as http://host:8080, got ${a}`);
  return done({
    scenario: scenario as ScenarioName,
    profile: flags.profile ?? 'smoke',
    segments: (segments as number | undefined) ?? 1,
    overrides: {
      ...(timeScale !== undefined ? { timeScale: timeScale as number } : {}),
      ...(windows !== undefined ? { windows: windows as number } : {}),
      ...(flags.frontDoor ? { frontDoor: true } : {}),
    },
    ...(flags.out ? { out: flags.out } : {}),
    json: flags.json === true,
    build: flags.build !== false,
    against,
    route,
    prepareOnly: flags.prepareOnly === true,
    advertise,
  });
};

export type PlanFlags = WhatIfFlags & {
  devices?: string;
  pending?: string;
  apps?: string;
  deadline?: string;
  strategy?: string;
  rate?: string;
  inProcess?: boolean;
  crossCheck?: boolean;
  measure?: boolean;
  measureFewest?: boolean;
  out?: string;
  json?: boolean;
};

export type PlanOptions = {
  devices: number;
  pending: number;
  apps: number;
  deadlineMs: number;
  strategy: DrainStrategy;
  rate?: number;
  whatIfs: WhatIfs;
  transport: 'http' | 'in-process';
  crossCheck: boolean;
  measure: boolean;
  measureFewest: boolean;
  out?: string;
  json: boolean;
};

export const planOptionsFrom = (flags: PlanFlags): Outcome<PlanOptions> => {
  for (const name of ['devices', 'pending', 'apps', 'deadline'] as const)
    if (flags[name] === undefined) return refused('flags', `--${name} is required`);
  const devices = positive('devices', flags.devices);
  const pending = positive('pending', flags.pending);
  const apps = positive('apps', flags.apps);
  const rate = positive('rate', flags.rate);
  for (const v of [devices, pending, apps, rate]) if (typeof v === 'string') return refused('flags', v);
  const deadlineMs = parseDuration(flags.deadline!);
  if (deadlineMs === undefined || deadlineMs <= 0)
    return refused(
      'flags',
      `--deadline takes a platform duration such as 90s, 30m, 2h, 1h30m or a number of minutes; got ${flags.deadline}`,
    );
  const strategy = flags.strategy ?? 'revoke';
  if (!(DRAIN_STRATEGIES as readonly string[]).includes(strategy))
    return refused('flags', `--strategy must be ${DRAIN_STRATEGIES.join(' or ')}, got ${strategy}`);
  const drained = primaryVendor();
  if ((pending as number) > drained.pendingCap)
    return refused(
      'flags',
      `${drained.name} holds at most ${drained.pendingCap} pending commands per device; got --pending ${pending}`,
    );
  const whatIfs = whatIfsFrom(flags, parseDuration);
  if (!whatIfs.ok) return refused('flags', whatIfs.message);
  return done({
    devices: devices as number,
    pending: pending as number,
    apps: apps as number,
    deadlineMs,
    strategy: strategy as DrainStrategy,
    ...(rate !== undefined ? { rate: rate as number } : {}),
    whatIfs: whatIfs.value,
    transport: flags.inProcess === true ? 'in-process' : 'http',
    crossCheck: flags.crossCheck === true,
    measure: flags.measure !== false,
    measureFewest: flags.measureFewest !== false,
    ...(flags.out ? { out: flags.out } : {}),
    json: flags.json === true,
  });
};

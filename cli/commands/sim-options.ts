// Turns `harness sim` flags into simulator options, once, at the entry point; a bad flag is a message, not a crash.
import { existsSync } from 'node:fs';
import { quirkIds } from '../../contracts/quirks.ts';
import type { SimOptions } from '../../simulators/sim.ts';
import { parseLatency } from '../../simulators/replay/build-mappings.ts';
import { VENDORS } from '../../vendors/index.ts';

/** The vendors whose throttle is on by default: what --throttle-limit and --throttle-window set. */
const THROTTLED = VENDORS.filter((v) => v.throttle.enabled);
export const THROTTLED_NAMES = THROTTLED.map((v) => v.name).join(', ');

export type SimFlags = {
  mode?: string;
  launcher?: string;
  wiremockUrl?: string;
  timeScale?: string;
  devices?: string;
  seed?: string;
  latency?: string;
  port?: string;
  readyFile?: string;
  throttleLimit?: string;
  throttleWindow?: string;
  throttleAlgorithm?: string;
  driftProfile?: string;
  https?: boolean;
  clientCa?: string;
  withoutQuirks?: string;
  jvmFlags?: string;
};

const num = (
  name: string,
  text: string | undefined,
  check: (n: number) => boolean,
): number | undefined | string => {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && check(n) ? n : `--${name} must be a valid number, got ${text}`;
};

export const SIM_FLAGS = [
  {
    flags: '--mode <mode>',
    description: 'stateful (platform model behind WireMock) or replay (documented answers only)',
    default: 'stateful',
  },
  {
    flags: '--launcher <launcher>',
    description: 'embedded (java -jar), container (testcontainers) or external',
    default: 'embedded',
  },
  { flags: '--wiremock-url <url>', description: 'the WireMock to use with --launcher external' },
  { flags: '--time-scale <n>', description: 'platform seconds per wall second', default: '1' },
  {
    flags: '--devices <n>',
    description: 'devices per vendor in the default fleet (all offline)',
    default: '10',
  },
  { flags: '--seed <n>', description: 'seed of ids, credentials and device behaviour', default: '1' },
  {
    flags: '--latency <profile>',
    description: 'none, fixed:<ms> or lognormal:<medianMs>,<sigma>[,<maxMs>]',
    default: 'none',
  },
  { flags: '--port <n>', description: 'port of the platform model (0: any free one)', default: '0' },
  {
    flags: '--throttle-limit <n>',
    description: `${THROTTLED_NAMES} calls per window per application`,
    default: '100',
  },
  {
    flags: '--throttle-window <ms>',
    description: `${THROTTLED_NAMES} throttle window in platform ms`,
    default: '60000',
  },
  {
    flags: '--throttle-algorithm <name>',
    description: 'fixed-window, sliding-window or token-bucket',
    default: 'fixed-window',
  },
  { flags: '--ready-file <file>', description: 'also write the ready line to this file' },
  {
    flags: '--jvm-flags <flags>',
    description:
      'JVM flags for the embedded WireMock, space-separated, e.g. "-XX:TieredStopAtLevel=1" (starts faster on a busy machine)',
  },
  {
    flags: '--client-ca <file>',
    description:
      'PEM CA for client certificates: OceanConnect gets a front door of its own that asks for one (implies --https)',
  },
  {
    flags: '--https',
    description:
      'serve the front door over TLS with a CA made for this run (its PEM file is tls.caFile in the ready line)',
  },
  {
    flags: '--drift-profile <name>',
    description: 'none, or drifted: answers changed on purpose (for testing harness drift)',
    default: 'none',
  },
  {
    flags: '--without-quirks <ids>',
    description: 'comma-separated vendor quirks the answers go without (default: none, the faithful profile)',
  },
];

export const simOptionsFrom = (
  flags: SimFlags,
): { ok: true; options: SimOptions; readyFile?: string } | { ok: false; message: string } => {
  const mode = flags.mode ?? 'stateful';
  if (mode !== 'stateful' && mode !== 'replay')
    return { ok: false, message: `--mode must be stateful or replay, got ${mode}` };
  const launcher = flags.launcher ?? 'embedded';
  if (launcher !== 'embedded' && launcher !== 'container' && launcher !== 'external')
    return { ok: false, message: `--launcher must be embedded, container or external, got ${launcher}` };
  if (launcher === 'external' && !flags.wiremockUrl)
    return { ok: false, message: '--launcher external needs --wiremock-url' };
  const timeScale = num('time-scale', flags.timeScale, (n) => n > 0);
  const devices = num('devices', flags.devices, (n) => Number.isInteger(n) && n >= 0);
  const seed = num('seed', flags.seed, Number.isInteger);
  const port = num('port', flags.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536);
  const limit = num('throttle-limit', flags.throttleLimit, (n) => Number.isInteger(n) && n > 0);
  const windowMs = num('throttle-window', flags.throttleWindow, (n) => Number.isInteger(n) && n > 0);
  for (const v of [timeScale, devices, seed, port, limit, windowMs])
    if (typeof v === 'string') return { ok: false, message: v };
  const algorithm = flags.throttleAlgorithm ?? 'fixed-window';
  if (!['fixed-window', 'sliding-window', 'token-bucket'].includes(algorithm))
    return {
      ok: false,
      message: `--throttle-algorithm must be fixed-window, sliding-window or token-bucket, got ${algorithm}`,
    };
  const driftProfile = flags.driftProfile ?? 'none';
  if (driftProfile !== 'none' && driftProfile !== 'drifted')
    return { ok: false, message: `--drift-profile must be none or drifted, got ${driftProfile}` };
  const removedQuirks = (flags.withoutQuirks ?? '').split(',').filter(Boolean);
  const unknownQuirk = removedQuirks.find((id) => !quirkIds().includes(id));
  if (unknownQuirk !== undefined)
    return { ok: false, message: `--without-quirks: no quirk ${unknownQuirk} (${quirkIds().join(', ')})` };
  const latency = parseLatency(flags.latency ?? 'none');
  if ('error' in latency) return { ok: false, message: latency.error };
  if ((flags.https || flags.clientCa) && launcher !== 'embedded')
    return {
      ok: false,
      message: `${flags.clientCa ? '--client-ca' : '--https'} needs --launcher embedded, got ${launcher}`,
    };
  if (flags.clientCa && !existsSync(flags.clientCa))
    return { ok: false, message: `--client-ca ${flags.clientCa}: no such file` };
  const options: SimOptions = {
    mode,
    latency,
    ...(flags.https || flags.clientCa ? { https: true } : {}),
    ...(flags.clientCa ? { clientCaFile: flags.clientCa } : {}),
    platformPort: port as number | undefined,
    wiremock:
      launcher === 'external'
        ? { launcher, url: flags.wiremockUrl! }
        : launcher === 'embedded' && flags.jvmFlags
          ? { launcher, jvmFlags: flags.jvmFlags.split(/\s+/).filter(Boolean) }
          : { launcher },
    platform: {
      timeScale: timeScale as number | undefined,
      devicesPerVendor: devices as number | undefined,
      seed: seed as number | undefined,
      driftProfile,
      removedQuirks,
      // The throttle flags set the throttle of every vendor whose throttle is on by default (its contract's THROTTLE).
      throttle: Object.fromEntries(
        THROTTLED.map((v) => [
          v.id,
          {
            limit: limit as number | undefined,
            windowMs: windowMs as number | undefined,
            algorithm: algorithm as 'fixed-window' | 'sliding-window' | 'token-bucket',
          },
        ]),
      ),
    },
  };
  return { ok: true, options, ...(flags.readyFile ? { readyFile: flags.readyFile } : {}) };
};

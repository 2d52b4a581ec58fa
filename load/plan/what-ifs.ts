// What the simulated drain adds beyond the formula, one flag each: tokens, latency, platform failures, devices online, throttle, strategy.
import { THROTTLE_ALGORITHMS } from '../../simulators/model/throttle.ts';
import { mulberry32 } from '../../simulators/model/rng.ts';
import { type LatencyProfile, parseLatency } from '../../simulators/replay/build-mappings.ts';

export type WhatIfs = {
  /** Token lifetime in platform seconds (OceanConnect's login answers expiresIn; the simulator's default is 3600). */
  tokenLifetimeS: number;
  /** Logins count against the application's throttle (then a login takes one of the client's slots). */
  loginsCount: boolean;
  /** Platform ms from a client sending a request to the platform deciding on it, drawn per request. */
  latency: LatencyProfile;
  /** Every `every`-th drain call is answered with this platform failure (500 100001 or 503 100501). */
  faults?: { status: 500 | 503; every: number };
  /** Tries after the first for a refused or failed call, and the first wait after a 5xx (doubling). */
  retries: number;
  backoffMs: number;
  /** Share of devices that come online during the drain (at seeded times over the analytic drain). */
  onlineShare: number;
  algorithm: (typeof THROTTLE_ALGORITHMS)[number];
};

export const DEFAULT_WHAT_IFS: WhatIfs = {
  tokenLifetimeS: 3600,
  loginsCount: false,
  latency: { kind: 'none' },
  retries: 3,
  backoffMs: 2000,
  onlineShare: 0,
  algorithm: 'fixed-window',
};

/** The what-ifs that change the timing the analytic model assumes (a case with none of them must agree exactly). */
export const timingWhatIfs = (w: WhatIfs): string[] => [
  ...(w.loginsCount ? ['logins count against the throttle (each renewal takes a slot)'] : []),
  ...(w.latency.kind !== 'none'
    ? [`latency ${latencyText(w.latency)} (calls reach the platform unevenly)`]
    : []),
  ...(w.faults
    ? [`a ${w.faults.status} every ${w.faults.every} calls (each retried after ${w.backoffMs} ms)`]
    : []),
  ...(w.algorithm !== 'fixed-window' ? [`throttle ${w.algorithm}`] : []),
];

/** Every what-if that is not the default, in words (the report lists them). */
export const whatIfLines = (w: WhatIfs): string[] => [
  `token lifetime ${w.tokenLifetimeS} s (renewed by a login 60 s before it ends); logins ${w.loginsCount ? 'count' : 'do not count'} against the throttle`,
  ...timingWhatIfs(w).filter((l) => !l.startsWith('logins')),
  ...(w.onlineShare > 0 ? [`${pct(w.onlineShare)} of the devices come online during the drain`] : []),
];

const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;

export const latencyText = (l: LatencyProfile): string =>
  l.kind === 'none'
    ? 'none'
    : l.kind === 'fixed'
      ? `fixed ${l.ms} ms`
      : `lognormal median ${l.medianMs} ms, sigma ${l.sigma}${l.maxMs ? `, at most ${l.maxMs} ms` : ''}`;

/** A seeded sampler of a latency profile, in platform ms (a standard normal by Box-Muller for the lognormal). */
export const latencySampler = (l: LatencyProfile, seed: number): (() => number) => {
  if (l.kind === 'none') return () => 0;
  if (l.kind === 'fixed') return () => l.ms;
  const next = mulberry32(seed);
  return () => {
    const u = 1 - next();
    const v = next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    const ms = l.medianMs * Math.exp(l.sigma * z);
    return l.maxMs ? Math.min(ms, l.maxMs) : ms;
  };
};

/**
 * Which devices come online and when: a seeded `share` of them, each at a whole platform minute drawn evenly over
 * [start, start + spanMs]. The drive brings a device online with the first clock jump at or after its minute.
 */
export const onlineSchedule = (
  devices: readonly string[],
  share: number,
  start: number,
  spanMs: number,
  seed: number,
): { at: number; deviceId: string }[] => {
  if (share <= 0) return [];
  const next = mulberry32(seed);
  const minutes = Math.max(1, Math.floor(spanMs / 60_000));
  const out: { at: number; deviceId: string }[] = [];
  for (const deviceId of devices)
    if (next() < share) out.push({ at: start + Math.floor(next() * minutes) * 60_000, deviceId });
  return out.sort((a, b) => a.at - b.at);
};

export type WhatIfFlags = {
  tokenLifetime?: string;
  loginsCount?: boolean;
  latency?: string;
  faults?: string;
  retries?: string;
  retryBackoff?: string;
  online?: string;
  throttle?: string;
};

/** The what-if flags, or the first one that is wrong, in words. `duration` parses 90s, 30m, 2h, 1h30m. */
export const whatIfsFrom = (
  f: WhatIfFlags,
  duration: (text: string) => number | undefined,
): { ok: true; value: WhatIfs } | { ok: false; message: string } => {
  const w: WhatIfs = { ...DEFAULT_WHAT_IFS, loginsCount: f.loginsCount === true };
  if (f.tokenLifetime !== undefined) {
    const ms = duration(f.tokenLifetime);
    if (ms === undefined || ms < 1000)
      return {
        ok: false,
        message: `--token-lifetime takes a duration such as 3600s or 2h; got ${f.tokenLifetime}`,
      };
    w.tokenLifetimeS = Math.floor(ms / 1000);
  }
  if (f.latency !== undefined) {
    const l = parseLatency(f.latency);
    if ('error' in l) return { ok: false, message: `--latency: ${l.error}` };
    w.latency = l;
  }
  if (f.faults !== undefined) {
    const m = /^(500|503)\/(\d+)$/.exec(f.faults);
    if (!m || Number(m[2]) < 2)
      return {
        ok: false,
        message: `--faults takes <500|503>/<every n-th call, n >= 2>, e.g. 503/100; got ${f.faults}`,
      };
    w.faults = { status: Number(m[1]) as 500 | 503, every: Number(m[2]) };
  }
  if (f.retries !== undefined) {
    const n = Number(f.retries);
    if (!Number.isInteger(n) || n < 0 || n > 100)
      return { ok: false, message: `--retries takes 0 to 100; got ${f.retries}` };
    w.retries = n;
  }
  if (f.retryBackoff !== undefined) {
    const ms = duration(f.retryBackoff);
    if (ms === undefined)
      return { ok: false, message: `--retry-backoff takes a duration such as 2s; got ${f.retryBackoff}` };
    w.backoffMs = ms;
  }
  if (f.online !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(f.online);
    const share = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN;
    if (!(share >= 0 && share <= 1))
      return {
        ok: false,
        message: `--online takes a share of the devices, 0 to 1 or 0% to 100%; got ${f.online}`,
      };
    w.onlineShare = share;
  }
  if (f.throttle !== undefined) {
    if (!(THROTTLE_ALGORITHMS as readonly string[]).includes(f.throttle))
      return {
        ok: false,
        message: `--throttle must be ${THROTTLE_ALGORITHMS.join(', ')}; got ${f.throttle}`,
      };
    w.algorithm = f.throttle as WhatIfs['algorithm'];
  }
  return { ok: true, value: w };
};

// The environment variables `harness gate` exports to the client's command: their names, and the values from a ready line.
import type { ThrottleConfig } from '../simulators/model/throttle.ts';
import type { ReadyInfo } from '../simulators/platform/ready-info.ts';
import { type GateLimits, minPollGapMs, toleranceMs } from './limits.ts';
import { type Vendor, VENDORS } from '../vendors/index.ts';

/** The variables every run gets, whatever the vendors. */
const COMMON = {
  wiremockUrl: 'HARNESS_WIREMOCK_URL',
  controlUrl: 'HARNESS_CONTROL_URL',
  readyFile: 'HARNESS_READY_FILE',
  timeScale: 'HARNESS_TIME_SCALE',
  maxPollRate: 'HARNESS_MAX_POLL_RATE',
  minPollGapMs: 'HARNESS_MIN_POLL_GAP_MS',
  minBackoffMs: 'HARNESS_MIN_BACKOFF_MS',
  toleranceMs: 'HARNESS_TOLERANCE_MS',
} as const;

/** Every name, once: the common ones, then each vendor's (gate/<vendor>/plugin.ts); gate/README.md documents each. */
export const ENV: Readonly<Record<string, string>> = {
  ...COMMON,
  ...Object.fromEntries(VENDORS.flatMap((v) => Object.keys(v.gate.env).map((name) => [name, name]))),
};

export type GateEnvInput = {
  info: ReadyInfo;
  readyFile: string;
  /** The limits the audit judges by (the time scale is the clock's). */
  limits: GateLimits;
  /** The throttle the simulator runs for each vendor (GET /__control/state). */
  throttle: Readonly<Record<Vendor, ThrottleConfig>>;
};

/** The variables to add to the command's environment (lists are comma-separated). */
export const gateEnv = (input: GateEnvInput): Record<string, string> => {
  const { info } = input;
  const env: Record<string, string> = {
    [COMMON.wiremockUrl]: info.wiremockUrl,
    [COMMON.controlUrl]: info.controlUrl,
    [COMMON.readyFile]: input.readyFile,
    [COMMON.timeScale]: String(input.limits.timeScale),
    [COMMON.maxPollRate]: String(input.limits.maxPollRate),
    [COMMON.minPollGapMs]: String(minPollGapMs(input.limits)),
    [COMMON.minBackoffMs]: String(input.limits.minBackoffMs),
    [COMMON.toleranceMs]: String(toleranceMs(input.limits)),
  };
  for (const v of VENDORS)
    for (const [name, value] of Object.entries(
      v.gate.env as Record<string, (s: unknown, t: ThrottleConfig) => string>,
    ))
      env[name] = value(info[v.id], input.throttle[v.id]);
  return env;
};

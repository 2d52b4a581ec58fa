// The environment variables `harness gate` exports to the client's command: their names, and the values from a ready line.
import type { ThrottleConfig } from '../simulators/model/throttle.ts';
import type { ReadyInfo } from '../simulators/platform/ready-info.ts';
import { type Vendor, VENDORS } from '../vendors/index.ts';

/** The variables every run gets, whatever the vendors. */
const COMMON = {
  wiremockUrl: 'HARNESS_WIREMOCK_URL',
  controlUrl: 'HARNESS_CONTROL_URL',
  readyFile: 'HARNESS_READY_FILE',
  timeScale: 'HARNESS_TIME_SCALE',
  maxPollRate: 'HARNESS_MAX_POLL_RATE',
} as const;

/** Every name, once: the common ones, then each vendor's (gate/<vendor>/plugin.ts); gate/README.md documents each. */
export const ENV: Readonly<Record<string, string>> = {
  ...COMMON,
  ...Object.fromEntries(VENDORS.flatMap((v) => Object.keys(v.gate.env).map((name) => [name, name]))),
};

export type GateEnvInput = {
  info: ReadyInfo;
  readyFile: string;
  timeScale: number;
  maxPollRate: number;
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
    [COMMON.timeScale]: String(input.timeScale),
    [COMMON.maxPollRate]: String(input.maxPollRate),
  };
  for (const v of VENDORS)
    for (const [name, value] of Object.entries(
      v.gate.env as Record<string, (s: unknown, t: ThrottleConfig) => string>,
    ))
      env[name] = value(info[v.id], input.throttle[v.id]);
  return env;
};

// The three reference clients as the suite drives them: fresh per run, no throttle retries, clocks on platform time.
import type { Dispatcher } from 'undici';
import { defaultBackoff } from '../../clients/common/backoff.ts';
import { createEnosClient, type EnosClient } from '../../clients/enos/client.ts';
import { createIotdaClient, type IotdaClient, iotdaBackoff } from '../../clients/iotda/client.ts';
import { OceanConnectClient } from '../../clients/oceanconnect/client.ts';
import type { FleetSections } from '../../simulators/platform/ready-info.ts';

export type SuiteClients = { enos: EnosClient; oceanconnect: OceanConnectClient; iotda: IotdaClient };

/**
 * `platformNow` is the suite's mirror of the frozen platform clock, so token lifetimes are judged in platform time
 * (no surprise re-login in the middle of a step). Throttle back-off is off: a 1010009 must reach the suite as it is.
 * EnOS timestamps must never repeat (the token service refuses a reused encryption), so its clock ticks at least
 * one millisecond per reading.
 */
export const makeClients = (
  baseUrl: string,
  fleet: FleetSections,
  platformNow: () => number,
  dispatcher?: Dispatcher,
): SuiteClients => {
  let last = 0;
  const enosNow = () => {
    last = Math.max(last + 1, platformNow());
    return last;
  };
  const noWait = { maxRetries: 0, now: platformNow, sleep: async () => {} };
  return {
    enos: createEnosClient({
      baseUrl,
      credentials: { appKey: fleet.enos.appKey, appSecret: fleet.enos.appSecret },
      now: enosNow,
      ...(dispatcher ? { dispatcher } : {}),
    }),
    oceanconnect: new OceanConnectClient({
      baseUrl,
      credentials: { appId: fleet.oceanconnect.appId, secret: fleet.oceanconnect.secret },
      backoff: defaultBackoff(noWait),
      now: platformNow,
      ...(dispatcher ? { dispatcher } : {}),
    }),
    iotda: createIotdaClient({
      baseUrl,
      projectId: fleet.iotda.projectId,
      credentials: { kind: 'token', token: fleet.iotda.authToken },
      backoff: iotdaBackoff(noWait),
      ...(dispatcher ? { dispatcher } : {}),
    }),
  };
};

// The external launcher: a WireMock someone else runs, reached by URL; stopping it only removes our mappings.
import { randomUUID } from 'node:crypto';
import { SimulatorError, wireMockProblem } from './errors.ts';
import { waitForHealth } from './health.ts';
import type { WireMockHandle } from './launcher.ts';
import { removeOwnedMappings } from './mappings.ts';
import type { ExternalOptions } from './options.ts';

/** Checks that the WireMock at `o.url` is healthy and returns a handle whose stop() leaves it running. */
export const connectExternal = async (o: ExternalOptions): Promise<WireMockHandle> => {
  const url = o.url.replace(/\/+$/, '');
  const health = await waitForHealth(url, o.startTimeoutMs);
  if (!health.ok) throw new SimulatorError(wireMockProblem('unreachable', health.message));
  const handle: WireMockHandle = {
    url,
    adminUrl: `${url}/__admin`,
    kind: 'external',
    owner: `external-${randomUUID()}`,
    serverUrlFor: (hostUrl) => hostUrl,
    stop: () => removeOwnedMappings(handle),
  };
  return handle;
};

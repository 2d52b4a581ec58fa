// Connection resets at the front door: WireMock resets the n-th call of one endpoint, since a reset behind its proxy reaches the client as WireMock's own 500.
import { randomUUID } from 'node:crypto';
import type { EndpointRoute } from '../../contracts/common/endpoint-route.ts';
import type { WireMockHandle } from './launcher.ts';
import { getJournal, registerMapping } from './mappings.ts';

export type ArmedReset = {
  scenario: string;
  /** One mapping per call up to the n-th; the last one resets. */
  mappingIds: string[];
};

/** WireMock's request pattern for a route: its method (ANY when it takes several), path pattern and EnOS action. */
const requestOf = (route: EndpointRoute): Record<string, unknown> => ({
  method: route.methods.length === 1 ? route.methods[0] : 'ANY',
  urlPathPattern: route.path.replace(/^\^/, '').replace(/\$$/, ''),
  ...(route.action === undefined ? {} : { queryParameters: { action: { equalTo: route.action } } }),
});

/**
 * Arms a reset of the `call`-th call of the route: a chain of scenario mappings (priority 1, newer than the proxies
 * so they win) that proxies calls 1..n-1 to the platform model at `platformUrl` and answers the n-th with
 * CONNECTION_RESET_BY_PEER; later calls match none of them and go through as usual.
 */
export const armFrontDoorReset = async (
  handle: WireMockHandle,
  platformUrl: string,
  route: EndpointRoute,
  call: number,
): Promise<ArmedReset> => {
  const scenario = `harness-reset-${randomUUID()}`;
  const proxyBaseUrl = handle.serverUrlFor(platformUrl).replace(/\/+$/, '');
  const mappingIds: string[] = [];
  for (let k = 1; k <= call; k++)
    mappingIds.push(
      await registerMapping(handle, {
        name: `${scenario} call ${k} of ${route.endpoint}`,
        priority: 1,
        scenarioName: scenario,
        requiredScenarioState: k === 1 ? 'Started' : `call-${k}`,
        newScenarioState: k === call ? 'reset' : `call-${k + 1}`,
        request: requestOf(route),
        response: k === call ? { fault: 'CONNECTION_RESET_BY_PEER' } : { proxyBaseUrl },
      }),
    );
  return { scenario, mappingIds };
};

/** Removes the chain's mappings. */
export const disarmFrontDoorReset = async (handle: WireMockHandle, armed: ArmedReset): Promise<void> => {
  for (const id of armed.mappingIds) await fetch(`${handle.adminUrl}/mappings/${id}`, { method: 'DELETE' });
};

export type FrontDoorReset = {
  wallAt: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
};

/**
 * The calls the chain reset, from WireMock's request journal (which must be on: `maxRequestJournalEntries`);
 * empty when the reset never fired.
 */
export const frontDoorResets = async (
  handle: WireMockHandle,
  armed: ArmedReset,
): Promise<FrontDoorReset[]> => {
  const last = armed.mappingIds.at(-1);
  return (await getJournal(handle))
    .filter((e) => e.mappingId !== undefined && e.mappingId === last)
    .map((e) => ({
      wallAt: Date.parse(e.loggedAt),
      method: e.method,
      url: e.url,
      headers: e.headers as Record<string, string>,
      body: e.body,
    }));
};

// The documented default provider states a third party's pact is verified with when its state names are not ours: derived from the request itself.
import type { Vendor } from '../contracts/common/problem.ts';
import { DEVICE_WITH_COMMANDS } from '../contracts/iotda/provider-states.ts';
import { APP_AUTHENTICATED, DEVICE_HAS_COMMANDS } from '../contracts/oceanconnect/provider-states.ts';
import { bodyContent, firstValue, type PactInteraction } from './pact-file.ts';
import type { ProviderState } from './replay.ts';

/** Our provider-state names per vendor: a third party's state with one of these names is set as it is. */
export type KnownStates = Record<Vendor, ReadonlySet<string>>;

const headerOf = (i: PactInteraction, name: string): string | undefined => {
  const entry = Object.entries(i.request.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry ? firstValue(entry[1]) : undefined;
};

/** The OceanConnect default: the app of the request's app_key and bearer token; a revoked device holds one PENDING command. */
const oceanConnectDefault = (i: PactInteraction, v4: boolean): ProviderState | undefined => {
  const appId = headerOf(i, 'app_key');
  const accessToken = headerOf(i, 'authorization')?.replace(/^Bearer\s+/i, '');
  if (!appId || !accessToken) return undefined;
  const body = bodyContent(i.request.body, v4) as { deviceId?: unknown } | undefined;
  if (i.request.method.toUpperCase() === 'POST' && i.request.path.endsWith('/deviceCommandCancelTasks')) {
    if (typeof body?.deviceId !== 'string') return undefined;
    return {
      name: DEVICE_HAS_COMMANDS,
      params: {
        appId,
        accessToken,
        deviceId: body.deviceId,
        commands: [
          {
            callbackUrl: null,
            command: { method: 'SET_STATE', paras: { state: 'ON' }, serviceId: 'Switch' },
            commandId: 'd0000000000000000000000000000001',
            creationTime: '20240305T081500Z',
            deliveredTime: null,
            executeTime: null,
            expireTime: 172800,
            issuedTimes: null,
            maxRetransmit: 3,
            platformIssuedTime: null,
            result: null,
            status: 'PENDING',
          },
        ],
      },
    };
  }
  return { name: APP_AUTHENTICATED, params: { appId, accessToken } };
};

const IOTDA_SHOW = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/async-commands\/([^/]+)$/;
const IOTDA_CREATE = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/async-commands$/;

/**
 * The IoTDA default, token auth from X-Auth-Token: for a create call, the device of the path exists, offline, with no
 * command; for a show call, it holds the command of the path, PENDING.
 */
const iotdaDefault = (i: PactInteraction): ProviderState | undefined => {
  const token = headerOf(i, 'x-auth-token');
  const method = i.request.method.toUpperCase();
  const create = IOTDA_CREATE.exec(i.request.path);
  if (token && create && method === 'POST') {
    const [, projectId, deviceId] = create;
    return {
      name: DEVICE_WITH_COMMANDS,
      params: { projectId, deviceId, auth: { kind: 'token', token }, online: false, commands: [] },
    };
  }
  const m = IOTDA_SHOW.exec(i.request.path);
  if (!token || !m || method !== 'GET') return undefined;
  const [, projectId, deviceId, commandId] = m;
  return {
    name: DEVICE_WITH_COMMANDS,
    params: {
      projectId,
      deviceId,
      auth: { kind: 'token', token },
      online: false,
      commands: [
        {
          commandId,
          status: 'PENDING',
          serviceId: 'ValveControl',
          commandName: 'SET_VALVE',
          paras: { valve: 'CLOSE' },
          expireTime: 86400,
          sendStrategy: 'delay',
          createdTime: '20240305T081500Z',
        },
      ],
    },
  };
};

export type StateChoice =
  | { kind: 'ours'; states: ProviderState[] }
  | { kind: 'default'; states: ProviderState[]; replaced: string[] }
  | { kind: 'none'; replaced: string[] };

/**
 * The states an interaction is replayed with: its own when every name is one of ours; otherwise the vendor's
 * documented default derived from the request (OceanConnect, IoTDA show); otherwise none (the simulator's fleet as it is).
 */
export const chooseStates = (
  vendor: Vendor,
  i: PactInteraction,
  known: KnownStates,
  v4: boolean,
): StateChoice => {
  const given = i.providerStates ?? [];
  const replaced = given.filter((s) => !known[vendor].has(s.name)).map((s) => s.name);
  if (replaced.length === 0 && given.length > 0) return { kind: 'ours', states: given };
  const fallback =
    vendor === 'oceanconnect' ? oceanConnectDefault(i, v4) : vendor === 'iotda' ? iotdaDefault(i) : undefined;
  return fallback ? { kind: 'default', states: [fallback], replaced } : { kind: 'none', replaced };
};

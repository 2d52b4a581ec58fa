// The documented default provider states a third party's pact is verified with when its state names are not ours: derived from the request itself.
import type { Vendor } from '../contracts/common/problem.ts';
import { CommandSeed, ENOS_STATES } from '../contracts/enos/provider-states.ts';
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

/**
 * The app secret of the EnOS default state. A third party's pact was signed with its own secret, which nobody here
 * knows, so the replay signs its requests again with this one (drift/replay.ts).
 */
export const VERIFY_PACT_ENOS_SECRET = 'harness-verify-pact-secret';

const queryValue = (i: PactInteraction, name: string): string | undefined =>
  firstValue(i.request.query?.[name]);

/** The Command structs an EnOS answer carries (`data` as one struct or a list of them) as provider-state seeds. */
const enosSeedsOf = (body: unknown): CommandSeed[] => {
  const data = (body as { data?: unknown } | undefined)?.data;
  const structs = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
  return structs.flatMap((s) => {
    const c = s as Record<string, unknown>;
    const seed = CommandSeed.safeParse({
      commandType: 2,
      tslIdentifier: 'service',
      pendingTtl: 600,
      timeout: 30,
      inputData: {},
      ...c,
      // 000's sample writes createTime as a string of digits.
      createTime:
        typeof c.createTime === 'string' ? Number(c.createTime) : (c.createTime ?? Date.UTC(2024, 2, 5)),
    });
    return seed.success ? [seed.data] : [];
  });
};

/**
 * The EnOS default: the app of the request's apim-accesstoken (with our secret, see above) on the request's orgId,
 * holding the device the request names, offline, with the commands the pact's answer shows (those a cancel answers
 * cached; a cancel or get of one id with no command in the answer: that id, cached).
 */
const enosDefault = (i: PactInteraction, v4: boolean): ProviderState | undefined => {
  const accessToken = headerOf(i, 'apim-accesstoken');
  const orgId = queryValue(i, 'orgId');
  if (!accessToken || !orgId) return undefined;
  const commandId = queryValue(i, 'commandId');
  const seeds = enosSeedsOf(bodyContent(i.response.body, v4));
  const found = seeds.length === 0 && commandId ? enosSeedsOf({ data: { commandId, state: 1 } }) : seeds;
  // What a cancel answers was cached (state 1) before it, whatever state the consumer expects to read back.
  const commands =
    queryValue(i, 'action') === 'cancel' ? found.map((c) => ({ ...c, state: 1 as const })) : found;
  const deviceKey = queryValue(i, 'deviceKey') ?? 'verify-pact-device';
  return {
    name: ENOS_STATES.deviceCommands,
    params: {
      app: { appKey: 'verify-pact-app', appSecret: VERIFY_PACT_ENOS_SECRET, accessToken, expire: 7200 },
      orgId,
      assetId: queryValue(i, 'assetId') ?? `asset-${deviceKey}`,
      productKey: queryValue(i, 'productKey') ?? 'verify-pact-product',
      deviceKey,
      online: false,
      commands,
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
    vendor === 'oceanconnect'
      ? oceanConnectDefault(i, v4)
      : vendor === 'iotda'
        ? iotdaDefault(i)
        : enosDefault(i, v4);
  return fallback ? { kind: 'default', states: [fallback], replaced } : { kind: 'none', replaced };
};

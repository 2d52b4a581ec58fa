// The documented default provider state of EnOS for a third party's interaction whose state names are not ours.
import { CommandSeed, ENOS_STATES } from '../../contracts/enos/provider-states.ts';
import { bodyContent, type PactInteraction, queryValue, requestHeader } from '../pact-file.ts';
import type { ProviderState } from '../replay.ts';

/**
 * The app secret of the EnOS default state. A third party's pact was signed with its own secret, which nobody here
 * knows, so the replay signs its requests again with this one (drift/replay.ts).
 */
export const VERIFY_PACT_ENOS_SECRET = 'harness-verify-pact-secret';

/** The Command structs an EnOS answer carries (`data` as one struct or a list of them) as provider-state seeds. */
export const enosSeedsOf = (body: unknown): CommandSeed[] => {
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
export const defaultState = (i: PactInteraction, v4: boolean): ProviderState | undefined => {
  const commandId = queryValue(i, 'commandId');
  const seeds = enosSeedsOf(bodyContent(i.response.body, v4));
  const found = seeds.length === 0 && commandId ? enosSeedsOf({ data: { commandId, state: 1 } }) : seeds;
  // What a cancel answers was cached (state 1) before it, whatever state the consumer expects to read back.
  const commands =
    queryValue(i, 'action') === 'cancel' ? found.map((c) => ({ ...c, state: 1 as const })) : found;
  return deviceState(i, commands);
};

/**
 * "an EnOS device has commands" for the app of the request's apim-accesstoken (with our secret) on its orgId, the
 * device the request names (or `device`), offline, holding `commands`. Undefined without a token or an orgId.
 */
export const deviceState = (
  i: PactInteraction,
  commands: readonly CommandSeed[],
  device?: { assetId: string; productKey: string; deviceKey: string },
): ProviderState | undefined => {
  const accessToken = requestHeader(i, 'apim-accesstoken');
  const orgId = queryValue(i, 'orgId');
  if (!accessToken || !orgId) return undefined;
  const deviceKey = queryValue(i, 'deviceKey') ?? 'verify-pact-device';
  return {
    name: ENOS_STATES.deviceCommands,
    params: {
      app: { appKey: 'verify-pact-app', appSecret: VERIFY_PACT_ENOS_SECRET, accessToken, expire: 7200 },
      orgId,
      ...(device ?? {
        assetId: queryValue(i, 'assetId') ?? `asset-${deviceKey}`,
        productKey: queryValue(i, 'productKey') ?? 'verify-pact-product',
        deviceKey,
      }),
      online: false,
      commands,
    },
  };
};

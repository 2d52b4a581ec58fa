// The documented default provider state of OceanConnect for a third party's interaction whose state names are not ours.
import { APP_AUTHENTICATED, DEVICE_HAS_COMMANDS } from '../../contracts/oceanconnect/provider-states.ts';
import { bodyContent, type PactInteraction, requestHeader } from '../pact-file.ts';
import type { ProviderState } from '../replay.ts';

/** The OceanConnect default: the app of the request's app_key and bearer token; a revoked device holds one PENDING command. */
export const defaultState = (i: PactInteraction, v4: boolean): ProviderState | undefined => {
  const appId = requestHeader(i, 'app_key');
  const accessToken = requestHeader(i, 'authorization')?.replace(/^Bearer\s+/i, '');
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

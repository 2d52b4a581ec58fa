// OceanConnect's provider states for a third party's interaction, chosen by what it asks for: an unknown device or command, nothing pending, a command in a given state.
import {
  DEVICE_HAS_COMMANDS,
  DEVICE_UNKNOWN,
  type SeededCommand,
} from '../../contracts/oceanconnect/provider-states.ts';
import { AnyCommandStatus, fromCanonical, toCanonical } from '../../contracts/oceanconnect/states.ts';
import type { Intent } from '../intent.ts';
import { bodyContent, type PactInteraction, queryValue, requestHeader } from '../pact-file.ts';
import type { ProviderState } from '../replay.ts';
import type { ThirdPartyStates } from '../vendor.ts';

const MODIFY = /\/deviceCommands\/([^/]+)$/;

const command = (commandId: string, status: SeededCommand['status']): SeededCommand => {
  const sent = status !== 'PENDING' && status !== 'CANCELED' && status !== 'EXPIRED';
  return {
    commandId,
    command: { serviceId: 'Switch', method: 'SET_STATE', paras: { state: 'ON' } },
    callbackUrl: null,
    expireTime: 172800,
    status,
    result: status === 'SUCCESSFUL' || status === 'FAILED' ? { resultCode: status } : null,
    creationTime: '20240305T081500Z',
    executeTime: status === 'SUCCESSFUL' || status === 'FAILED' ? '20240305T091004Z' : null,
    platformIssuedTime: sent ? '20240305T091000Z' : null,
    deliveredTime: sent && status !== 'SENT' && status !== 'TIMEOUT' ? '20240305T091001Z' : null,
    issuedTimes: sent ? 1 : null,
    maxRetransmit: 3,
  };
};

export const thirdParty: ThirdPartyStates = {
  unknownCodes: { command: [], device: ['100418'] },
  statusOf: (v) => {
    const s = AnyCommandStatus.safeParse(v);
    return s.success ? toCanonical(s.data) : undefined;
  },
  commandIdOf: (i) => MODIFY.exec(i.request.path)?.[1],
  /**
   * The app of the request's app_key and bearer token; the device of its body or query. Unknown device: no such
   * device (100418 with HTTP 200). Unknown command, nothing pending: the device holds no command. A command in a
   * state: it holds that command (the path's id for a modify).
   */
  stateFor: (intent: Intent, i: PactInteraction, v4: boolean): ProviderState | undefined => {
    const appId = requestHeader(i, 'app_key');
    const accessToken = requestHeader(i, 'authorization')?.replace(/^Bearer\s+/i, '');
    if (!appId || !accessToken) return undefined;
    const body = bodyContent(i.request.body, v4) as { deviceId?: unknown } | undefined;
    const deviceId =
      (typeof body?.deviceId === 'string' ? body.deviceId : undefined) ??
      queryValue(i, 'deviceId') ??
      'verify-pact-device';
    const session = { appId, accessToken, deviceId };
    switch (intent.kind) {
      case 'unknown-device':
        return { name: DEVICE_UNKNOWN, params: session };
      case 'unknown-command':
      case 'no-pending':
        return { name: DEVICE_HAS_COMMANDS, params: { ...session, commands: [] } };
      case 'command-in-state': {
        const id = MODIFY.exec(i.request.path)?.[1] ?? 'd0000000000000000000000000000001';
        return {
          name: DEVICE_HAS_COMMANDS,
          params: { ...session, commands: [command(id, fromCanonical(intent.state))] },
        };
      }
    }
  },
};

// IoTDA's provider states for a third party's interaction, chosen by what it asks for: an unknown device or command, nothing pending, a command in a given state.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { DEVICE_ABSENT, DEVICE_WITH_COMMANDS } from '../../contracts/iotda/provider-states.ts';
import { CANONICAL_TO_IOTDA, IOTDA_TO_CANONICAL, IotdaStatus } from '../../contracts/iotda/states.ts';
import type { Intent } from '../intent.ts';
import { type PactInteraction, requestHeader } from '../pact-file.ts';
import type { ProviderState } from '../replay.ts';
import type { ThirdPartyStates } from '../vendor.ts';

const DEVICE_PATH = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/async-commands(?:-history)?(?:\/([^/]+))?$/;

/** The times a command in each status carries (strict reading of seed 004: a stage's time once it is reached). */
const timesOf = (status: IotdaStatus): Record<string, string> => {
  const sent = { sentTime: '20240305T091000Z' };
  const delivered = { ...sent, deliveredTime: '20240305T091001Z' };
  switch (status) {
    case 'SENT':
    case 'TIMEOUT':
      return sent;
    case 'DELIVERED':
      return delivered;
    case 'SUCCESSFUL':
    case 'FAILED':
      return { ...delivered, responseTime: '20240305T091004Z' };
    default:
      return {};
  }
};

/** A command as a provider state seeds it, with the times and result its status carries. */
export const commandIn = (commandId: string, status: IotdaStatus) => ({
  commandId,
  status,
  serviceId: 'ValveControl',
  commandName: 'SET_VALVE',
  paras: { valve: 'CLOSE' },
  expireTime: 86400,
  sendStrategy: 'delay',
  createdTime: '20240305T081500Z',
  ...timesOf(status),
  ...(status === 'SUCCESSFUL' || status === 'FAILED'
    ? { result: { result_code: status === 'FAILED' ? 1 : 0 } }
    : {}),
});

export const thirdParty: ThirdPartyStates = {
  unknownCodes: { command: [], device: ['IOTDA.014000'] },
  statusOf: (v) => {
    const s = IotdaStatus.safeParse(v);
    return s.success ? IOTDA_TO_CANONICAL[s.data] : undefined;
  },
  commandIdOf: (i) => DEVICE_PATH.exec(i.request.path)?.[3],
  /**
   * Token auth from X-Auth-Token. Unknown device: the project exists, the device does not (404 IOTDA.014000). Unknown
   * command, nothing pending: the device holds no command. A command in a state: the device holds the command of the
   * path in that status (CANCELED has no IoTDA status: no state).
   */
  stateFor: (intent: Intent, i: PactInteraction): ProviderState | undefined => {
    const token = requestHeader(i, 'x-auth-token');
    const m = DEVICE_PATH.exec(i.request.path);
    if (!token || !m) return undefined;
    const [, projectId, deviceId, commandId] = m;
    const target = { projectId, deviceId, auth: { kind: 'token', token } };
    switch (intent.kind) {
      case 'unknown-device':
        return { name: DEVICE_ABSENT, params: target };
      case 'unknown-command':
      case 'no-pending':
        return { name: DEVICE_WITH_COMMANDS, params: { ...target, online: false, commands: [] } };
      case 'command-in-state': {
        const status = CANONICAL_TO_IOTDA[intent.state as CanonicalState];
        if (!status) return undefined;
        return {
          name: DEVICE_WITH_COMMANDS,
          params: {
            ...target,
            online: false,
            commands: [commandIn(commandId ?? 'verify-pact-command-1', status)],
          },
        };
      }
    }
  },
};

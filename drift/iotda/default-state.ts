// The documented default provider state of IoTDA for a third party's interaction whose state names are not ours.
import { DEVICE_WITH_COMMANDS } from '../../contracts/iotda/provider-states.ts';
import { type PactInteraction, requestHeader } from '../pact-file.ts';
import type { ProviderState } from '../replay.ts';
import { commandIn } from './third-party.ts';

const IOTDA_SHOW = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/async-commands\/([^/]+)$/;
const IOTDA_CREATE = /^\/v5\/iot\/([^/]+)\/devices\/([^/]+)\/async-commands$/;

/**
 * The IoTDA default, token auth from X-Auth-Token: for a create call, the device of the path exists, offline, with no
 * command; for a show call, it holds the command of the path, PENDING.
 */
export const defaultState = (i: PactInteraction, _v4: boolean): ProviderState | undefined => {
  const token = requestHeader(i, 'x-auth-token');
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
  if (!commandId) return undefined;
  return {
    name: DEVICE_WITH_COMMANDS,
    params: {
      projectId,
      deviceId,
      auth: { kind: 'token', token },
      online: false,
      commands: [commandIn(commandId, 'PENDING')],
    },
  };
};

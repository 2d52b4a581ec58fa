// Shared set-up for the IoTDA simulator's tests: a platform on a frozen clock, the fleet, and one-line calls through inject().
import type { InjectOptions } from 'fastify';
import type { SimConfigInput } from '../platform/config.ts';
import { buildPlatform } from '../platform/server.ts';
import type { IotdaFleetSection } from './fleet.ts';
import { simulator } from './sim.ts';

export const T0 = Date.UTC(2026, 0, 1, 8, 0, 0);

export type Reply = { status: number; body: Record<string, unknown>; headers: Record<string, unknown> };

export const setupSim = (config: SimConfigInput = {}) => {
  const platform = buildPlatform(
    { frozen: true, startEpochMs: T0, devicesPerVendor: 3, seed: 4, ...config },
    [simulator],
  );
  const sim = platform.vendors.get('iotda');
  if (!sim) throw new Error('iotda sim missing');
  const fleet = sim.fleet() as IotdaFleetSection;
  const device = fleet.devices[0]!;
  const devicePath = (deviceId = device, projectId = fleet.projectId) =>
    `/v5/iot/${projectId}/devices/${deviceId}`;
  const tokenHeader = { 'x-auth-token': fleet.authToken };

  const inject = async (opts: InjectOptions): Promise<Reply> => {
    const res = await platform.app.inject(opts);
    let body: Record<string, unknown> = {};
    try {
      body = res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
    } catch {
      body = { unparsed: res.body };
    }
    return { status: res.statusCode, body, headers: res.headers };
  };

  /** A call with the fleet's token (unless other headers say otherwise). */
  const call = (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    inject({
      method,
      url,
      headers: {
        ...tokenHeader,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });

  const create = (body: Record<string, unknown>, deviceId = device) =>
    call('POST', `${devicePath(deviceId)}/async-commands`, body);
  const show = (commandId: string, deviceId = device) =>
    call('GET', `${devicePath(deviceId)}/async-commands/${commandId}`);
  const listQueued = (query = '', deviceId = device) =>
    call('GET', `${devicePath(deviceId)}/async-commands${query ? `?${query}` : ''}`);
  const listHistory = (query = '', deviceId = device) =>
    call('GET', `${devicePath(deviceId)}/async-commands-history${query ? `?${query}` : ''}`);

  const control = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    inject({
      method,
      url: `/__control${url}`,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const advance = (ms: number) => control('POST', '/clock', { advanceMs: ms });
  const setOnline = (online: boolean, deviceId = device) =>
    control('PUT', `/devices/iotda/${deviceId}`, { online });
  const setBehaviour = (behaviour: Record<string, unknown>, deviceId = device) =>
    control('PUT', `/devices/iotda/${deviceId}`, { behaviour });
  const providerState = (state: string, params: unknown) =>
    control('POST', '/provider-states', { vendor: 'iotda', state, params });

  return {
    platform,
    sim,
    fleet,
    device,
    devicePath,
    tokenHeader,
    inject,
    call,
    create,
    show,
    listQueued,
    listHistory,
    control,
    advance,
    setOnline,
    setBehaviour,
    providerState,
  };
};

export const DELAY = {
  service_id: 'ValveControl',
  command_name: 'SET_VALVE',
  paras: { valve: 'CLOSE' },
  send_strategy: 'delay',
};
export const IMMEDIATELY = { ...DELAY, paras: { valve: 'OPEN' }, send_strategy: 'immediately' };

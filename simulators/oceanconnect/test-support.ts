// Shared set-up of the OceanConnect simulator tests: a platform with only this vendor on a frozen clock, and call helpers.
import type { LightMyRequestResponse } from 'fastify';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import type { SimConfigInput } from '../platform/config.ts';
import { buildPlatform, type Platform } from '../platform/server.ts';
import type { Fleet } from './fleet.ts';
import type { OcSimOptionsInput } from './options.ts';
import { simulatorWith } from './sim.ts';

/** The fixtures' "now": 2024-03-05T09:00:00Z. */
export const T0 = Date.UTC(2024, 2, 5, 9, 0, 0);

export type Harness = Awaited<ReturnType<typeof startOc>>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const startOc = async (config: SimConfigInput = {}, options: OcSimOptionsInput = {}) => {
  const platform: Platform = buildPlatform(
    { frozen: true, startEpochMs: T0, devicesPerVendor: 3, ...config },
    [simulatorWith(options)],
  );
  await platform.app.ready();
  const sim = platform.vendors.get('oceanconnect')!;
  const fleet = sim.fleet() as Fleet;
  const app = platform.app;

  const json = (res: LightMyRequestResponse): unknown => (res.body === '' ? undefined : JSON.parse(res.body));

  const login = async (appId = fleet.appId, secret = fleet.secret) => {
    const res = await app.inject({
      method: 'POST',
      url: OC_PATHS.login,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ appId, secret }).toString(),
    });
    return { res, body: json(res) as { accessToken: string } & Record<string, unknown> };
  };

  /** A token of the default application, from a real login. */
  const token = async (): Promise<string> => (await login()).body.accessToken;

  /** A call with the given headers (default: the fleet app and `accessToken`), JSON body when given. */
  const call = async (
    method: Method,
    url: string,
    opts: {
      accessToken?: string;
      appKey?: string | null;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.appKey !== null) headers.app_key = opts.appKey ?? fleet.appId;
    if (opts.accessToken !== undefined) headers.authorization = `Bearer ${opts.accessToken}`;
    if (opts.body !== undefined && headers['content-type'] === undefined)
      headers['content-type'] = 'application/json';
    const res = await app.inject({
      method,
      url,
      headers,
      ...(opts.body === undefined
        ? {}
        : { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }),
    });
    return { status: res.statusCode, body: json(res), detail: res.headers['x-harness-detail'], res };
  };

  const control = async (method: Method, url: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url: `/__control${url}`,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: json(res) as Record<string, unknown> };
  };

  const advance = (ms: number) => control('POST', '/clock', { advanceMs: ms });
  const setOnline = (deviceId: string, online: boolean) =>
    control('PUT', `/devices/oceanconnect/${deviceId}`, { online });
  const providerState = (state: string, params: unknown) =>
    control('POST', '/provider-states', { vendor: 'oceanconnect', state, params });

  return {
    platform,
    app,
    sim,
    fleet,
    login,
    token,
    call,
    control,
    advance,
    setOnline,
    providerState,
    close: () => platform.close(),
  };
};

/** The body of a minimal valid create-command request for `deviceId`. */
export const commandBody = (deviceId: string, extra: Record<string, unknown> = {}) => ({
  deviceId,
  command: { serviceId: 'Switch', method: 'SET_STATE', paras: { state: 'ON' } },
  ...extra,
});

export const errorBody = (code: string, desc: string) => ({ error_code: code, error_desc: desc });

// Test set-up for the EnOS simulator: a frozen platform with the EnOS sim alone, signed calls through inject, clock and device control.
import { COMMANDS_PATH, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { apimHeaders, tokenEncryption } from '../../contracts/enos/signing.ts';
import type { SimConfigInput } from '../platform/config.ts';
import type { FleetSections } from '../platform/ready-info.ts';
import { buildPlatform, type Platform } from '../platform/server.ts';
import type { EnosSimOptionsInput } from './options.ts';
import { simulatorWith } from './sim.ts';

export const T0 = Date.UTC(2026, 0, 1);

export type Answer = { status: number; body: Record<string, unknown> & { code?: number; data?: unknown } };

export const startEnos = (config: SimConfigInput = {}, options: EnosSimOptionsInput = {}) => {
  const platform: Platform = buildPlatform(
    { frozen: true, startEpochMs: T0, devicesPerVendor: 3, ...config },
    [simulatorWith(options)],
  );
  const sim = platform.vendors.get('enos')!;
  const fleet = sim.fleet() as FleetSections['enos'];
  const device = fleet.devices[0]!;
  let tokenTimestamp = T0;

  const inject = async (opts: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: string;
    headers?: Record<string, string>;
    payload?: string;
  }): Promise<Answer> => {
    const res = await platform.app.inject(opts);
    return { status: res.statusCode, body: res.json() as Answer['body'] };
  };

  /** A fresh token of the fleet app from the token service (each call a new timestamp, so no 1001). */
  const token = async (): Promise<string> => {
    tokenTimestamp += 1;
    const res = await inject({
      method: 'POST',
      url: TOKEN_PATH,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        appKey: fleet.appKey,
        encryption: tokenEncryption(fleet.appKey, tokenTimestamp, fleet.appSecret),
        timestamp: tokenTimestamp,
      }),
    });
    const data = res.body.data as { accessToken?: string } | null;
    if (!data?.accessToken) throw new Error(`no token: ${JSON.stringify(res.body)}`);
    return data.accessToken;
  };

  let cached: string | undefined;
  /** A signed command call as the reference client makes it; `headers` override the apim-* ones. */
  const call = async (
    method: 'GET' | 'POST',
    query: Record<string, string | number | undefined>,
    body?: unknown,
    extra: { headers?: Record<string, string>; accessToken?: string; appSecret?: string } = {},
  ): Promise<Answer> => {
    cached ??= await token();
    const q = Object.fromEntries(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    const bodyText = body === undefined ? undefined : JSON.stringify(body);
    const headers = {
      ...apimHeaders({
        accessToken: extra.accessToken ?? cached,
        query: q,
        bodyText,
        timestamp: platform.clock.now(),
        appSecret: extra.appSecret ?? fleet.appSecret,
      }),
      ...(bodyText === undefined ? {} : { 'content-type': 'application/json' }),
      ...extra.headers,
    };
    return inject({ method, url: `${COMMANDS_PATH}?${new URLSearchParams(q)}`, headers, payload: bodyText });
  };

  const byAsset = { orgId: fleet.orgId, assetId: device.assetId };
  const byKeys = { orgId: fleet.orgId, productKey: device.productKey, deviceKey: device.deviceKey };

  return {
    platform,
    sim,
    fleet,
    device,
    byAsset,
    byKeys,
    inject,
    token,
    call,
    /** Caches a setMeasurepoint command on the first device; returns its commandId. */
    cache: async (pendingTtl = 600, where: Record<string, string> = byAsset): Promise<string> => {
      const r = await call(
        'POST',
        { action: 'setMeasurepoint', ...where, measurepointId: 'Int_value', pendingTtl },
        { value: 111 },
      );
      const id = (r.body.data as { commandId?: string } | null)?.commandId;
      if (!id) throw new Error(`not cached: ${JSON.stringify(r.body)}`);
      return id;
    },
    /** Drops the cached token (after a reset, the simulator no longer knows it). */
    forgetToken: () => {
      cached = undefined;
    },
    advance: (ms: number) => platform.clock.advance(ms),
    online: (assetId: string, on = true) => sim.store.setOnline(assetId, on),
    close: () => platform.close(),
  };
};

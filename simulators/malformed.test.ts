// 10,000 random malformed requests against the platform model, then proof that it still answers correctly.
import fc from 'fast-check';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEnosClient } from '../clients/enos/client.ts';
import { createIotdaClient } from '../clients/iotda/client.ts';
import { OceanConnectClient } from '../clients/oceanconnect/client.ts';
import type { FleetSections } from './platform/ready-info.ts';
import { buildPlatform, type Platform } from './platform/server.ts';
import { VENDOR_FACTORIES } from './sim.ts';

const SEED = 20261121;
const COUNT = 10_000;

/** Every error body the platform may answer: each vendor's documented shape, or the platform's own for paths no vendor owns. */
const EnosError = z.object({
  code: z
    .number()
    .int()
    .refine((c) => c !== 0),
  msg: z.string(),
  requestId: z.string(),
  data: z.null(),
});
const EnosAnyAnswer = z.object({ code: z.number().int(), msg: z.string().optional() }).loose();
const OcError = z.object({ error_code: z.string().regex(/^\d+$/), error_desc: z.string() });
const IotdaError = z.object({ error_code: z.string().regex(/^[A-Z]+\.\d+$/), error_msg: z.string() });
const PlatformError = z.object({ error: z.string(), message: z.string() });
const TokenAnswer = z.object({ status: z.number().int() }).loose();

const PATHS = [
  '/connect-service/v2.1/commands',
  '/connect-service/v2.1/commands/extra',
  '/apim-token-service/v2.0/token/get',
  '/iocm/app/sec/v1.1.0/login',
  '/iocm/app/cmd/v1.4.0/deviceCommands',
  '/iocm/app/cmd/v1.4.0/deviceCommands/%00%ff',
  '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks',
  '/iocm/app/cmd/v1.4.0/nothing',
  '/v5/iot/p1/devices/d1/async-commands',
  '/v5/iot/p1/devices/d1/async-commands/c1',
  '/v5/iot/p1/devices/d1/async-commands-history',
  '/v5/iot/p1/devices/d1/async-commands/c1/cancel',
  '/v5/iot/',
  '/nowhere',
];

const text = fc.string({ maxLength: 40 });
const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  path: fc.oneof(
    fc.constantFrom(...PATHS),
    fc.constantFrom(...PATHS).chain((p) => text.map((t) => `${p}/${encodeURIComponent(t)}`)),
  ),
  query: fc.dictionary(
    fc.constantFrom(
      'action',
      'orgId',
      'assetId',
      'productKey',
      'deviceKey',
      'commandId',
      'pendingTtl',
      'timeout',
      'appId',
      'pageNo',
      'pageSize',
      'limit',
      'marker',
      'x',
    ),
    fc.oneof(
      text,
      fc.constantFrom('cancel', 'get', 'search', 'invokeService', '-1', '999999999999', 'NaN', ''),
    ),
    { maxKeys: 4 },
  ),
  contentType: fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ),
  headers: fc.dictionary(
    fc.constantFrom(
      'app_key',
      'authorization',
      'x-auth-token',
      'apim-accesstoken',
      'apim-signature',
      'apim-timestamp',
      'x-sdk-date',
    ),
    fc.oneof(
      text.map((t) => t.replace(/[^\x20-\x7e]/g, '')),
      fc.constantFrom('Bearer ', 'SDK-HMAC-SHA256 Access=x', 'Bearer x'.repeat(50)),
    ),
    { maxKeys: 3 },
  ),
  body: fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      '{',
      '{"deviceId":',
      '[1,2',
      'null',
      '"x"',
      '{"deviceId": 12}',
      '{"paras": []}',
      'nul',
      '\u0000\u0001',
    ),
    fc.json({ maxDepth: 3 }),
    text,
  ),
});

let platform: Platform;
let baseUrl: string;
let pool: Pool;

beforeAll(async () => {
  platform = buildPlatform({ frozen: true, devicesPerVendor: 3, journalCapacity: 1000 }, VENDOR_FACTORIES);
  baseUrl = await platform.listen(0);
  pool = new Pool(baseUrl, { connections: 16 });
});
afterAll(async () => {
  await pool.close();
  await platform.close();
});

describe('the platform under malformed traffic', () => {
  it(`answers ${COUNT} random malformed requests with a documented or clear error, never a crash`, async () => {
    const requests = fc.sample(requestArb, { numRuns: COUNT, seed: SEED });
    const oversize = 'x'.repeat(platform.config.bodyLimitBytes + 1);
    // A few oversize bodies among them.
    for (let i = 0; i < COUNT; i += 1000)
      requests[i] = { ...requests[i]!, method: 'POST', contentType: 'application/json', body: oversize };
    const unexplained: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        const query = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = { ...r.headers };
        if (r.contentType) headers['content-type'] = r.contentType;
        const body =
          r.body === undefined || r.method === 'GET' || r.method === 'OPTIONS' ? undefined : String(r.body);
        const res = await pool.request({
          method: r.method as 'GET',
          path: `${r.path}${query ? `?${query}` : ''}`,
          headers,
          body,
        });
        const answer = await res.body.text();
        let json: unknown;
        try {
          json = JSON.parse(answer);
        } catch {
          json = undefined;
        }
        const explained =
          EnosError.safeParse(json).success ||
          EnosAnyAnswer.safeParse(json).success ||
          OcError.safeParse(json).success ||
          IotdaError.safeParse(json).success ||
          PlatformError.safeParse(json).success ||
          (r.path.startsWith('/apim-token-service') && TokenAnswer.safeParse(json).success) ||
          (res.statusCode < 300 && json !== undefined);
        if (
          !explained ||
          // A 5xx is a crash unless it is OceanConnect's documented 500 for a missing app_key.
          (res.statusCode >= 500 && (json as { error_code?: string } | undefined)?.error_code !== '100220')
        )
          unexplained.push(`${r.method} ${r.path}?${query} -> ${res.statusCode} ${answer.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(unexplained.slice(0, 10)).toEqual([]);
  });

  it('still answers every vendor correctly afterwards', async () => {
    const fleet = Object.fromEntries(
      [...platform.vendors.values()].map((v) => [v.vendor, v.fleet()]),
    ) as FleetSections;

    const oc = new OceanConnectClient({
      baseUrl,
      credentials: { appId: fleet.oceanconnect.appId, secret: fleet.oceanconnect.secret },
    });
    const deviceId = fleet.oceanconnect.devices[0]!;
    const created = await oc.createCommand({
      deviceId,
      command: { serviceId: 'Switch', method: 'ON', paras: { v: 1 } },
    });
    expect(created.ok).toBe(true);
    const task = await oc.createRevocationTask({ deviceId });
    expect(task.ok && task.value.status).toBe('WAITTING');
    expect(task.ok && task.value.deviceCommands.map((c) => c.status)).toContain('PENDDING');

    const enos = createEnosClient({
      baseUrl,
      credentials: { appKey: fleet.enos.appKey, appSecret: fleet.enos.appSecret },
    });
    const device = fleet.enos.devices[0]!;
    const cancelAll = await enos.cancel({ orgId: fleet.enos.orgId, assetId: device.assetId });
    expect(cancelAll.ok).toBe(true);

    const iotda = createIotdaClient({
      baseUrl,
      projectId: fleet.iotda.projectId,
      credentials: { kind: 'token', token: fleet.iotda.authToken },
    });
    const made = await iotda.createAsyncCommand({
      device_id: fleet.iotda.devices[0]!,
      paras: { value: 'ON' },
      send_strategy: 'delay',
    });
    expect(made.ok && made.value.status).toBe('PENDING');
    if (made.ok) {
      const shown = await iotda.showAsyncCommand({
        device_id: fleet.iotda.devices[0]!,
        command_id: made.value.command_id,
      });
      expect(shown.ok && shown.value.status).toBe('PENDING');
    }
  });
});

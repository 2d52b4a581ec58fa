// The calls every IoTDA SDK makes against `harness sim`, over each transport and each AK/SK mode, with the exact answers expected; and the signer comparison.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../contracts/iotda/signing.ts';
import { ControlClient, must } from '../../contracts/control/client.ts';
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { signDerived } from '../../contracts/iotda/derived-signing.ts';
import type { Driver, DriverAnswer } from '../runner/driver.ts';
import { type Sims, startSims, TRANSPORTS, type Transport, transportOf } from '../runner/harness-sim.ts';
import { describeWithTool } from '../runner/sdk-suite.ts';

/** What a driver is started with (see python_driver.py / go/main.go). */
export type IotdaDriverConfig = {
  endpoint: string;
  projectId: string;
  ak: string;
  sk: string;
  derived: boolean;
  region: string;
  caFile?: string;
};

export type IotdaSdk = {
  /** e.g. `Python huaweicloudsdkiotda 3.1.219`. */
  name: string;
  /** Why the SDK cannot run here (no Python, no Go), or undefined. */
  missing: string | undefined;
  /** Installs (or finds) the SDK and returns how to start its driver. */
  provision(): Promise<(config: IotdaDriverConfig) => Driver>;
  /** The class of the exception the SDK raises for a vendor error. */
  errorKind: string;
};

const AUTH_MODES = ['AK/SK', 'derived AK/SK'] as const;
const HUAWEI_TIME = /^\d{8}T\d{6}Z$/;
const COMMAND_ID = /^[A-Za-z0-9_-]{1,100}$/;
const CREATE = {
  service_id: 'Switch',
  command_name: 'ON_OFF',
  paras: { value: 'ON' },
  expire_time: 3600,
  send_strategy: 'delay',
};

/** The answer's fields the SDK parsed, without the ones it fills with null (Python) or leaves out (Go). */
const present = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(present);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => [k, k === 'paras' || k === 'result' ? x : present(x)]),
  );
};

const okValue = (a: DriverAnswer): { status: number; body: Record<string, unknown> } => {
  if (!a.ok) throw new Error(`the SDK raised ${JSON.stringify(a.error)}`);
  const v = a.value as { status: number; body: unknown };
  return { status: v.status, body: present(v.body) as Record<string, unknown> };
};

/**
 * Declares the SDK's suite: one `harness sim` for the file; for each transport and AK/SK mode a fresh IoTDA tenant
 * and the calls the issue lists, in order; then the SDK's own signers against ours.
 */
export const iotdaSdkSuite = (sdk: IotdaSdk): void =>
  describeWithTool(sdk.name, sdk.missing, () => {
    let start: (config: IotdaDriverConfig) => Driver;
    let sims: Sims;
    beforeAll(async () => {
      const [provisioned, started] = await Promise.allSettled([
        sdk.provision(),
        startSims(['--devices', '2']),
      ]);
      if (started.status === 'fulfilled') sims = started.value;
      if (provisioned.status === 'rejected') throw provisioned.reason;
      if (started.status === 'rejected') throw started.reason;
      start = provisioned.value;
    }, 900_000);
    afterAll(async () => {
      await sims?.stop();
    });

    const configOf = (t: Transport, mode: (typeof AUTH_MODES)[number]): IotdaDriverConfig => {
      const { iotda } = t.info;
      return {
        endpoint: t.baseUrl,
        projectId: iotda.projectId,
        ak: iotda.ak,
        sk: iotda.sk,
        derived: mode === 'derived AK/SK',
        region: iotda.region,
        ...(t.caFile ? { caFile: t.caFile } : {}),
      };
    };

    for (const transport of TRANSPORTS)
      for (const mode of AUTH_MODES)
        describe(`${mode} through the ${transport}`, () => {
          let driver: Driver;
          let t: Transport;
          let control: ControlClient;
          let device: string;
          let commandId: string;
          let createdTime: string;
          beforeAll(async () => {
            t = transportOf(transport, sims, 'iotda');
            control = new ControlClient(t.info.controlUrl);
            await must(control.reset('iotda'));
            device = t.info.iotda.devices[0]!;
            driver = start(configOf(t, mode));
          });
          afterAll(async () => {
            await driver?.close();
            await control?.close();
          });

          it('create (delay) to an offline device: 200 PENDING', async () => {
            const r = okValue(await driver.call({ op: 'create', deviceId: device, body: CREATE }));
            expect(r).toEqual({
              status: 200,
              body: {
                device_id: device,
                command_id: expect.stringMatching(COMMAND_ID),
                ...CREATE,
                status: 'PENDING',
                created_time: expect.stringMatching(HUAWEI_TIME),
              },
            });
            commandId = r.body.command_id as string;
            createdTime = r.body.created_time as string;
          });

          it('show (the seed endpoint): the same command, PENDING, no later times yet', async () => {
            expect(okValue(await driver.call({ op: 'show', deviceId: device, commandId }))).toEqual({
              status: 200,
              body: {
                device_id: device,
                command_id: commandId,
                ...CREATE,
                status: 'PENDING',
                created_time: createdTime,
              },
            });
          });

          it('list queued: the one PENDING command and the page count', async () => {
            const { paras: _paras, ...listed } = CREATE;
            expect(
              okValue(await driver.call({ op: 'listQueued', deviceId: device, query: { limit: 10 } })),
            ).toEqual({
              status: 200,
              body: {
                commands: [
                  {
                    device_id: device,
                    command_id: commandId,
                    ...listed,
                    status: 'PENDING',
                    created_time: createdTime,
                  },
                ],
                page: { count: 1, marker: expect.stringMatching(/^[0-9a-f]{24}$/) },
              },
            });
          });

          it('history: empty while the command is pending', async () => {
            expect(okValue(await driver.call({ op: 'listHistory', deviceId: device }))).toEqual({
              status: 200,
              body: { commands: [], page: {} },
            });
          });

          it("an unknown command id: the SDK's own exception with 404 and error_code", async () => {
            const a = await driver.call({ op: 'show', deviceId: device, commandId: 'no-such-command' });
            expect(a).toMatchObject({
              ok: false,
              error: { kind: sdk.errorKind, status: 404, errorCode: 'IOTDA.014000' },
            });
          });

          it('a wrong SK: 401 IOTDA.000002', async () => {
            const wrong = start({ ...configOf(t, mode), sk: `${t.info.iotda.sk}x` });
            try {
              const a = await wrong.call({ op: 'listQueued', deviceId: device });
              expect(a).toMatchObject({
                ok: false,
                error: {
                  kind: sdk.errorKind,
                  status: 401,
                  errorCode: 'IOTDA.000002',
                  errorMsg: 'Authentication failed.',
                },
              });
            } finally {
              await wrong.close();
            }
          });

          it('the device online (control API) takes it to SUCCESSFUL with all four times set, in order', async () => {
            await must(control.setDevice('iotda', device, { online: true }));
            await must(control.changeClock({ advanceMs: 10_000 }));
            const shown = okValue(await driver.call({ op: 'show', deviceId: device, commandId }));
            expect(shown).toEqual({
              status: 200,
              body: {
                device_id: device,
                command_id: commandId,
                ...CREATE,
                status: 'SUCCESSFUL',
                created_time: createdTime,
                sent_time: expect.stringMatching(HUAWEI_TIME),
                delivered_time: expect.stringMatching(HUAWEI_TIME),
                response_time: expect.stringMatching(HUAWEI_TIME),
              },
            });
            const times = ['created_time', 'sent_time', 'delivered_time', 'response_time'].map((k) =>
              parseHuaweiTime(shown.body[k] as string),
            );
            expect(times).toEqual([...(times as number[])].sort((a, b) => a - b));
            const history = okValue(await driver.call({ op: 'listHistory', deviceId: device }));
            expect(
              (history.body.commands as { command_id: string; status: string }[]).map((c) => [
                c.command_id,
                c.status,
              ]),
            ).toEqual([[commandId, 'SUCCESSFUL']]);
          });
        });

    describe("the SDK core's own signers and ours give the same Authorization", () => {
      const REQUESTS = [
        {
          method: 'GET',
          path: '/v5/iot/p1/devices/d_1/async-commands/c-1',
          query: {},
          headers: {},
          body: '',
        },
        {
          method: 'GET',
          path: '/v5/iot/p1/devices/d_1/async-commands-history',
          query: { limit: '10', status: 'SUCCESSFUL', start_time: '20260101T000000Z' },
          headers: { 'Instance-Id': 'inst-1' },
          body: '',
        },
        {
          method: 'POST',
          path: '/v5/iot/p1/devices/d_1/async-commands',
          query: {},
          headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Project-Id': 'p1' },
          body: JSON.stringify({ ...CREATE, paras: { note: 'ünïcode ✓' } }),
        },
      ];
      const HOST = '127.0.0.1:8443';
      const SDK_DATE = '20261203T101010Z';

      for (const mode of AUTH_MODES)
        describe(mode, () => {
          let driver: Driver;
          let config: IotdaDriverConfig;
          beforeAll(() => {
            config = configOf(transportOf('platform model (http)', sims, 'iotda'), mode);
            driver = start(config);
          });
          afterAll(async () => {
            await driver?.close();
          });

          it.each(REQUESTS.map((r) => [`${r.method} ${r.path.split('/').at(-1)}`, r] as const))(
            '%s',
            async (_name, r) => {
              const given = { Host: HOST, ...r.headers };
              const value = (await driver.value({
                op: 'sign',
                ...r,
                host: HOST,
                headers: given,
                sdkDate: SDK_DATE,
                rawBody: r.body,
              })) as { headers: Record<string, string> };
              const authorization = Object.entries(value.headers).find(
                ([k]) => k.toLowerCase() === 'authorization',
              )?.[1];
              const signedNames = /SignedHeaders=([^,\s]+)/.exec(authorization ?? '')?.[1]?.split(';') ?? [];
              // Ours, over exactly the headers the SDK says it signed (values as sent), the same body and date.
              const all: Record<string, string> = { 'x-sdk-date': SDK_DATE };
              for (const [k, v] of Object.entries({ ...given, ...value.headers })) all[k.toLowerCase()] = v;
              const headers = Object.fromEntries(signedNames.map((n) => [n, all[n] ?? '']));
              const req = {
                method: r.method,
                path: r.path,
                query: r.query,
                headers,
                ...(r.body ? { body: r.body } : {}),
              };
              const creds = { ak: config.ak, sk: config.sk };
              const ours = config.derived
                ? signDerived(req, creds, { region: config.region })
                : sign(req, creds);
              expect(signedNames).toEqual(expect.arrayContaining(['host', 'x-sdk-date']));
              expect(authorization).toMatch(
                config.derived ? /^V11-HMAC-SHA256 Credential=/ : /^SDK-HMAC-SHA256 Access=/,
              );
              expect(ours.authorization).toBe(authorization);
            },
          );
        });
    });
  });

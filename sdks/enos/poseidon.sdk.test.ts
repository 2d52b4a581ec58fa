// EnOS's Python library enos-poseidon (pinned in sdks/requirements.txt), used as the vendor's public samples use it, against `harness sim`.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient, must } from '../../contracts/control/client.ts';
import { SDKS_DIR } from '../provision/cache.ts';
import { ensureVenv, findPython, pinnedVersion } from '../provision/python.ts';
import { Driver } from '../runner/driver.ts';
import { type Sims, startSims, TRANSPORTS, transportOf } from '../runner/harness-sim.ts';
import { describeWithTool } from '../runner/sdk-suite.ts';

const DRIVER = path.join(SDKS_DIR, 'enos', 'poseidon_driver.py');

/** The body of SearchCommand_assetId in the vendor's sample searchCommand.py (EnvisionIot/sample-code-python). */
const SAMPLE_SEARCH_BODY = {
  projection: [
    'commandId',
    'orgId',
    'productKey',
    'deviceKey',
    'assetId',
    'createTime',
    'createLocaltime',
    'commandType',
    'commandName',
    'timeout',
    'pendingTtl',
    'state',
    'tslIdentifier',
    'inputData',
    'outputData',
  ],
  pagination: { pageNo: 1, pageSize: 50 },
};

type Envelope = { code: number; msg: string; requestId: string; data: unknown; pagination?: unknown };
type Command = { commandId: string; state: number };

describeWithTool(
  `Python enos-poseidon ${pinnedVersion('enos-poseidon')}`,
  findPython() ? undefined : 'no Python 3.8+ on the PATH (python3, python, or HARNESS_PYTHON)',
  () => {
    let python: string;
    let sims: Sims;
    beforeAll(async () => {
      const [venv, started] = await Promise.allSettled([
        ensureVenv({ onProgress: (line) => console.log(line) }),
        startSims(['--devices', '2']),
      ]);
      if (started.status === 'fulfilled') sims = started.value;
      if (venv.status === 'rejected') throw venv.reason;
      if (started.status === 'rejected') throw started.reason;
      if (!venv.value.ok) throw new Error(venv.value.message);
      python = venv.value.python;
    }, 900_000);
    afterAll(async () => {
      await sims?.stop();
    });

    for (const transport of TRANSPORTS)
      describe(`through the ${transport}`, () => {
        let driver: Driver;
        let control: ControlClient;
        let assetId: string;
        const enos = async (request: { op: string } & Record<string, unknown>): Promise<Envelope> =>
          (await driver.value({ assetId, ...request })) as Envelope;
        const invoke = async (serviceId: string): Promise<string> => {
          const r = await enos({
            op: 'invokeService',
            serviceId,
            pendingTtl: 600,
            timeout: 30,
            inputData: { Service1Parameter1: 20, Service1Parameter2: 40 },
          });
          expect([r.code, r.msg]).toEqual([0, 'OK']);
          return (r.data as { commandId: string }).commandId;
        };
        const stateOf = async (commandId: string): Promise<number> =>
          ((await enos({ op: 'get', commandId })).data as Command).state;

        beforeAll(async () => {
          const t = transportOf(transport, sims, 'enos');
          control = new ControlClient(t.info.controlUrl);
          await must(control.reset('enos'));
          const { enos: fleet } = t.info;
          assetId = fleet.devices[0]!.assetId;
          driver = new Driver(python, [
            DRIVER,
            JSON.stringify({
              baseUrl: t.baseUrl,
              orgId: fleet.orgId,
              appKey: fleet.appKey,
              appSecret: fleet.appSecret,
              ...(t.caFile ? { caFile: t.caFile } : {}),
            }),
          ]);
        });
        afterAll(async () => {
          await driver?.close();
          await control?.close();
        });

        let first: string;
        it('invokeService with pendingTtl to an offline device: a cached command (code 0)', async () => {
          first = await invoke('Service1');
          expect(first).toMatch(/^\d+$/);
        });

        it('get: the command, state 1 Created, as cached', async () => {
          const r = await enos({ op: 'get', commandId: first });
          expect(r).toMatchObject({ code: 0, msg: 'OK' });
          expect(r.data).toMatchObject({
            commandId: first,
            assetId,
            state: 1,
            pendingTtl: 600,
            timeout: 30,
            tslIdentifier: 'Service1',
            inputData: { Service1Parameter1: 20, Service1Parameter2: 40 },
          });
        });

        it("search with the sample's own body: createLocaltime accepted and answered under that name", async () => {
          const r = await enos({ op: 'search', body: SAMPLE_SEARCH_BODY });
          expect([r.code, r.msg]).toEqual([0, 'OK']);
          const [found] = r.data as Record<string, unknown>[];
          expect(Object.keys(found!)).toEqual(SAMPLE_SEARCH_BODY.projection);
          expect(found).toMatchObject({
            commandId: first,
            state: 1,
            createLocaltime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
          });
          expect(r.pagination).toEqual({
            sortedBy: [{ field: 'createDate', order: 'DESC' }],
            pageNo: 1,
            pageSize: 50,
            totalSize: 1,
          });
        });

        it('cancel one by GET (cancelCommand.py): code 0, the command is then 2 Canceled', async () => {
          const r = await enos({ op: 'cancel', commandId: first, method: 'GET' });
          expect([r.code, (r.data as Command[]).map((c) => c.commandId)]).toEqual([0, [first]]);
          expect(await stateOf(first)).toBe(2);
        });

        it('cancel it again: 11905, not created state', async () => {
          const r = await enos({ op: 'cancel', commandId: first, method: 'GET' });
          expect(r).toMatchObject({
            code: 11905,
            msg: 'Cache message cancel error, not created state',
            data: null,
          });
        });

        it('get an unknown command id: 11404, command not found', async () => {
          const r = await enos({ op: 'get', commandId: '2399999999999999999' });
          expect(r).toMatchObject({ code: 11404, msg: 'Command not found', data: null });
        });

        it('cancel-all by POST: every cached command of the device, each then 2 Canceled', async () => {
          const ids = [await invoke('Service1'), await invoke('Service2')];
          const r = await enos({ op: 'cancel', method: 'POST' });
          expect(r.code).toBe(0);
          expect((r.data as Command[]).map((c) => c.commandId).sort()).toEqual([...ids].sort());
          expect(await Promise.all(ids.map(stateOf))).toEqual([2, 2]);
        });

        it('cancel-all by GET (cancelCommand.py without a commandId): the cached one, then none', async () => {
          const id = await invoke('Service1');
          const r = await enos({ op: 'cancel', method: 'GET' });
          expect([r.code, (r.data as Command[]).map((c) => c.commandId)]).toEqual([0, [id]]);
          const again = await enos({ op: 'cancel', method: 'GET' });
          expect([again.code, again.data]).toEqual([0, []]);
        });
      });
  },
);

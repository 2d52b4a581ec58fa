// The OceanConnect client refuses bad input before sending it, naming the field; boundaries are accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBackoff } from '../common/backoff.ts';
import { OceanConnectClient } from './client.ts';
import { type FakePlatform, startFakePlatform } from './test-support.ts';

// Every refused input must be named and must not reach the platform; the stand-in answers 500 to anything it gets.
let platform: FakePlatform;
let client: OceanConnectClient;

beforeAll(async () => {
  platform = await startFakePlatform(() => ({
    status: 500,
    body: { error_code: '100001', error_desc: 'Internal server error.' },
  }));
  client = new OceanConnectClient({
    baseUrl: platform.url,
    credentials: { appId: 'app-1', secret: 'secret-1' },
    session: { accessToken: 'token-1' },
    backoff: defaultBackoff({ maxRetries: 0, sleep: async () => {} }),
  });
});
afterAll(() => platform.close());

const long = (n: number) => 'x'.repeat(n);
const command = { serviceId: 'Switch', method: 'SET_STATE', paras: { state: 'ON' } };

type Case = [string, () => Promise<unknown>, string];

const cases: Case[] = [
  ['revocation: empty deviceId', () => client.createRevocationTask({ deviceId: '' }), 'deviceId'],
  [
    'revocation: 65-character deviceId',
    () => client.createRevocationTask({ deviceId: long(65) }),
    'deviceId',
  ],
  ['revocation: deviceId with a space', () => client.createRevocationTask({ deviceId: 'a b' }), 'deviceId'],
  [
    'revocation: deviceId with a newline',
    () => client.createRevocationTask({ deviceId: 'a\nb' }),
    'deviceId',
  ],
  ['revocation: no deviceId', () => client.createRevocationTask({} as { deviceId: string }), 'deviceId'],
  [
    'revocation: 65-character appId',
    () => client.createRevocationTask({ deviceId: 'd', appId: long(65) }),
    'appId',
  ],
  [
    'revocation: unknown field',
    () => client.createRevocationTask({ deviceId: 'd', assetId: 'a' } as { deviceId: string }),
    'assetId',
  ],
  ['create: no command', () => client.createCommand({ deviceId: 'd' } as never), 'command'],
  [
    'create: 65-character serviceId',
    () => client.createCommand({ deviceId: 'd', command: { ...command, serviceId: long(65) } }),
    'command.serviceId',
  ],
  [
    'create: empty serviceId',
    () => client.createCommand({ deviceId: 'd', command: { ...command, serviceId: '' } }),
    'command.serviceId',
  ],
  [
    'create: 129-character method',
    () => client.createCommand({ deviceId: 'd', command: { ...command, method: long(129) } }),
    'command.method',
  ],
  [
    'create: paras not an object',
    () => client.createCommand({ deviceId: 'd', command: { ...command, paras: 'on' as never } }),
    'command.paras',
  ],
  [
    'create: negative expireTime',
    () => client.createCommand({ deviceId: 'd', command, expireTime: -1 }),
    'expireTime',
  ],
  [
    'create: fractional expireTime',
    () => client.createCommand({ deviceId: 'd', command, expireTime: 1.5 }),
    'expireTime',
  ],
  [
    'create: maxRetransmit 4',
    () => client.createCommand({ deviceId: 'd', command, maxRetransmit: 4 }),
    'maxRetransmit',
  ],
  [
    'create: maxRetransmit -1',
    () => client.createCommand({ deviceId: 'd', command, maxRetransmit: -1 }),
    'maxRetransmit',
  ],
  [
    'create: 1025-character callbackUrl',
    () => client.createCommand({ deviceId: 'd', command, callbackUrl: `https://h/${long(1015)}` }),
    'callbackUrl',
  ],
  [
    'create: callbackUrl not a URL',
    () => client.createCommand({ deviceId: 'd', command, callbackUrl: 'here' }),
    'callbackUrl',
  ],
  ['create: 65-character deviceId', () => client.createCommand({ deviceId: long(65), command }), 'deviceId'],
  ['query commands: pageSize 0', () => client.queryCommands({ pageSize: 0 }), 'pageSize'],
  ['query commands: pageSize 1001', () => client.queryCommands({ pageSize: 1001 }), 'pageSize'],
  ['query commands: pageNo -1', () => client.queryCommands({ pageNo: -1 }), 'pageNo'],
  [
    'query commands: ISO startTime',
    () => client.queryCommands({ startTime: '2015-12-12T12:12:12Z' }),
    'startTime',
  ],
  [
    'query commands: impossible endTime',
    () => client.queryCommands({ endTime: '20151332T121212Z' }),
    'endTime',
  ],
  [
    'query tasks: corrected status spelling',
    () => client.queryRevocationTasks({ status: 'WAITING' as never }),
    'status',
  ],
  ['query tasks: pageSize 1001', () => client.queryRevocationTasks({ pageSize: 1001 }), 'pageSize'],
  ['query tasks: 65-character taskId', () => client.queryRevocationTasks({ taskId: long(65) }), 'taskId'],
  [
    'modify: empty deviceCommandId',
    () => client.modifyCommand({ deviceCommandId: '', status: 'CANCELED' }),
    'deviceCommandId',
  ],
  [
    'modify: status other than CANCELED',
    () => client.modifyCommand({ deviceCommandId: 'c', status: 'SENT' as never }),
    'status',
  ],
];

describe('OceanConnect client input validation', () => {
  it.each(cases)('%s is refused, naming the field, before sending', async (_name, call, field) => {
    const before = platform.requests.length;
    const result = (await call()) as {
      ok: boolean;
      problem?: { kind: string; field: string; vendor: string };
    };
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'invalid-input', vendor: 'oceanconnect', field });
    expect(platform.requests.length).toBe(before);
  });

  it('names the value it refused', async () => {
    const result = await client.createCommand({ deviceId: 'd', command, maxRetransmit: 7 });
    expect(result.ok ? undefined : result.problem).toMatchObject({ field: 'maxRetransmit', received: 7 });
  });

  it('refuses bad credentials before logging in', async () => {
    const anonymous = new OceanConnectClient({
      baseUrl: platform.url,
      credentials: { appId: 'app-1', secret: '' },
      backoff: defaultBackoff({ maxRetries: 0, sleep: async () => {} }),
    });
    const before = platform.requests.length;
    const result = await anonymous.login();
    expect(result.ok ? undefined : result.problem).toMatchObject({ kind: 'invalid-input', field: 'secret' });
    expect(platform.requests.length).toBe(before);
  });

  it.each([
    ['64-character deviceId', () => client.createRevocationTask({ deviceId: long(64) })],
    ['pageSize 1000 and pageNo 0', () => client.queryCommands({ pageSize: 1000, pageNo: 0 })],
    ['pageSize 1', () => client.queryRevocationTasks({ pageSize: 1, status: 'WAITTING' })],
    [
      'expireTime 0 and maxRetransmit 0',
      () => client.createCommand({ deviceId: 'd', command, expireTime: 0, maxRetransmit: 0 }),
    ],
    [
      'maxRetransmit 3 and a 1024-character callbackUrl',
      () =>
        client.createCommand({
          deviceId: 'd',
          command,
          maxRetransmit: 3,
          callbackUrl: `https://h/${long(1014)}`,
        }),
    ],
    [
      '128-character method, 64-character serviceId',
      () => client.createCommand({ deviceId: 'd', command: { serviceId: long(64), method: long(128) } }),
    ],
  ])('accepts the boundary: %s (and sends it)', async (_name, call) => {
    const before = platform.requests.length;
    const result = await call();
    expect(result.ok ? undefined : result.problem.kind).toBe('vendor-error');
    expect(platform.requests.length).toBe(before + 1);
  });
});

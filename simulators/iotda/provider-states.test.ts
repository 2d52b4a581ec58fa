// Provider states through the control API: every interaction of the committed pact is reproduced exactly, and bad states are refused.
import { PACT_PROVIDER } from '../../contracts/iotda/constraints.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sign } from '../../contracts/iotda/signing.ts';
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { committedPactPath } from '../../contracts/common/pact.ts';
import {
  CREDENTIALS_REJECTED,
  DEVICE_ABSENT,
  DEVICE_WITH_COMMANDS,
  ERROR_INJECTED,
  SeededAuth,
} from '../../contracts/iotda/provider-states.ts';
import { DELAY, IMMEDIATELY, setupSim } from './test-support.ts';

type Interaction = {
  description: string;
  providerStates: { name: string; params: Record<string, unknown> }[];
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, string[]>;
    body?: { content: unknown };
  };
  response: { status: number; body?: { content: Record<string, unknown> } };
};

const PACT = JSON.parse(readFileSync(committedPactPath(PACT_PROVIDER), 'utf8')) as {
  interactions: Interaction[];
};
/** The pacts' example world is 2024-03-05 08:15:00 UTC: with the clock there, every example is reproducible. */
const PACT_NOW = parseHuaweiTime('20240305T081500Z')!;
const HOST = 'localhost:80';

/** The interaction's request as inject() options; an AK/SK example signature is replaced by a real one. */
const requestOf = (i: Interaction) => {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(i.request.headers ?? {})) headers[k] = v.join(', ');
  const query = new URLSearchParams();
  for (const [k, vs] of Object.entries(i.request.query ?? {})) for (const v of vs) query.append(k, v);
  const url = `${i.request.path}${query.size ? `?${query}` : ''}`;
  const body = i.request.body === undefined ? undefined : JSON.stringify(i.request.body.content);
  const auth = SeededAuth.parse(i.providerStates[0]?.params.auth);
  if (auth.kind === 'aksk') {
    const signedNames = /SignedHeaders=([^,]+)/.exec(headers.Authorization ?? '')?.[1]?.split(';') ?? [];
    const toSign: Record<string, string> = { host: HOST };
    for (const name of signedNames) {
      const value = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
      if (value !== undefined) toSign[name] = value;
    }
    const signed = sign(
      {
        method: i.request.method,
        path: i.request.path,
        query: Object.fromEntries(query),
        headers: toSign,
        ...(body ? { body } : {}),
      },
      auth,
    );
    headers.Authorization = signed.authorization;
  }
  return { method: i.request.method as 'GET' | 'POST', url, headers, ...(body ? { payload: body } : {}) };
};

describe('every interaction of the committed IoTDA pact, replayed against its provider state', () => {
  it.each(PACT.interactions.map((i) => [i.description, i] as const))('%s', async (_d, i) => {
    const s = setupSim({ startEpochMs: PACT_NOW });
    const state = i.providerStates[0]!;
    const set = await s.providerState(state.name, state.params);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const r = await s.inject(requestOf(i));
    expect(r.status, JSON.stringify(r.body)).toBe(i.response.status);
    const expected = { ...i.response.body?.content };
    // The gateway's request_id is generated per answer; everything else is the pact's example, byte for byte.
    if ('request_id' in expected) {
      expect(String(r.body.request_id)).toMatch(/^[0-9a-f]{32}$/);
      expected.request_id = r.body.request_id;
    }
    expect(r.body).toEqual(expected);
  });
});

const TARGET = {
  projectId: 'proj_state_01',
  deviceId: 'state-device-01',
  auth: { kind: 'token', token: 'MIIstate-token' },
} as const;
const TOKEN = { 'x-auth-token': TARGET.auth.token };
const statePath = `/v5/iot/${TARGET.projectId}/devices/${TARGET.deviceId}`;
const command = (commandId: string, status: string, extra: Record<string, unknown> = {}) => ({
  commandId,
  status,
  paras: { v: 1 },
  expireTime: 3600,
  sendStrategy: 'delay',
  createdTime: '20240305T081500Z',
  ...extra,
});

describe('provider states', () => {
  it('an unknown state or params its schema refuses are 400 from the control API, naming the problem', async () => {
    const s = setupSim();
    const unknown = await s.providerState('no such state', {});
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.error)).toContain('unknown state');
    const bad = await s.providerState(DEVICE_WITH_COMMANDS, { ...TARGET, commands: [] });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/bad params: online:/);
    const badId = await s.providerState(DEVICE_ABSENT, { ...TARGET, deviceId: 'a.b' });
    expect(String(badId.body.error)).toMatch(/deviceId: device_id may contain only/);
  });

  it('each state starts from a fresh simulator: the previous state is gone, the fleet is back', async () => {
    const s = setupSim();
    await s.create(DELAY);
    await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      online: false,
      commands: [command('c1', 'PENDING')],
    });
    expect((await s.call('GET', `${statePath}/async-commands/c1`, undefined, TOKEN)).status).toBe(200);
    await s.providerState(DEVICE_ABSENT, TARGET);
    const gone = await s.call('GET', `${statePath}/async-commands/c1`, undefined, TOKEN);
    expect(gone.body.error_code).toBe('IOTDA.014000');
    expect((await s.listQueued()).body.page).toEqual({ count: 0 });
  });

  it('a PENDING snapshot on an "online" device is held offline, so it stays PENDING', async () => {
    const s = setupSim();
    const set = await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      online: true,
      commands: [command('c1', 'PENDING', { expireTime: 60 })],
    });
    expect(set.body).toMatchObject({ online: false });
    await s.advance(59_999);
    expect((await s.call('GET', `${statePath}/async-commands/c1`, undefined, TOKEN)).body.status).toBe(
      'PENDING',
    );
    // Its expire_time counts from now, since its own created_time (2024) is long past.
    await s.advance(1);
    expect((await s.call('GET', `${statePath}/async-commands/c1`, undefined, TOKEN)).body.status).toBe(
      'EXPIRED',
    );
  });

  it('a command in flight stays as seeded (the device is silent), and a PENDING one waits behind it', async () => {
    const s = setupSim();
    await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      online: true,
      commands: [
        command('c1', 'PENDING', { expireTime: 86_400 }),
        command('c2', 'SENT', { sentTime: '20240305T091000Z' }),
      ],
    });
    await s.advance(3_600_000);
    const c1 = await s.call('GET', `${statePath}/async-commands/c1`, undefined, TOKEN);
    const c2 = await s.call('GET', `${statePath}/async-commands/c2`, undefined, TOKEN);
    expect([c1.body.status, c2.body.status, c2.body.sent_time]).toEqual([
      'PENDING',
      'SENT',
      '20240305T091000Z',
    ]);
  });

  it('nextCommandId is used by the next create only; pageMarker names the last seeded record', async () => {
    const s = setupSim();
    await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      online: false,
      commands: [command('c1', 'PENDING'), command('c2', 'PENDING')],
      nextCommandId: 'next-01',
      pageMarker: 'marker-of-c2',
    });
    const first = await s.call('POST', `${statePath}/async-commands`, DELAY, TOKEN);
    const second = await s.call('POST', `${statePath}/async-commands`, DELAY, TOKEN);
    expect(first.body.command_id).toBe('next-01');
    expect(second.body.command_id).not.toBe('next-01');
    const page = await s.call('GET', `${statePath}/async-commands?limit=2`, undefined, TOKEN);
    expect(page.body.page).toEqual({ count: 4, marker: 'marker-of-c2' });
    const next = await s.call(
      'GET',
      `${statePath}/async-commands?limit=2&marker=marker-of-c2`,
      undefined,
      TOKEN,
    );
    expect((next.body.commands as { command_id: string }[]).map((c) => c.command_id)).toEqual([
      'next-01',
      second.body.command_id,
    ]);
  });

  it('an immediately create under an online state with no commands is SENT; offline is 403', async () => {
    const s = setupSim();
    await s.providerState(DEVICE_WITH_COMMANDS, { ...TARGET, online: true, commands: [] });
    expect((await s.call('POST', `${statePath}/async-commands`, IMMEDIATELY, TOKEN)).body.status).toBe(
      'SENT',
    );
    await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      online: false,
      commands: [],
      nextCommandId: 'n-1',
    });
    expect((await s.call('POST', `${statePath}/async-commands`, IMMEDIATELY, TOKEN)).status).toBe(403);
    // A refused create does not use up the planned id.
    expect((await s.call('POST', `${statePath}/async-commands`, DELAY, TOKEN)).body.command_id).toBe('n-1');
  });

  it('more than one command in flight is refused as a state', async () => {
    const s = setupSim();
    const r = await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      online: true,
      commands: [command('c1', 'SENT'), command('c2', 'DELIVERED', { deliveredTime: '20240305T081600Z' })],
    });
    expect(r.status).toBe(400);
    expect(String(r.body.error)).toContain('at most one command may be SENT or DELIVERED');
  });

  it('rejected credentials: only that credential is refused; the fleet token still works', async () => {
    const s = setupSim();
    await s.providerState(CREDENTIALS_REJECTED, { ...TARGET, rejection: 'application-missing' });
    const refused = await s.call('GET', `${statePath}/async-commands`, undefined, TOKEN);
    expect([refused.status, refused.body.error_code]).toEqual([403, 'IOTDA.001000']);
    expect((await s.listQueued()).status).toBe(200);
    await s.providerState(CREDENTIALS_REJECTED, { ...TARGET, rejection: 'authentication-failed' });
    const failed = await s.call('GET', `${statePath}/async-commands`, undefined, TOKEN);
    expect([failed.status, failed.body.error_code]).toEqual([401, 'IOTDA.000002']);
  });

  it('an injected error answers every endpoint of that device, and no other device', async () => {
    const s = setupSim();
    await s.providerState(ERROR_INJECTED, {
      ...TARGET,
      httpStatus: 500,
      errorCode: 'IOTDA.000001',
      errorMsg: 'Internal server error.',
    });
    for (const r of [
      await s.call('GET', `${statePath}/async-commands/x1`, undefined, TOKEN),
      await s.call('POST', `${statePath}/async-commands`, DELAY, TOKEN),
      await s.call('GET', `${statePath}/async-commands-history`, undefined, TOKEN),
    ])
      expect([r.status, r.body]).toEqual([
        500,
        { error_code: 'IOTDA.000001', error_msg: 'Internal server error.' },
      ]);
    expect((await s.listQueued()).status).toBe(200);
  });

  it('a pinned Instance-Id: the same one, none or an empty one is accepted, another is 400 naming Instance-Id', async () => {
    const s = setupSim();
    await s.providerState(DEVICE_WITH_COMMANDS, {
      ...TARGET,
      instanceId: 'inst-1',
      online: false,
      commands: [],
    });
    const url = `${statePath}/async-commands`;
    expect((await s.call('GET', url, undefined, TOKEN)).status).toBe(200);
    expect((await s.call('GET', url, undefined, { ...TOKEN, 'instance-id': 'inst-1' })).status).toBe(200);
    expect((await s.call('GET', url, undefined, { ...TOKEN, 'instance-id': '' })).status).toBe(200);
    const wrong = await s.call('GET', url, undefined, { ...TOKEN, 'instance-id': 'inst-2' });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.error_msg)).toMatch(/^Invalid input data\. Instance-Id: /);
  });

  it('the state credentials reach only the state project: the fleet project is 403 IOTDA.000004 for them', async () => {
    const s = setupSim();
    await s.providerState(DEVICE_ABSENT, TARGET);
    const r = await s.call('GET', `${s.devicePath()}/async-commands`, undefined, TOKEN);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error_code: 'IOTDA.000004', error_msg: 'Invalid access token.' });
  });
});

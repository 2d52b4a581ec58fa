// The drift profiles' onSend hook on a bare fastify app: which answers each profile rewrites, and how.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriftProfile, driftHook } from './drift-profile.ts';

const OC = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
const SHOW = '/v5/iot/p1/devices/d1/async-commands/c1';
const ENOS = '/connect-service/v2.1/commands?action=cancel';

const appWith = (profile: DriftProfile) => {
  const app = Fastify();
  app.addHook('onSend', driftHook(profile));
  const json = (status: number, body: unknown) => (_req: unknown, reply: import('fastify').FastifyReply) => {
    reply.code(status).header('content-type', 'application/json').send(JSON.stringify(body));
  };
  app.post(
    OC,
    json(201, { taskId: 't', status: 'WAITTING', totalCount: 1, deviceCommands: [{ status: 'PENDDING' }] }),
  );
  app.get(SHOW, json(200, { command_id: 'c1', status: 'PENDING' }));
  app.post(
    '/connect-service/v2.1/commands',
    json(200, { code: 0, data: [{ createTime: 1699999000000, state: 1 }] }),
  );
  app.get('/__control/x', json(200, { createTime: 1, totalCount: 2 }));
  return app;
};

describe('driftHook', () => {
  const drifted = appWith('drifted');
  const none = appWith('none');
  beforeAll(async () => {
    await drifted.ready();
    await none.ready();
  });
  afterAll(async () => {
    await drifted.close();
    await none.close();
  });

  it('drifted: OceanConnect revocation loses totalCount, spells PENDING, answers 200', async () => {
    const r = await drifted.inject({ method: 'POST', url: OC });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ taskId: 't', status: 'WAITTING', deviceCommands: [{ status: 'PENDING' }] });
  });

  it('drifted: IoTDA show gains newField; EnOS createTime becomes a string', async () => {
    expect((await drifted.inject({ method: 'GET', url: SHOW })).json()).toMatchObject({
      command_id: 'c1',
      newField: expect.any(String),
    });
    expect((await drifted.inject({ method: 'POST', url: ENOS })).json()).toEqual({
      code: 0,
      data: [{ createTime: '1699999000000', state: 1 }],
    });
  });

  it('leaves the control API alone, and profile none changes nothing', async () => {
    expect((await drifted.inject({ method: 'GET', url: '/__control/x' })).json()).toEqual({
      createTime: 1,
      totalCount: 2,
    });
    const r = await none.inject({ method: 'POST', url: OC });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ totalCount: 1, deviceCommands: [{ status: 'PENDDING' }] });
  });

  it('accepts only the known profile names', () => {
    expect(DriftProfile.safeParse('drifted').success).toBe(true);
    expect(DriftProfile.safeParse('chaos').success).toBe(false);
  });
});

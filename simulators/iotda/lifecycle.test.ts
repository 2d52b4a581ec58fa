// Create and show through the platform: 200 PENDING/SENT, delivery SENT -> DELIVERED -> SUCCESSFUL/FAILED/TIMEOUT, expiry, the 20-PENDING cap.
import { describe, expect, it } from 'vitest';
import { formatHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { IotdaErrorBody } from '../../contracts/iotda/errors.ts';
import { readFixture } from '../../contracts/iotda/pact-bodies.ts';
import { CreateAsyncCommandResponse, ShowAsyncCommandResponse } from '../../contracts/iotda/responses.ts';
import { DELAY, IMMEDIATELY, setupSim, T0 } from './test-support.ts';

const t = (ms: number) => formatHuaweiTime(T0 + ms);

/** Parses with the strict schema and returns the body, failing with the issues otherwise. */
const strictShow = (body: unknown) => {
  const parsed = ShowAsyncCommandResponse.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return parsed.data!;
};

const createdId = async (s: ReturnType<typeof setupSim>, body: Record<string, unknown> = DELAY) => {
  const r = await s.create(body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return String(r.body.command_id);
};

describe('create', () => {
  it('a delay command answers 200 PENDING with the 24 h default expire_time, strict shape', async () => {
    const s = setupSim();
    const r = await s.create(DELAY);
    expect(r.status).toBe(200);
    const parsed = CreateAsyncCommandResponse.safeParse(r.body);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(r.body).toMatchObject({
      device_id: s.device,
      status: 'PENDING',
      send_strategy: 'delay',
      expire_time: 86_400,
      created_time: t(0),
      paras: { valve: 'CLOSE' },
      service_id: 'ValveControl',
      command_name: 'SET_VALVE',
    });
    expect(String(r.body.command_id)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('a delay command to an online idle device still answers PENDING, and is SENT at once', async () => {
    const s = setupSim();
    await s.setOnline(true);
    const r = await s.create(DELAY);
    expect(r.body.status).toBe('PENDING');
    expect(strictShow((await s.show(String(r.body.command_id))).body)).toMatchObject({
      status: 'SENT',
      sent_time: t(0),
    });
  });

  it('an immediately command to an online device answers 200 SENT with expire_time 0', async () => {
    const s = setupSim();
    await s.setOnline(true);
    const r = await s.create(IMMEDIATELY);
    expect(r.status).toBe(200);
    expect(CreateAsyncCommandResponse.safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ status: 'SENT', send_strategy: 'immediately', expire_time: 0 });
  });

  it('an immediately command to an offline device is 403 IOTDA.014016, verbatim as the fixture', async () => {
    const s = setupSim();
    const r = await s.create(IMMEDIATELY);
    expect(r.status).toBe(403);
    expect(r.body).toEqual(readFixture('403-iotda-014016-device-offline.json'));
  });

  it('an immediately command while another is in flight is 400 IOTDA.000006 naming send_strategy', async () => {
    const s = setupSim();
    await s.setOnline(true);
    await createdId(s, IMMEDIATELY);
    const r = await s.create(IMMEDIATELY);
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('IOTDA.000006');
    expect(String(r.body.error_msg)).toMatch(
      /^Invalid input data\. send_strategy: immediately is refused while command /,
    );
  });

  it('send_strategy may be left out (delay), and unknown body fields are ignored', async () => {
    const s = setupSim();
    const r = await s.create({ paras: { a: 1 }, extra_field: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'PENDING', send_strategy: 'delay', expire_time: 86_400 });
    expect(r.body).not.toHaveProperty('extra_field');
  });

  it('command ids are unique and the same for the same seed', async () => {
    const a = setupSim();
    const b = setupSim();
    const idsA = [await createdId(a), await createdId(a), await createdId(a)];
    const idsB = [await createdId(b), await createdId(b), await createdId(b)];
    expect(new Set(idsA).size).toBe(3);
    expect(idsB).toEqual(idsA);
  });
});

describe('show (the seed) through the lifecycle', () => {
  it('PENDING -> SENT -> DELIVERED -> SUCCESSFUL, each time appearing once its stage is reached', async () => {
    const s = setupSim({
      deviceBehaviour: { ackDelayMs: 500, responseDelayMs: 1000, result: { valve: 'CLOSED' } },
    });
    const id = await createdId(s);
    const pending = strictShow((await s.show(id)).body);
    expect(pending.status).toBe('PENDING');
    for (const absent of ['sent_time', 'delivered_time', 'response_time', 'result'])
      expect(pending).not.toHaveProperty(absent);

    await s.advance(2_000);
    await s.setOnline(true);
    expect(strictShow((await s.show(id)).body)).toMatchObject({ status: 'SENT', sent_time: t(2_000) });
    await s.advance(500);
    const delivered = strictShow((await s.show(id)).body);
    expect(delivered).toMatchObject({ status: 'DELIVERED', sent_time: t(2_000), delivered_time: t(2_500) });
    expect(delivered).not.toHaveProperty('response_time');
    await s.advance(1_000);
    expect(strictShow((await s.show(id)).body)).toEqual({
      device_id: s.device,
      command_id: id,
      service_id: 'ValveControl',
      command_name: 'SET_VALVE',
      paras: { valve: 'CLOSE' },
      expire_time: 86_400,
      status: 'SUCCESSFUL',
      result: { valve: 'CLOSED' },
      created_time: t(0),
      sent_time: t(2_000),
      delivered_time: t(2_500),
      response_time: t(3_500),
      send_strategy: 'delay',
    });
  });

  it('a device that always fails: FAILED with its failure result', async () => {
    const s = setupSim({ deviceBehaviour: { failureRatio: 1, failureResult: { reason: 'valve jammed' } } });
    await s.setOnline(true);
    const id = await createdId(s, IMMEDIATELY);
    await s.advance(1_500);
    expect(strictShow((await s.show(id)).body)).toMatchObject({
      status: 'FAILED',
      result: { reason: 'valve jammed' },
      response_time: t(1_500),
    });
  });

  it('a scripted non-object result is wrapped as {"value": ...}', async () => {
    const s = setupSim({ deviceBehaviour: { result: 'done' } });
    await s.setOnline(true);
    const id = await createdId(s, IMMEDIATELY);
    await s.advance(1_500);
    expect((await s.show(id)).body).toMatchObject({ status: 'SUCCESSFUL', result: { value: 'done' } });
  });

  it('a silent device: TIMEOUT at the response deadline, with sent_time only', async () => {
    const s = setupSim({ deviceBehaviour: { silent: true } });
    await s.setOnline(true);
    const id = await createdId(s, IMMEDIATELY);
    await s.advance(29_999);
    expect((await s.show(id)).body.status).toBe('SENT');
    await s.advance(1);
    const timedOut = strictShow((await s.show(id)).body);
    expect(timedOut).toMatchObject({ status: 'TIMEOUT', sent_time: t(0) });
    expect(timedOut).not.toHaveProperty('delivered_time');
  });

  it('expiry: PENDING until created_time + expire_time, EXPIRED from that instant', async () => {
    const s = setupSim();
    const id = await createdId(s, { ...DELAY, expire_time: 60 });
    await s.advance(59_999);
    expect((await s.show(id)).body.status).toBe('PENDING');
    await s.advance(1);
    const expired = strictShow((await s.show(id)).body);
    expect(expired).toMatchObject({ status: 'EXPIRED', expire_time: 60 });
    expect(expired).not.toHaveProperty('sent_time');
    // An expired command is never sent, even when the device comes online later.
    await s.setOnline(true);
    expect((await s.show(id)).body.status).toBe('EXPIRED');
  });

  it('delay with expire_time 0 means the 24 h default: it does not expire at 0', async () => {
    const s = setupSim();
    const id = await createdId(s, { ...DELAY, expire_time: 0 });
    await s.advance(86_399_999);
    expect((await s.show(id)).body).toMatchObject({ status: 'PENDING', expire_time: 0 });
    await s.advance(1);
    expect((await s.show(id)).body.status).toBe('EXPIRED');
  });

  it('expire_time is at most 172800: 172800 is accepted, 172801 is 400 naming expire_time', async () => {
    const s = setupSim();
    expect((await s.create({ ...DELAY, expire_time: 172_800 })).status).toBe(200);
    const r = await s.create({ ...DELAY, expire_time: 172_801 });
    expect(r.status).toBe(400);
    expect(IotdaErrorBody.parse(r.body).error_msg).toBe(
      'Invalid input data. expire_time must be at most 172800 seconds (2 days)',
    );
  });

  it('queued commands go out one at a time, in order', async () => {
    const s = setupSim({ deviceBehaviour: { ackDelayMs: 100, responseDelayMs: 100 } });
    const first = await createdId(s);
    const second = await createdId(s);
    await s.setOnline(true);
    expect([(await s.show(first)).body.status, (await s.show(second)).body.status]).toEqual([
      'SENT',
      'PENDING',
    ]);
    await s.advance(200);
    expect([(await s.show(first)).body.status, (await s.show(second)).body.status]).toEqual([
      'SUCCESSFUL',
      'SENT',
    ]);
  });
});

describe('the 20-PENDING cap per device', () => {
  it('the 21st PENDING command is 400 IOTDA.000006 naming device_id; another device is not affected', async () => {
    const s = setupSim();
    for (let i = 0; i < 20; i++) expect((await s.create(DELAY)).status).toBe(200);
    const r = await s.create(DELAY);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 'IOTDA.000006',
      error_msg:
        'Invalid input data. device_id: the device already holds 20 PENDING commands, the most it may hold',
    });
    expect((await s.create(DELAY, s.fleet.devices[1])).status).toBe(200);
  });

  it('counts PENDING commands only: one SENT plus 20 PENDING, then the next is 400', async () => {
    const s = setupSim();
    await s.setOnline(true);
    const first = await createdId(s);
    expect((await s.show(first)).body.status).toBe('SENT');
    for (let i = 0; i < 20; i++) expect((await s.create(DELAY)).status).toBe(200);
    expect((await s.create(DELAY)).status).toBe(400);
  });

  it('room frees up when a PENDING command expires', async () => {
    const s = setupSim();
    await createdId(s, { ...DELAY, expire_time: 10 });
    for (let i = 0; i < 19; i++) await createdId(s);
    expect((await s.create(DELAY)).status).toBe(400);
    await s.advance(10_000);
    expect((await s.create(DELAY)).status).toBe(200);
  });
});

// The queue and history lists: which statuses each holds, page shapes, limit/marker/offset paging and the filters.
import { describe, expect, it } from 'vitest';
import { formatHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { readFixture } from '../../contracts/iotda/pact-bodies.ts';
import {
  ListAsyncCommandsResponse,
  ListAsyncHistoryCommandsResponse,
} from '../../contracts/iotda/responses.ts';
import { DELAY, IMMEDIATELY, setupSim, T0 } from './test-support.ts';

type Listed = { command_id: string; status: string };
const idsOf = (body: Record<string, unknown>) => (body.commands as Listed[]).map((c) => c.command_id);
const statusesOf = (body: Record<string, unknown>) => (body.commands as Listed[]).map((c) => c.status);

const strict = (
  schema: typeof ListAsyncCommandsResponse | typeof ListAsyncHistoryCommandsResponse,
  body: unknown,
) => {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
};

/**
 * A device holding one command in each status the lists show (the device stays online and busy). Each behaviour
 * change names every timing: the control API's partial behaviour currently resets unnamed fields to their defaults.
 */
const allStatuses = async () => {
  const s = setupSim({ deviceBehaviour: { ackDelayMs: 100, responseDelayMs: 100 } });
  const ids: Record<string, string> = {};
  const make = async (key: string, body: Record<string, unknown>) => {
    const r = await s.create(body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids[key] = String(r.body.command_id);
  };
  await make('expired', { ...DELAY, expire_time: 1 });
  await s.advance(1_000);
  await s.setOnline(true);
  await make('successful', IMMEDIATELY);
  await s.advance(200);
  await s.setBehaviour({ ackDelayMs: 100, responseDelayMs: 100, failureRatio: 1 });
  await make('failed', IMMEDIATELY);
  await s.advance(200);
  await s.setBehaviour({ ackDelayMs: 100, responseDelayMs: 100, failureRatio: 0, silent: true });
  await make('timeout', IMMEDIATELY);
  await s.advance(30_000);
  await s.setBehaviour({ ackDelayMs: 100, responseDelayMs: 3_600_000, silent: false });
  await make('delivered', IMMEDIATELY);
  await s.advance(100);
  await s.setBehaviour({ ackDelayMs: 3_600_000, responseDelayMs: 3_600_000 });
  await make('pending', { ...DELAY, command_name: 'OTHER' });
  return { s, ids };
};

describe('which list holds which status', () => {
  it('the queue holds PENDING, SENT, DELIVERED; the history EXPIRED, SUCCESSFUL, FAILED, TIMEOUT, DELIVERED', async () => {
    const { s, ids } = await allStatuses();
    const queued = await s.listQueued('limit=50');
    strict(ListAsyncCommandsResponse, queued.body);
    expect(statusesOf(queued.body)).toEqual(['DELIVERED', 'PENDING']);
    expect(idsOf(queued.body)).toEqual([ids.delivered, ids.pending]);
    const history = await s.listHistory('limit=50');
    strict(ListAsyncHistoryCommandsResponse, history.body);
    expect(statusesOf(history.body)).toEqual(['EXPIRED', 'SUCCESSFUL', 'FAILED', 'TIMEOUT', 'DELIVERED']);
    expect(history.body.page).toEqual({ marker: expect.stringMatching(/^[0-9a-f]{24}$/) });
  });

  it('a SENT command is queued, not history; list entries carry no paras and no result', async () => {
    const s = setupSim({ deviceBehaviour: { silent: true } });
    await s.setOnline(true);
    await s.create(IMMEDIATELY);
    const queued = await s.listQueued();
    expect(statusesOf(queued.body)).toEqual(['SENT']);
    expect((queued.body.commands as Record<string, unknown>[])[0]).not.toHaveProperty('paras');
    expect(statusesOf((await s.listHistory()).body)).toEqual([]);
  });

  it('an empty queue is exactly the documented empty page: count 0, no marker', async () => {
    const s = setupSim();
    expect((await s.listQueued()).body).toEqual(readFixture('200-list-queued-empty.json'));
    expect((await s.listHistory()).body).toEqual({ commands: [], page: {} });
  });
});

describe('paging', () => {
  it('limit defaults to 10; the marker continues after the last record; count is every match', async () => {
    const s = setupSim();
    const created: string[] = [];
    for (let i = 0; i < 13; i++) created.push(String((await s.create(DELAY)).body.command_id));
    const first = await s.listQueued();
    expect(idsOf(first.body)).toEqual(created.slice(0, 10));
    const page = first.body.page as { count: number; marker: string };
    expect(page.count).toBe(13);
    const second = await s.listQueued(`marker=${page.marker}`);
    expect(idsOf(second.body)).toEqual(created.slice(10));
    expect((second.body.page as { count: number }).count).toBe(13);
    const third = await s.listQueued(`marker=${(second.body.page as { marker: string }).marker}`);
    expect(third.body).toEqual({ commands: [], page: { count: 13 } });
  });

  it('offset skips records after the marker (or from the start); limit caps the page', async () => {
    const s = setupSim();
    const created: string[] = [];
    for (let i = 0; i < 6; i++) created.push(String((await s.create(DELAY)).body.command_id));
    expect(idsOf((await s.listQueued('offset=4')).body)).toEqual(created.slice(4));
    const firstTwo = await s.listQueued('limit=2');
    const marker = (firstTwo.body.page as { marker: string }).marker;
    expect(idsOf((await s.listQueued(`marker=${marker}&offset=1&limit=2`)).body)).toEqual(
      created.slice(3, 5),
    );
  });
});

describe('filters', () => {
  it('status narrows each list; DELIVERED is found in both', async () => {
    const { s, ids } = await allStatuses();
    expect(idsOf((await s.listQueued('status=PENDING')).body)).toEqual([ids.pending]);
    expect(idsOf((await s.listQueued('status=DELIVERED')).body)).toEqual([ids.delivered]);
    expect(idsOf((await s.listHistory('status=DELIVERED')).body)).toEqual([ids.delivered]);
    expect(idsOf((await s.listHistory('status=TIMEOUT')).body)).toEqual([ids.timeout]);
    expect((await s.listQueued('status=SENT')).body.page).toEqual({ count: 0 });
  });

  it('command_name and the created_time window [start_time, end_time] (whole seconds)', async () => {
    const s = setupSim();
    const a = String((await s.create(DELAY)).body.command_id);
    await s.advance(1_500);
    const b = String((await s.create({ ...DELAY, command_name: 'OTHER' })).body.command_id);
    await s.advance(2_000);
    const c = String((await s.create(DELAY)).body.command_id);
    expect(idsOf((await s.listQueued('command_name=OTHER')).body)).toEqual([b]);
    const from = formatHuaweiTime(T0 + 1_000);
    const to = formatHuaweiTime(T0 + 1_000);
    expect(idsOf((await s.listQueued(`start_time=${from}&end_time=${to}`)).body)).toEqual([b]);
    expect(idsOf((await s.listQueued(`end_time=${formatHuaweiTime(T0)}`)).body)).toEqual([a]);
    expect(idsOf((await s.listQueued(`start_time=${formatHuaweiTime(T0 + 3_000)}`)).body)).toEqual([c]);
  });
});

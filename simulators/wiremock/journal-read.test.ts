// Reading WireMock's journal while an entry is half written: a stand-in admin API answers the shapes WireMock 3 writes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SimulatorError } from './errors.ts';
import type { WireMockHandle } from './launcher.ts';
import { getCompleteJournal, getJournal } from './mappings.ts';

/** One serve event as WireMock journals it; `sent` false: the answer is out but its timing not written yet. */
const event = (url: string, sent: boolean) => ({
  id: `id-${url}`,
  request: { method: 'GET', url, headers: {}, body: '', loggedDate: 1_700_000_000_000 },
  response: { status: 200, headers: {}, body: 'ok' },
  wasMatched: true,
  timing: sent
    ? { addedDelay: 0, processTime: 2, responseSendTime: 1, serveTime: 3, totalTime: 3 }
    : { addedDelay: 0, processTime: 2 },
});

let server: Server;
let handle: WireMockHandle;
/** How many reads answer the newest entry half written before it is complete. */
let incompleteReads = 0;
let reads = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    reads++;
    const sent = reads > incompleteReads;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ requests: [event('/b', sent), event('/a', true)] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handle = {
    url,
    adminUrl: `${url}/__admin`,
    kind: 'external',
    owner: 'test',
    serverUrlFor: (u) => u,
    stop: async () => {},
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('an entry whose timing is not written yet is read, marked incomplete (it used to fail as journal-unreadable)', async () => {
  incompleteReads = Number.POSITIVE_INFINITY;
  reads = 0;
  const journal = await getJournal(handle);
  expect(journal.map((e) => [e.url, e.response.status, e.complete, e.totalTimeMs])).toEqual([
    ['/a', 200, true, 3],
    ['/b', 200, false, undefined],
  ]);
});

it('getCompleteJournal reads again until every entry is complete', async () => {
  incompleteReads = 3;
  reads = 0;
  const journal = await getCompleteJournal(handle);
  expect(reads).toBe(4);
  expect(journal.map((e) => [e.url, e.complete])).toEqual([
    ['/a', true],
    ['/b', true],
  ]);
});

it('getCompleteJournal gives up with journal-incomplete naming the entry that never completes', async () => {
  incompleteReads = Number.POSITIVE_INFINITY;
  reads = 0;
  const err = await getCompleteJournal(handle, { timeoutMs: 100 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SimulatorError);
  expect((err as SimulatorError).problem.reason).toBe('journal-incomplete');
  expect((err as SimulatorError).problem.message).toContain('GET /b');
  expect(reads).toBeGreaterThan(1);
});

// One embedded WireMock for the whole file: mapping files, the journal, proxy mode, external handles, a clean stop.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorError } from './errors.ts';
import { launchWireMock, type WireMockHandle } from './launcher.ts';
import {
  clearJournal,
  getCompleteJournal,
  getJournal,
  importMappings,
  loadMappingFiles,
  registerMapping,
  registerMappingsFromDir,
  registerProxyToModel,
  resetMappings,
} from './mappings.ts';
import { pidsWithArgs } from './proc-scan.ts';

let wm: WireMockHandle;
let dir: string;
let model: Server;
let modelUrl: string;
let modelConnections = 0;
const modelSaw: { method: string; url: string; body: string }[] = [];

const call = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
  const res = await request(`${wm.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json', 'x-trace': 'one' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
};

const refusal = async (
  p: Promise<unknown>,
): Promise<{ reason: string; message: string; output?: string }> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SimulatorError);
  return (err as SimulatorError).problem;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wm-mappings-'));
  await writeFile(
    join(dir, '200-cancel.json'),
    JSON.stringify({
      mappings: [
        {
          name: 'cancel command',
          request: {
            method: 'POST',
            urlPath: '/connectService/commands/cancel',
            queryParameters: { orgId: { equalTo: 'o1' } },
          },
          response: { status: 200, jsonBody: { code: 0, msg: 'OK', requestId: 'r-1' } },
        },
        {
          request: { method: 'GET', urlPath: '/plain' },
          response: { status: 200, body: 'plain text', headers: { 'Content-Type': 'text/plain' } },
        },
      ],
    }),
  );
  await writeFile(
    join(dir, '404-single.json'),
    JSON.stringify({
      request: { method: 'GET', url: '/missing-device' },
      response: { status: 404, jsonBody: { error_code: 'IOTDA.014000' } },
    }),
  );
  await writeFile(join(dir, 'notes.txt'), 'not a mapping');
  model = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      modelSaw.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ from: 'model', url: req.url }));
    });
  });
  model.on('connection', () => {
    modelConnections += 1;
  });
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  modelUrl = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
  wm = await launchWireMock({ maxRequestJournalEntries: 1_000 });
});

afterAll(async () => {
  await wm?.stop();
  await new Promise((resolve) => model?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('embedded WireMock', () => {
  it('listens on 127.0.0.1 at a port learned from its start-up lines, with an empty temporary root', async () => {
    expect(wm.kind).toBe('embedded');
    expect(wm.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(wm.adminUrl).toBe(`${wm.url}/__admin`);
    expect(wm.rootDir && existsSync(wm.rootDir)).toBe(true);
    const health = await call('GET', '/__admin/health');
    expect(health.status).toBe(200);
    const mappings = JSON.parse((await call('GET', '/__admin/mappings')).text) as { mappings: unknown[] };
    expect(mappings.mappings).toEqual([]);
  });

  it('loads both mapping file shapes from a folder, ignoring files that are not JSON', async () => {
    const files = await loadMappingFiles(dir);
    expect(files.map((f) => f.file)).toEqual([join(dir, '200-cancel.json'), join(dir, '404-single.json')]);
    expect(files.map((f) => f.mappings.length)).toEqual([2, 1]);
  });

  it('registers mapping files, answers from them, and reads the calls back from the journal', async () => {
    await clearJournal(wm);
    const ids = await registerMappingsFromDir(wm, dir);
    expect(ids).toHaveLength(3);

    const cancel = await call('POST', '/connectService/commands/cancel?orgId=o1', { commandId: 'c-9' });
    expect(cancel.status).toBe(200);
    expect(JSON.parse(cancel.text)).toEqual({ code: 0, msg: 'OK', requestId: 'r-1' });
    const missing = await call('GET', '/missing-device');
    expect(missing.status).toBe(404);
    const unmatched = await call('PUT', '/nowhere');
    expect(unmatched.status).toBe(404);

    const journal = await getCompleteJournal(wm);
    expect(journal.map((e) => `${e.method} ${e.url} ${e.response.status} ${e.wasMatched}`)).toEqual([
      'POST /connectService/commands/cancel?orgId=o1 200 true',
      'GET /missing-device 404 true',
      'PUT /nowhere 404 false',
    ]);
    const [first] = journal;
    expect(first?.headers['x-trace']).toBe('one');
    expect(first?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(first?.body ?? '')).toEqual({ commandId: 'c-9' });
    expect(JSON.parse(first?.response.body ?? '')).toEqual({ code: 0, msg: 'OK', requestId: 'r-1' });
    expect(first?.mappingId).toBe(ids[0]);
    expect(journal[2]?.mappingId).toBeUndefined();
    expect(Date.parse(first?.loggedAt ?? '')).not.toBeNaN();
    expect(Date.parse(first?.loggedAt ?? '')).toBeLessThanOrEqual(Date.parse(journal[1]?.loggedAt ?? ''));

    expect((await getCompleteJournal(wm, { limit: 1 })).map((e) => e.url)).toEqual(['/nowhere']);
    await clearJournal(wm);
    expect(await getJournal(wm)).toEqual([]);
  });

  it('stateful mode: unanswered requests are proxied to the model, mapped ones still win', async () => {
    await resetMappings(wm);
    await registerMappingsFromDir(wm, dir);
    await registerProxyToModel(wm, modelUrl);
    modelSaw.length = 0;

    const proxied = await call('POST', '/iocm/app/cmd/cmdService/v1.4.0/deviceCommandCancelTasks?appId=a1', {
      deviceId: 'd1',
    });
    expect(proxied.status).toBe(202);
    expect(JSON.parse(proxied.text)).toEqual({
      from: 'model',
      url: '/iocm/app/cmd/cmdService/v1.4.0/deviceCommandCancelTasks?appId=a1',
    });
    expect(modelSaw).toEqual([
      {
        method: 'POST',
        url: '/iocm/app/cmd/cmdService/v1.4.0/deviceCommandCancelTasks?appId=a1',
        body: '{"deviceId":"d1"}',
      },
    ]);
    const stubbed = await call('GET', '/plain');
    expect(stubbed.text).toBe('plain text');
    expect(modelSaw).toHaveLength(1);

    const journal = await getCompleteJournal(wm, { limit: 2 });
    expect(journal.map((e) => [e.url, e.response.status])).toEqual([
      ['/iocm/app/cmd/cmdService/v1.4.0/deviceCommandCancelTasks?appId=a1', 202],
      ['/plain', 200],
    ]);
  });

  it("stateful mode: proxied requests reuse WireMock's connections to the model", async () => {
    // One after the other, so one pooled connection serves them all; without --disable-connection-reuse false,
    // WireMock 3 opens one per request (20 here).
    const before = modelConnections;
    for (let i = 0; i < 20; i++) {
      const r = await call('GET', `/iotda/reuse/${i}`);
      expect(r.status).toBe(202);
    }
    expect(modelConnections - before).toBeLessThanOrEqual(2);
    expect(modelSaw.slice(-20).map((e) => e.url)).toEqual(
      Array.from({ length: 20 }, (_, i) => `/iotda/reuse/${i}`),
    );
  });

  it('importMappings registers a list in one call with the same precedence as registering one by one', async () => {
    const same = (path: string, body: string, priority = 5) => ({
      priority,
      request: { method: 'GET', urlPath: path },
      response: { status: 200, body },
    });
    await registerMapping(wm, same('/order/one-by-one', 'first'));
    await registerMapping(wm, same('/order/one-by-one', 'second'));
    await importMappings(wm, [
      same('/order/import', 'first'),
      same('/order/import', 'second'),
      same('/order/priority', 'high', 1),
      same('/order/priority', 'low', 9),
    ]);
    expect((await call('GET', '/order/one-by-one')).text).toBe('second');
    expect((await call('GET', '/order/import')).text).toBe('second');
    expect((await call('GET', '/order/priority')).text).toBe('high');
    const listed = JSON.parse((await call('GET', '/__admin/mappings')).text) as {
      mappings: { request: { urlPath?: string }; metadata?: Record<string, unknown> }[];
    };
    const imported = listed.mappings.filter((m) => m.request.urlPath?.startsWith('/order/'));
    expect(imported).toHaveLength(6);
    for (const m of imported) expect(m.metadata).toMatchObject({ harnessOwner: wm.owner });
  });

  it('resetMappings removes every mapping of an embedded WireMock', async () => {
    await resetMappings(wm);
    expect((await call('GET', '/plain')).status).toBe(404);
    expect(modelSaw).toHaveLength(21);
  });

  it('an external handle on the same WireMock removes only its own mappings on stop', async () => {
    await registerMapping(wm, { request: { method: 'GET', url: '/ours' }, response: { status: 204 } });
    const ext = await launchWireMock({ launcher: 'external', url: `${wm.url}/` });
    expect(ext.kind).toBe('external');
    expect(ext.url).toBe(wm.url);
    await registerMapping(ext, { request: { method: 'GET', url: '/theirs' }, response: { status: 201 } });
    expect((await call('GET', '/theirs')).status).toBe(201);

    await ext.stop();
    expect((await call('GET', '/theirs')).status).toBe(404);
    expect((await call('GET', '/ours')).status).toBe(204);
    expect((await call('GET', '/__admin/health')).status).toBe(200);
  });

  it('reports a malformed mapping file and a mapping WireMock refuses as data', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'wm-bad-'));
    try {
      await writeFile(join(bad, 'x.json'), JSON.stringify({ mappings: [{ request: { method: 'GET' } }] }));
      const p1 = await refusal(registerMappingsFromDir(wm, bad));
      expect(p1.reason).toBe('mapping-file-invalid');
      expect(p1.message).toContain('mappings.0.response');

      await writeFile(join(bad, 'x.json'), '{ not json');
      expect((await refusal(loadMappingFiles(bad))).reason).toBe('mapping-file-invalid');

      const p2 = await refusal(
        registerMapping(wm, {
          request: { method: 'GET', urlPath: '/f' },
          response: { status: 200, fault: 'NOPE' },
        }),
      );
      expect(p2.reason).toBe('mapping-refused');
      expect(p2.output).toContain('/response/fault');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('stop() ends the JVM (pid gone, nothing in /proc with our jar and root) and removes its root folder', async () => {
    const pid = wm.pid!;
    const rootDir = wm.rootDir!;
    expect(pidsWithArgs('wiremock.Run', rootDir)).toEqual([pid]);
    await wm.stop();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(pidsWithArgs('wiremock.Run', rootDir)).toEqual([]);
    expect(existsSync(rootDir)).toBe(false);
    await wm.stop(); // idempotent
    const after = await request(`${wm.url}/__admin/health`).then(
      () => 'answered',
      (e: Error & { code?: string }) => e.code,
    );
    expect(after).toBe('ECONNREFUSED');
  });
});

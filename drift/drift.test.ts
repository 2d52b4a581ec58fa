// `runDrift` against the plain simulator (no drift) and against one running the `drifted` profile (every change classified).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftHook } from '../simulators/platform/drift-profile.ts';
import { buildPlatform, type Platform } from '../simulators/platform/server.ts';
import { VENDOR_FACTORIES } from '../simulators/sim.ts';
import { type DriftReport, runDrift } from './drift.ts';
import { renderDrift } from './report.ts';

const start = async (drifted: boolean): Promise<{ platform: Platform; url: string }> => {
  const platform = buildPlatform({ frozen: true }, VENDOR_FACTORIES);
  if (drifted) platform.app.addHook('onSend', driftHook('drifted'));
  return { platform, url: await platform.listen(0) };
};

const changesOf = (r: DriftReport) =>
  r.vendors.flatMap((v) =>
    v.interactions.flatMap((i) => i.changes.map((c) => ({ vendor: v.vendor, i: i.description, ...c }))),
  );

describe('harness drift against the simulator', () => {
  let plain: { platform: Platform; url: string };
  let drifted: { platform: Platform; url: string };
  beforeAll(async () => {
    plain = await start(false);
    drifted = await start(true);
  });
  afterAll(async () => {
    await plain?.platform.close();
    await drifted?.platform.close();
  });

  it('reports no drift against the plain simulator', async () => {
    const r = await runDrift({ simulator: { baseUrl: plain.url, controlUrl: `${plain.url}/__control` } });
    expect(r.mode).toBe('simulator');
    // On the simulator every provider state can be set: all 54 interactions are reproducible and compared.
    expect(r.coverage).toEqual({ compared: 54, reproducible: 54, minShare: 0.5 });
    expect(changesOf(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('classifies every change of the drifted profile', async () => {
    const r = await runDrift({ simulator: { baseUrl: drifted.url, controlUrl: `${drifted.url}/__control` } });
    const changes = changesOf(r);
    const revoke = 'a revocation task for a device with two pending commands';
    expect(changes).toContainEqual(
      expect.objectContaining({
        vendor: 'iotda',
        i: 'iotda show async command: PENDING',
        kind: 'field-added',
        severity: 'warning',
        path: '$.newField',
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        vendor: 'oceanconnect',
        i: revoke,
        kind: 'field-removed',
        severity: 'breaking',
        path: '$.totalCount',
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        i: revoke,
        kind: 'status-changed',
        severity: 'breaking',
        expected: 201,
        actual: 200,
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        i: revoke,
        kind: 'misspelling-fixed',
        severity: 'breaking',
        path: '$.deviceCommands[0].status',
        expected: 'PENDDING',
        actual: 'PENDING',
      }),
    );
    const enos = changes.filter((c) => c.vendor === 'enos');
    expect(enos.length).toBeGreaterThan(0);
    for (const c of enos) {
      // Seed 000 sends createTime as a digit string, seed 001 as a number: a documented variant, not a break.
      expect(c).toMatchObject({
        kind: 'documented-variant',
        severity: 'info',
        was: 'number',
        now: 'numeric string',
      });
      expect(c.path).toMatch(/\.createTime$/);
    }
    // Nothing else moved: every change is one the profile makes.
    const kinds = new Set(changes.map((c) => `${c.vendor}:${c.kind}`));
    expect([...kinds].sort()).toEqual([
      'enos:documented-variant',
      'iotda:field-added',
      'oceanconnect:field-removed',
      'oceanconnect:misspelling-fixed',
      'oceanconnect:status-changed',
    ]);
    // Each change once, with every interaction it affects.
    const added = r.groups.find((g) => g.kind === 'field-added');
    expect(added?.interactions.length).toBe(8);
    expect(r.summary.find((s) => s.vendor === 'oceanconnect')?.breaking).toBe(3);
    expect(r.ok).toBe(false);
    expect(renderDrift(r)).toContain('BREAKING oceanconnect');
  });

  it('compares recorded WireMock mappings instead of live calls', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drift-recording-'));
    writeFileSync(
      path.join(dir, 'revoke.json'),
      JSON.stringify({
        mappings: [
          {
            request: { method: 'POST', urlPath: '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks' },
            response: {
              status: 201,
              jsonBody: {
                taskId: 't',
                deviceId: 'd',
                appId: 'a',
                status: 'WAITING',
                totalCount: 0,
                deviceCommands: [],
              },
            },
          },
        ],
      }),
    );
    const r = await runDrift({ vendors: ['oceanconnect'], recording: dir, minShare: 0 });
    const changes = changesOf(r);
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'misspelling-fixed',
        path: '$.status',
        expected: 'WAITTING',
        actual: 'WAITING',
      }),
    );
    expect(r.summary[0]?.skipped).toBeGreaterThan(0);
    expect(r.vendors[0]?.interactions.find((i) => i.description.startsWith('a login'))?.outcome).toBe(
      'skipped',
    );
  });

  it('reads a WireMock record-mode root: mappings/ with bodies in __files/, matched by path and query in any order', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'drift-record-root-'));
    mkdirSync(path.join(root, 'mappings'));
    mkdirSync(path.join(root, '__files'));
    writeFileSync(
      path.join(root, '__files', 'body-get.json'),
      JSON.stringify({ code: 0, msg: 'OK', requestId: 'r', data: [{ commandId: '1', state: 9 }] }),
    );
    writeFileSync(
      path.join(root, 'mappings', 'get.json'),
      JSON.stringify({
        request: {
          method: 'POST',
          url: '/connect-service/v2.1/commands?orgId=o15541858646501&action=search&assetId=oxWwM9i5',
        },
        response: { status: 200, bodyFileName: 'body-get.json' },
      }),
    );
    const r = await runDrift({ vendors: ['enos'], recording: root, minShare: 0 });
    const compared = r.vendors[0]?.interactions.filter((i) => i.outcome === 'compared') ?? [];
    expect(compared.map((i) => i.description)).toEqual([
      'enos search: commands in state 1 Created, first page',
    ]);
    expect(compared[0]?.changes).toContainEqual(
      expect.objectContaining({ kind: 'value-not-allowed', path: '$.data[0].state', actual: 9 }),
    );
    expect(compared[0]?.changes).toContainEqual(
      expect.objectContaining({ kind: 'field-removed', severity: 'breaking' }),
    );
  });
});

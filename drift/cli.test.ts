// The `verify-pact` and `drift` subcommands end to end against the platform model: exit codes, printed explanations, the written report.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as driftRun } from '../cli/commands/drift.ts';
import { run as verifyPactRun } from '../cli/commands/verify-pact.ts';
import { driftHook } from '../simulators/platform/drift-profile.ts';
import { buildPlatform, type Platform } from '../simulators/platform/server.ts';
import { VENDOR_FACTORIES } from '../simulators/sim.ts';
import { credentialsFromEnv } from './credentials.ts';
import { DriftReport } from './drift.ts';

const NAIVE = new URL('./fixtures/naive-oceanconnect-client.pact.json', import.meta.url).pathname;

const captured = () => {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return out;
};

describe('harness verify-pact and harness drift', () => {
  let plain: Platform;
  let drifted: Platform;
  let plainUrl: string;
  let driftedUrl: string;
  beforeAll(async () => {
    plain = buildPlatform({ frozen: true }, VENDOR_FACTORIES);
    drifted = buildPlatform({ frozen: true }, VENDOR_FACTORIES);
    drifted.app.addHook('onSend', driftHook('drifted'));
    plainUrl = await plain.listen(0);
    driftedUrl = await drifted.listen(0);
  });
  afterAll(async () => {
    await plain?.close();
    await drifted?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('verify-pact exits 1 and prints the explanation, starting the platform model itself', async () => {
    const out = captured();
    const code = await verifyPactRun({ args: [NAIVE], options: { platformOnly: true } });
    expect(code).toBe(1);
    expect(out.join('')).toContain('this consumer expects status PENDING; the vendor sends PENDDING');
  });

  it('verify-pact refuses a bad --mode and a missing pact argument', async () => {
    captured();
    expect(await verifyPactRun({ args: [NAIVE], options: { mode: 'live' } })).toBe(2);
    expect(await verifyPactRun({ args: [], options: {} })).toBe(2);
  });

  it('drift exits 0 against the plain simulator and 1 against the drifted one, writing the report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drift-cli-'));
    captured();
    const cleanOut = path.join(dir, 'clean.json');
    expect(
      await driftRun({
        args: [],
        options: { target: plainUrl, control: `${plainUrl}/__control`, out: cleanOut },
      }),
    ).toBe(0);
    expect(DriftReport.parse(JSON.parse(readFileSync(cleanOut, 'utf8'))).groups).toEqual([]);
    const driftOut = path.join(dir, 'drift.json');
    const code = await driftRun({
      args: [],
      options: {
        target: driftedUrl,
        control: `${driftedUrl}/__control`,
        out: driftOut,
        vendor: 'oceanconnect',
      },
    });
    expect(code).toBe(1);
    const report = DriftReport.parse(JSON.parse(readFileSync(driftOut, 'utf8')));
    expect(report.vendors.map((v) => v.vendor)).toEqual(['oceanconnect']);
    expect(report.summary[0]?.breaking).toBe(3);
    expect(report.ok).toBe(false);
  });

  it('drift needs exactly one of --target and --recording', async () => {
    captured();
    expect(await driftRun({ args: [], options: {} })).toBe(2);
    expect(await driftRun({ args: [], options: { target: plainUrl, recording: '/tmp' } })).toBe(2);
    expect(await driftRun({ args: [], options: { recording: '/tmp', control: plainUrl } })).toBe(2);
    expect(await driftRun({ args: [], options: { recording: '/tmp', minCoverage: '2' } })).toBe(2);
  });
});

describe('credentialsFromEnv', () => {
  it('maps the documented variables to headers and AK/SK', () => {
    expect(
      credentialsFromEnv({
        HARNESS_DRIFT_OCEANCONNECT_APP_ID: 'app',
        HARNESS_DRIFT_OCEANCONNECT_TOKEN: 'tok',
        HARNESS_DRIFT_IOTDA_AK: 'ak',
        HARNESS_DRIFT_IOTDA_SK: 'sk',
        HARNESS_DRIFT_ENOS_HEADERS: '{"apim-signature":"s"}',
      }),
    ).toEqual({
      perVendor: {
        enos: { headers: { 'apim-signature': 's' } },
        oceanconnect: { headers: { app_key: 'app', authorization: 'Bearer tok' } },
        iotda: { headers: {}, aksk: { ak: 'ak', sk: 'sk' } },
      },
      ids: {},
    });
    expect(
      credentialsFromEnv({
        HARNESS_DRIFT_OCEANCONNECT_APP_ID: 'app',
        HARNESS_DRIFT_OCEANCONNECT_SECRET: 'secret',
        HARNESS_DRIFT_ENOS_APP_SECRET: 'enos-secret',
        HARNESS_DRIFT_IDS: '{"pinned-device":"my-device"}',
      }),
    ).toEqual({
      perVendor: {
        enos: { headers: {}, appSecret: 'enos-secret' },
        oceanconnect: { headers: { app_key: 'app' }, bodyFields: { appId: 'app', secret: 'secret' } },
      },
      ids: { 'pinned-device': 'my-device' },
    });
    expect(() => credentialsFromEnv({ HARNESS_DRIFT_IDS: 'not json' })).toThrow(/HARNESS_DRIFT_IDS/);
    expect(() => credentialsFromEnv({ HARNESS_DRIFT_IOTDA_HEADERS: '[1]' })).toThrow(
      /HARNESS_DRIFT_IOTDA_HEADERS/,
    );
  });
});

describe('harness drift against nothing', () => {
  it('exits 1 when the target does not answer, counting errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drift-cli-dead-'));
    const out = path.join(dir, 'drift.json');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    const code = await driftRun({
      args: [],
      options: { target: 'http://127.0.0.1:9', vendor: 'iotda', out },
    });
    vi.restoreAllMocks();
    expect(code).toBe(1);
    const report = DriftReport.parse(JSON.parse(readFileSync(out, 'utf8')));
    // Every interaction the run can make got no answer; the `state` ones are not reproducible there.
    const [iotda] = report.summary;
    expect(iotda?.errors).toBe(7);
    expect(iotda?.notReproducible).toBe(14);
    expect(iotda?.breaking).toBe(0);
    expect(report.failures).toContain('7 interaction(s) got no answer');
  });
});

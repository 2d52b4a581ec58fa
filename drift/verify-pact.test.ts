// `verifyThirdPartyPact` on a naive third-party pact (expects PENDING, WAITING, a 404): fails and explains each vendor quirk; our own pact passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedPactPath, PROVIDERS } from '../contracts/common/pact.ts';
import { buildPlatform, type Platform } from '../simulators/platform/server.ts';
import { VENDOR_FACTORIES } from '../simulators/sim.ts';
import { readPactFile } from './pact-file.ts';
import { renderVerdict, vendorOfPact, verifyThirdPartyPact } from './verify-pact.ts';

const NAIVE = new URL('./fixtures/naive-oceanconnect-client.pact.json', import.meta.url).pathname;
const IOTDA_NAIVE = new URL('./fixtures/naive-iotda-client.pact.json', import.meta.url).pathname;

describe('harness verify-pact', () => {
  let platform: Platform;
  let url: string;
  beforeAll(async () => {
    platform = buildPlatform({ frozen: true }, VENDOR_FACTORIES);
    url = await platform.listen(0);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('finds the vendor from a provider name that is not ours', () => {
    expect(vendorOfPact(readPactFile(NAIVE))).toBe('oceanconnect');
  });

  it('fails a naive consumer pact and explains PENDDING, WAITTING and the error sent with HTTP 200', async () => {
    const v = await verifyThirdPartyPact({
      pactFile: NAIVE,
      target: { baseUrl: url, controlUrl: `${url}/__control` },
    });
    expect(v.ok).toBe(false);
    const [revoke, missing] = v.interactions;
    expect(revoke?.states).toEqual({
      kind: 'default',
      used: ['a device of the application has commands'],
      replaced: ['meter 42 has one queued command'],
    });
    expect(revoke?.mismatches.map((m) => [m.path, m.expected, m.actual])).toEqual([
      ['$.status', 'WAITING', 'WAITTING'],
      ['$.deviceCommands[0].status', 'PENDING', 'PENDDING'],
    ]);
    expect(missing?.states.kind).toBe('ours');
    expect(missing?.mismatches.map((m) => [m.path, m.expected, m.actual])).toEqual([['(status)', 404, 200]]);
    const text = renderVerdict(v);
    expect(text).toContain('this consumer expects status PENDING; the vendor sends PENDDING');
    expect(text).toContain('this consumer expects status WAITING; the vendor sends WAITTING');
    expect(text).toContain('the vendor answers HTTP 200 with error_code 100418');
    expect(text).toContain('used our default "a device of the application has commands"');
  });

  it('reads a V3 pact, finds IoTDA from its paths and explains the 200 answer to a create', async () => {
    expect(vendorOfPact(readPactFile(IOTDA_NAIVE))).toBe('iotda');
    const v = await verifyThirdPartyPact({
      pactFile: IOTDA_NAIVE,
      target: { baseUrl: url, controlUrl: `${url}/__control` },
    });
    const [create, show] = v.interactions;
    expect(create?.mismatches.map((m) => [m.path, m.expected, m.actual])).toEqual([['(status)', 201, 200]]);
    expect(create?.mismatches[0]?.explanations.join(' ')).toContain(
      'IoTDA answers a created async command with HTTP 200',
    );
    expect(show).toMatchObject({
      ok: true,
      states: { kind: 'default', replaced: ['valve 7 has a queued command'] },
    });
    expect(v.ok).toBe(false);
  });

  it('verifies our own committed OceanConnect pact', async () => {
    const v = await verifyThirdPartyPact({
      pactFile: committedPactPath(PROVIDERS.oceanconnect),
      target: { baseUrl: url, controlUrl: `${url}/__control` },
    });
    expect(v.interactions.filter((i) => !i.ok)).toEqual([]);
    expect(v.ok).toBe(true);
  });
});

// `verifyThirdPartyPact` on a naive third-party pact (expects PENDING, WAITING, a 404): fails and explains each vendor quirk; our own pact passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedPactPath } from '../contracts/common/pact.ts';
import { vendorOf } from '../vendors/index.ts';
import { buildPlatform, type Platform } from '../simulators/platform/server.ts';
import { VENDOR_FACTORIES } from '../simulators/sim.ts';
import { readPactFile } from './pact-file.ts';
import { renderVerdict, vendorOfPact, verifyThirdPartyPact } from './verify-pact.ts';

const NAIVE = new URL('./fixtures/naive-oceanconnect-client.pact.json', import.meta.url).pathname;
const IOTDA_NAIVE = new URL('./fixtures/naive-iotda-client.pact.json', import.meta.url).pathname;
const ENOS_NAIVE = new URL('./fixtures/naive-enos-client.pact.json', import.meta.url).pathname;

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
      kind: 'mapped',
      used: ['a device of the application has commands'],
      replaced: ['meter 42 has one queued command'],
      because: 'the state "meter 42 has one queued command" says a command is PENDING',
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
    expect(text).toContain(
      'state "meter 42 has one queued command" -> our "a device of the application has commands": the state "meter 42 has one queued command" says a command is PENDING',
    );
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
      states: { kind: 'mapped', replaced: ['valve 7 has a queued command'] },
    });
    expect(v.ok).toBe(false);
  });

  it('verifies an EnOS pact signed with a secret nobody here knows: default states, requests signed again', async () => {
    expect(vendorOfPact(readPactFile(ENOS_NAIVE))).toBe('enos');
    const v = await verifyThirdPartyPact({
      pactFile: ENOS_NAIVE,
      target: { baseUrl: url, controlUrl: `${url}/__control` },
    });
    const [cancelAll, get, invoke] = v.interactions;
    // The get reads one command: the state it is expected in is mapped; the others take the documented default.
    expect(v.interactions.map((i) => i.states.kind)).toEqual(['default', 'mapped', 'default']);
    // The only mismatch is the vendor's quirk: the cancel answer is the snapshot from before (state 1).
    expect(cancelAll?.mismatches.map((m) => [m.path, m.expected, m.actual])).toEqual([
      ['$.data[0].state', 2, 1],
    ]);
    expect(cancelAll?.mismatches[0]?.explanations.join(' ')).toContain('snapshot');
    expect(get).toMatchObject({ ok: true, mismatches: [] });
    expect(invoke).toMatchObject({ ok: true, mismatches: [] });
    expect(v.ok).toBe(false);
  });

  it.each(['oceanconnect', 'enos', 'iotda'] as const)(
    'verifies our own committed %s pact',
    async (vendor) => {
      const v = await verifyThirdPartyPact({
        pactFile: committedPactPath(vendorOf(vendor).pactProvider),
        target: { baseUrl: url, controlUrl: `${url}/__control` },
      });
      expect(v.interactions.filter((i) => !i.ok)).toEqual([]);
      expect(v.ok).toBe(true);
    },
  );
});

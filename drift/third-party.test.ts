// verify-pact with pacts written the way other teams write them (their own state names, ids and tokens): states mapped by what each interaction asks for, every mismatch explained in the vendor's terms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, type Platform } from '../simulators/platform/server.ts';
import { VENDOR_FACTORIES } from '../simulators/sim.ts';
import { type PactVerdict, renderVerdict, verifyThirdPartyPact } from './verify-pact.ts';

const pact = (name: string) => new URL(`./fixtures/third-party/${name}.pact.json`, import.meta.url).pathname;

let platform: Platform;
let url: string;
const verify = (name: string) =>
  verifyThirdPartyPact({ pactFile: pact(name), target: { baseUrl: url, controlUrl: `${url}/__control` } });
const summary = (v: PactVerdict) =>
  v.interactions.map((i) => ({
    ok: i.ok,
    mapping: [i.states.kind, ...i.states.used],
    mismatches: i.mismatches.map((m) => [m.path, m.expected, m.actual]),
  }));

beforeAll(async () => {
  platform = buildPlatform({ frozen: true }, VENDOR_FACTORIES);
  url = await platform.listen(0);
});
afterAll(async () => {
  await platform?.close();
});

describe('verify-pact on third-party pacts', () => {
  it('EnOS: an unknown command expected as a 404 is explained by 11404 sent with HTTP 200', async () => {
    const v = await verify('fleet-ops-enos');
    expect(summary(v)).toEqual([
      { ok: false, mapping: ['mapped', 'an EnOS device has commands'], mismatches: [['(status)', 404, 200]] },
      { ok: true, mapping: ['mapped', 'an EnOS device has commands'], mismatches: [] },
      { ok: true, mapping: ['mapped', 'an EnOS device has commands'], mismatches: [] },
    ]);
    expect(v.interactions.map((i) => i.states.because)).toEqual([
      'the state "command 99 was never issued to meter M-7" says the command does not exist',
      'the state "meter M-7 has a command in flight" says a command is SENT',
      'the state "meter M-7 has no queued commands" says nothing is pending',
    ]);
    expect(v.interactions[0]?.mismatches[0]?.explanations).toEqual([
      'this consumer expects HTTP 404; EnOS keeps HTTP 200 and reports the error as code 11404 ("Command not found") ' +
        'in its envelope (the HTTP status of EnOS errors is not documented; its gateway answers 200): check `code`, not the status.',
    ]);
  });

  it('OceanConnect: an unknown device expected as a 404 is explained by 100418 with HTTP 200; 201 and Huawei times too', async () => {
    const v = await verify('meter-hub-oceanconnect');
    expect(summary(v)).toEqual([
      {
        ok: false,
        mapping: ['mapped', 'no device has the requested id'],
        mismatches: [['(status)', 404, 200]],
      },
      {
        ok: false,
        mapping: ['mapped', 'a device of the application has commands'],
        mismatches: [['(status)', 200, 201]],
      },
      {
        ok: false,
        mapping: ['mapped', 'a device of the application has commands'],
        mismatches: [['$.creationTime', '2024-03-05T08:15:00Z', expect.stringMatching(/^\d{8}T\d{6}Z$/)]],
      },
    ]);
    const why = v.interactions.map((i) => i.mismatches.flatMap((m) => m.explanations));
    expect(why[0]).toEqual([
      'this consumer expects HTTP 404; the vendor answers HTTP 200 with error_code 100418 ("The deviceData is not existed."). ' +
        'OceanConnect sends 100203, 100217 and 100418 with HTTP 200: check error_code in every answer, not only the status.',
    ]);
    expect(why[1]?.join(' ')).toContain('with HTTP 201: accept any 2xx');
    expect(why[2]?.join(' ')).toContain("OceanConnect sends UTC times as yyyyMMdd'T'HHmmss'Z'");
  });

  it('IoTDA: a consumer reading {code, message} is told IoTDA sends {error_code, error_msg}', async () => {
    const v = await verify('valve-app-iotda');
    expect(summary(v)).toEqual([
      {
        ok: false,
        mapping: ['mapped', 'no IoTDA device with this id'],
        mismatches: [
          ['$.code', 'IOTDA.014000', undefined],
          ['$.message', 'The device does not exist.', undefined],
        ],
      },
      { ok: true, mapping: ['mapped', 'an IoTDA device with async commands'], mismatches: [] },
    ]);
    const text = renderVerdict(v);
    expect(text).toContain(
      'this consumer reads code from the error body; IoTDA sends errors as {"error_code": "IOTDA.014000", ' +
        '"error_msg": "The device does not exist."}: read error_code (the code) and error_msg (the text).',
    );
    expect(text).toContain(
      'state "valve V-9 is not registered" -> our "no IoTDA device with this id": the state "valve V-9 is not registered" says the device does not exist',
    );
  });
});

// `--client-ca`: OceanConnect's front door refuses a TLS client without a certificate from that CA (undici and curl); the other vendors need none.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientTruststore } from './client-cert-door.ts';
import { ReadyInfo } from './platform/ready-info.ts';
import { curl } from './curl-support.ts';
import { type RunningSim, startSimulators } from './sim.ts';
import { SimulatorError } from './wiremock/errors.ts';
import { type Issued, issue, makeCa } from './wiremock/tls.ts';

let dir: string;
let sim: RunningSim;
let client: Issued;
let rogue: Issued;
const files = { clientCa: '', cert: '', key: '', rogueCert: '', rogueKey: '' };
const agents: Agent[] = [];

/** undici trusting the run's CA, with a client certificate or without. */
const agent = (cert?: Issued): Agent => {
  const a = new Agent({
    connect: {
      ca: readFileSync(sim.info.tls!.caFile),
      ...(cert ? { cert: cert.certPem, key: cert.keyPem } : {}),
    },
  });
  agents.push(a);
  return a;
};

const login = (baseUrl: string, dispatcher: Agent) =>
  request(`${baseUrl}/iocm/app/sec/v1.1.0/login`, {
    dispatcher,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      appId: sim.info.oceanconnect.appId,
      secret: sim.info.oceanconnect.secret,
    }).toString(),
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'client-ca-test-'));
  const ca = await makeCa('team CA');
  client = await issue(ca, 'team client', { client: true });
  const rogueCa = await makeCa('rogue CA');
  rogue = await issue(rogueCa, 'rogue client', { client: true });
  Object.assign(files, {
    clientCa: join(dir, 'client-ca.pem'),
    cert: join(dir, 'client.pem'),
    key: join(dir, 'client.key'),
    rogueCert: join(dir, 'rogue.pem'),
    rogueKey: join(dir, 'rogue.key'),
  });
  await Promise.all([
    writeFile(files.clientCa, ca.certPem),
    writeFile(files.cert, client.certPem),
    writeFile(files.key, client.keyPem),
    writeFile(files.rogueCert, rogue.certPem),
    writeFile(files.rogueKey, rogue.keyPem),
  ]);
  sim = await startSimulators({ clientCaFile: files.clientCa, platform: { devicesPerVendor: 1 } });
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('harness sim --client-ca', () => {
  it('the ready line gives OceanConnect a front door of its own, and says so', () => {
    const info = ReadyInfo.parse(sim.info);
    expect(info.oceanconnect.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.oceanconnect.baseUrl).not.toBe(info.wiremockUrl);
    expect(info.oceanconnect.baseUrl).toBe(sim.clientCertDoor?.url);
    expect([info.enos.baseUrl, info.iotda.baseUrl]).toEqual([info.wiremockUrl, info.wiremockUrl]);
    expect(info.tls).toMatchObject({ clientCaFile: files.clientCa, clientCertificateFor: ['oceanconnect'] });
  });

  it('a client certificate from that CA logs in to OceanConnect (undici and curl)', async () => {
    const res = await login(sim.info.oceanconnect.baseUrl, agent(client));
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toMatchObject({ accessToken: expect.any(String) });
    const viaCurl = await curl(
      '--cacert',
      sim.info.tls!.caFile,
      '--cert',
      files.cert,
      '--key',
      files.key,
      '-d',
      `appId=${sim.info.oceanconnect.appId}&secret=${sim.info.oceanconnect.secret}`,
      `${sim.info.oceanconnect.baseUrl}/iocm/app/sec/v1.1.0/login`,
    );
    expect(viaCurl.code).toBe(0);
    expect(JSON.parse(viaCurl.out)).toMatchObject({ accessToken: expect.any(String) });
  });

  it('no certificate, or one from another CA: the TLS handshake fails, no HTTP answer at all', async () => {
    await expect(login(sim.info.oceanconnect.baseUrl, agent())).rejects.toThrow();
    await expect(login(sim.info.oceanconnect.baseUrl, agent(rogue))).rejects.toThrow();
    const bare = await curl(
      '--cacert',
      sim.info.tls!.caFile,
      `${sim.info.oceanconnect.baseUrl}/iocm/app/sec/v1.1.0/login`,
    );
    expect(bare.code).not.toBe(0);
    const wrong = await curl(
      '--cacert',
      sim.info.tls!.caFile,
      '--cert',
      files.rogueCert,
      '--key',
      files.rogueKey,
      `${sim.info.oceanconnect.baseUrl}/iocm/app/sec/v1.1.0/login`,
    );
    expect(wrong.code).not.toBe(0);
  });

  it('the main front door does not serve OceanConnect (403 naming its door), and serves the others without a certificate', async () => {
    const moved = await login(sim.info.wiremockUrl, agent());
    expect(moved.statusCode).toBe(403);
    expect(await moved.body.json()).toEqual({
      error: 'client-certificate-required',
      message: `oceanconnect is served at ${sim.info.oceanconnect.baseUrl}, which asks for a client certificate (harness sim --client-ca)`,
    });
    const { iotda } = sim.info;
    const shown = await request(
      `${iotda.baseUrl}/v5/iot/${iotda.projectId}/devices/${iotda.devices[0]}/async-commands/c-1`,
      { dispatcher: agent(), headers: { 'X-Auth-Token': iotda.authToken } },
    );
    expect(shown.statusCode).toBe(404);
    expect(await shown.body.json()).toMatchObject({ error_code: 'IOTDA.014000' });
  });

  it('a CA file keytool cannot read is refused with its words, as data', async () => {
    const bad = join(dir, 'not-a-ca.pem');
    await writeFile(bad, 'not a certificate');
    const err = await clientTruststore(bad, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulatorError);
    expect((err as SimulatorError).problem).toMatchObject({ reason: 'client-ca-unreadable' });
    expect((err as SimulatorError).problem.output).toBeTruthy();
  });
});

// The front door over HTTPS: clients verify it with the run's CA (undici and curl, verification on), and nothing else.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadyInfo } from './platform/ready-info.ts';
import { curl } from './curl-support.ts';
import { type RunningSim, startSimulators } from './sim.ts';

let sim: RunningSim;
let trusting: Agent;

beforeAll(async () => {
  sim = await startSimulators({ https: true, platform: { devicesPerVendor: 2 } });
  trusting = new Agent({ connect: { ca: readFileSync(sim.info.tls!.caFile) } });
});
afterAll(async () => {
  await trusting?.close();
  await sim?.stop();
});

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('harness sim --https', () => {
  it('names the CA file in the ready line, and every vendor base URL is https', () => {
    const info = ReadyInfo.parse(sim.info);
    expect(info.tls?.caFile).toMatch(/ca\.pem$/);
    expect(readFileSync(info.tls!.caFile, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    for (const url of [info.wiremockUrl, info.enos.baseUrl, info.oceanconnect.baseUrl, info.iotda.baseUrl])
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('undici trusting the run CA reaches all three vendors through the front door', async () => {
    const { iotda, oceanconnect, enos } = sim.info;
    const shown = await request(
      `${iotda.baseUrl}/v5/iot/${iotda.projectId}/devices/${iotda.devices[0]}/async-commands/no-such-command`,
      { dispatcher: trusting, headers: { 'X-Auth-Token': iotda.authToken } },
    );
    expect(shown.statusCode).toBe(404);
    expect(await shown.body.json()).toMatchObject({ error_code: 'IOTDA.014000' });

    const login = await request(`${oceanconnect.baseUrl}/iocm/app/sec/v1.1.0/login`, {
      dispatcher: trusting,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ appId: oceanconnect.appId, secret: oceanconnect.secret }).toString(),
    });
    expect(login.statusCode).toBe(200);
    expect(await login.body.json()).toMatchObject({ accessToken: expect.any(String) });

    const timestamp = Date.now();
    const token = await request(`${enos.baseUrl}/apim-token-service/v2.0/token/get`, {
      dispatcher: trusting,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        appKey: enos.appKey,
        encryption: sha256(`${enos.appKey}${timestamp}${enos.appSecret}`),
        timestamp,
      }),
    });
    expect(token.statusCode).toBe(200);
    expect(await token.body.json()).toMatchObject({ status: 0, data: { accessToken: expect.any(String) } });
  });

  it('undici with its default trust store refuses the certificate (verification is on, nothing is ignored)', async () => {
    await expect(request(`${sim.info.wiremockUrl}/nowhere`)).rejects.toMatchObject({
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
  });

  it('the certificate is valid for 127.0.0.1 and localhost, and for no other name', async () => {
    const port = new URL(sim.info.wiremockUrl).port;
    const viaLocalhost = await request(`https://localhost:${port}/nowhere`, { dispatcher: trusting });
    expect(viaLocalhost.statusCode).toBe(404);
    await viaLocalhost.body.dump();
    const otherName = new Agent({
      connect: { ca: readFileSync(sim.info.tls!.caFile), servername: 'vendor.example' },
    });
    try {
      await expect(
        request(`${sim.info.wiremockUrl}/nowhere`, { dispatcher: otherName }),
      ).rejects.toMatchObject({
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      });
    } finally {
      await otherName.close();
    }
  });

  it('curl --cacert gets the vendor answer; curl without it fails verification (exit 60)', async () => {
    const { iotda } = sim.info;
    const url = `${iotda.baseUrl}/v5/iot/${iotda.projectId}/devices/${iotda.devices[0]}/async-commands/c-1`;
    const ok = await curl('--cacert', sim.info.tls!.caFile, '-H', `X-Auth-Token: ${iotda.authToken}`, url);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ error_code: 'IOTDA.014000' });
    const refused = await curl(url);
    expect(refused.code).toBe(60);
  });

  it('the admin API stays on plain HTTP at 127.0.0.1 (the handle registers mappings there)', async () => {
    expect(sim.wiremock.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__admin$/);
    const health = await request(`${sim.wiremock.adminUrl}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  });
});

describe('the run CA', () => {
  it('is removed when the simulator stops', async () => {
    const other = await startSimulators({ https: true, mode: 'replay', platform: { devicesPerVendor: 1 } });
    const caFile = other.info.tls!.caFile;
    expect(existsSync(caFile)).toBe(true);
    await other.stop();
    expect(existsSync(caFile)).toBe(false);
  });
});

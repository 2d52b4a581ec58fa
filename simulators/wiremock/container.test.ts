// The container launcher: real when an engine answers, otherwise skipped with the reason printed.
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerArgs, type EngineStatus, isContainerEngineAvailable, viaHostAlias } from './container.ts';
import { launchWireMock, tryLaunchWireMock } from './launcher.ts';
import { registerMapping } from './mappings.ts';
import { ContainerOptionsSchema } from './options.ts';

let engine: EngineStatus = { available: false, reason: 'not probed yet' };

beforeAll(async () => {
  engine = await isContainerEngineAvailable(5_000);
  if (!engine.available)
    console.log(`container launcher tests skipped: no container engine answers: ${engine.reason}`);
});

describe('container WireMock', () => {
  it('runs the image with WireMock on 8080 and the same server flags as the embedded JVM', () => {
    const o = ContainerOptionsSchema.parse({ launcher: 'container', maxRequestJournalEntries: 500 });
    expect(o.image).toBe('wiremock/wiremock:3.13.2');
    expect(containerArgs(o)).toEqual([
      '--port',
      '8080',
      '--disable-banner',
      '--async-response-enabled',
      'true',
      '--max-request-journal-entries',
      '500',
      '--disable-request-logging',
      '--disable-connection-reuse',
      'false',
    ]);
  });

  it('rewrites loopback URLs of this host to the name the container reaches them at', () => {
    expect(viaHostAlias('http://127.0.0.1:4000')).toBe('http://host.testcontainers.internal:4000');
    expect(viaHostAlias('http://localhost:4000/model/')).toBe(
      'http://host.testcontainers.internal:4000/model/',
    );
    expect(viaHostAlias('http://10.1.2.3:4000/m')).toBe('http://10.1.2.3:4000/m');
  });

  it('without an engine, launching fails fast with the reason as data', async (ctx) => {
    if (engine.available) ctx.skip('a container engine answers, so this failure cannot happen here');
    const outcome = await tryLaunchWireMock({ launcher: 'container', engineTimeoutMs: 5_000 });
    expect(outcome).toMatchObject({ ok: false, problem: { reason: 'no-container-engine' } });
  });

  it('starts the pinned image, answers health and a registered mapping, and stops', async (ctx) => {
    if (!engine.available) ctx.skip(`no container engine answers: ${engine.reason}`);
    const wm = await launchWireMock({ launcher: 'container' });
    try {
      expect(wm.kind).toBe('container');
      expect(wm.serverUrlFor('http://127.0.0.1:4000/x')).toBe('http://host.testcontainers.internal:4000/x');
      await registerMapping(wm, { request: { method: 'GET', url: '/c' }, response: { status: 207 } });
      const res = await request(`${wm.url}/c`);
      await res.body.text();
      expect(res.statusCode).toBe(207);
    } finally {
      await wm.stop();
    }
  });
});

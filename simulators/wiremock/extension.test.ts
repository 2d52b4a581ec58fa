// The WireMock extension: compiled from the committed sources (or refused with one line), and loaded by every embedded launch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledJarPath, embeddedJavaArgs } from './embedded.ts';
import { compileExtension, FRONT_DOOR_EXTENSION_CLASS, frontDoorExtensionJar } from './extension.ts';
import { launchWireMock, type WireMockHandle } from './launcher.ts';
import { EmbeddedOptionsSchema } from './options.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'harness-ext-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the extension jar', () => {
  it('is compiled from the sources and holds the class WireMock is told to load', () => {
    const built = frontDoorExtensionJar(bundledJarPath());
    expect(built).toMatchObject({ ok: true });
    const listing = spawnSync('jar', ['tf', (built as { jar: string }).jar], { encoding: 'utf8' }).stdout;
    expect(listing).toContain(`${FRONT_DOOR_EXTENSION_CLASS.replaceAll('.', '/')}.class`);
  });

  it('without javac says in one line what to install', () => {
    const outcome = compileExtension(bundledJarPath(), path.join(dir, 'x.jar'), path.join(dir, 'no-javac'));
    expect(outcome.ok).toBe(false);
    expect((outcome as { reason: string }).reason).toMatch(
      /^javac could not be run .*install a JDK 17[^\n]*$/,
    );
  });

  it('goes on the class path beside WireMock, named in --extensions', () => {
    const o = EmbeddedOptionsSchema.parse({});
    const args = embeddedJavaArgs(o, '/w.jar', '/root', [], '/ext.jar');
    expect(args.slice(args.indexOf('-cp'), args.indexOf('-cp') + 5)).toEqual([
      '-cp',
      `/w.jar${path.delimiter}/ext.jar`,
      'wiremock.Run',
      '--extensions',
      FRONT_DOOR_EXTENSION_CLASS,
    ]);
    expect(embeddedJavaArgs(o, '/w.jar', '/root')).toContain('-jar');
  });
});

describe('an embedded WireMock with the extension', () => {
  let wm: WireMockHandle;
  beforeAll(async () => {
    wm = await launchWireMock({});
  }, 60_000);
  afterAll(async () => {
    await wm?.stop();
  });

  it("answers what Jetty refuses before any handler (an encoded NUL) with JSON, not Jetty's HTML", async () => {
    const res = await request(`${wm.url}/v5/iot/p/devices/%00`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(await res.body.json()).toEqual({
      error: 'bad-request',
      message: 'the front door could not handle this request: Bad Request',
    });
  });

  it('hands WireMock a multipart body it cannot parse as a marked request without a body', async () => {
    await request(`${wm.adminUrl}/mappings`, {
      method: 'POST',
      body: JSON.stringify({
        request: { urlPath: '/echo', headers: { 'X-Harness-Unreadable-Body': { matches: '.*' } } },
        response: {
          status: 400,
          body: '{{request.headers.X-Harness-Unreadable-Body}}|{{request.headers.Content-Type}}|{{request.body}}',
          transformers: ['response-template'],
        },
      }),
    });
    const res = await request(`${wm.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'x',
    });
    expect([res.statusCode, await res.body.text()]).toEqual([400, 'a multipart body without a boundary||']);
  });
});

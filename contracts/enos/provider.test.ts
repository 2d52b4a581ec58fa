// Verifies the committed EnOS pact through WireMock: against the stateful simulator (proxy to the platform), and replayed fixtures.
import { PACT_PROVIDER } from './constraints.ts';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fixtureFor } from '../../simulators/enos/replay-cases.ts';
import { simulator } from '../../simulators/enos/sim.ts';
import { buildPlatform, type Platform } from '../../simulators/platform/server.ts';
import { DEFAULTS_FILE, MARKER_FILE, mappingsDirOf } from '../../simulators/replay/mapping-files.ts';
import { launchWireMock, type WireMockHandle } from '../../simulators/wiremock/launcher.ts';
import {
  loadMappingFiles,
  registerMapping,
  registerProxyToModel,
} from '../../simulators/wiremock/mappings.ts';
import { committedPactPath } from '../common/pact.ts';
import { verifyProvider } from '../common/provider-verify.ts';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const noJava = java.error
  ? `java is not on the PATH (${java.error.message}): WireMock cannot start`
  : undefined;
if (noJava) console.warn(`skipping the EnOS provider verification: ${noJava}`);

const pactFile = committedPactPath(PACT_PROVIDER);

/** Registers the named EnOS mapping files (cases.json: marker answers; replay-defaults.json: replay only). */
const registerEnosMappings = async (wm: WireMockHandle, files: string[]): Promise<void> => {
  for (const { file, mappings } of await loadMappingFiles(mappingsDirOf('enos')))
    if (files.includes(path.basename(file))) for (const m of mappings) await registerMapping(wm, m);
};

describe.skipIf(noJava !== undefined)('EnOS provider verification', () => {
  describe('stateful: WireMock proxying to the platform model', () => {
    let platform: Platform;
    let platformUrl: string;
    let wm: WireMockHandle;

    beforeAll(async () => {
      platform = buildPlatform({ frozen: true }, [simulator]);
      platformUrl = await platform.listen();
      wm = await launchWireMock();
      await registerEnosMappings(wm, [MARKER_FILE]);
      await registerProxyToModel(wm, platformUrl);
    });
    afterAll(async () => {
      await wm?.stop();
      await platform?.close();
    });

    it('the committed pact verifies', async () => {
      await verifyProvider({
        vendor: 'enos',
        pactFile,
        providerBaseUrl: wm.url,
        mode: 'stateful',
        controlUrl: `${platformUrl}/__control`,
      });
    });
  });

  describe('replay: WireMock serving only the mapping files', () => {
    let wm: WireMockHandle;

    beforeAll(async () => {
      wm = await launchWireMock();
      await registerEnosMappings(wm, [MARKER_FILE, DEFAULTS_FILE]);
    });
    afterAll(async () => {
      await wm?.stop();
    });

    it('the committed pact verifies, each interaction answered by its fixture', async () => {
      await verifyProvider({ vendor: 'enos', pactFile, providerBaseUrl: wm.url, mode: 'replay', fixtureFor });
    });
  });
});

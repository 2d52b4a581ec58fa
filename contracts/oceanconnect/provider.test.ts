// Pact provider verification of the committed OceanConnect pact: stateful (WireMock proxying to the simulator) and replay (mapping files only).
import { PACT_PROVIDER } from './constraints.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFor } from '../../simulators/oceanconnect/replay-cases.ts';
import { simulator } from '../../simulators/oceanconnect/sim.ts';
import { ocRequestFilter } from '../../simulators/oceanconnect/verification.ts';
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

const PACT = committedPactPath(PACT_PROVIDER);
/** The fixtures' "now" (2024-03-05T09:00:00Z), on a frozen clock: seeded times stay as the pact shows them. */
const START = Date.UTC(2024, 2, 5, 9, 0, 0);

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const javaMissing = java.error ? `java is not on the PATH (${java.error.message})` : undefined;
if (javaMissing) console.warn(`OceanConnect provider verification skipped: ${javaMissing}`);

/** Registers the OceanConnect mapping files with these names, as the simulator's start-up does. */
const registerFiles = async (wm: WireMockHandle, names: string[]): Promise<number> => {
  let n = 0;
  for (const { file, mappings } of await loadMappingFiles(mappingsDirOf('oceanconnect')))
    if (names.includes(path.basename(file)))
      for (const m of mappings) n += (await registerMapping(wm, m)) ? 1 : 0;
  return n;
};

describe.skipIf(javaMissing !== undefined)('OceanConnect provider verification, stateful', () => {
  let platform: Platform;
  let wiremock: WireMockHandle;
  let platformUrl: string;
  /** Status of every provider-state set-up the verifier asked for: all must be 200. */
  const stateAnswers: number[] = [];

  beforeAll(async () => {
    platform = buildPlatform({ frozen: true, startEpochMs: START }, [simulator]);
    platform.app.addHook('onResponse', async (req, reply) => {
      if (req.url.startsWith('/__control/provider-states')) stateAnswers.push(reply.statusCode);
    });
    platformUrl = await platform.listen(0);
    wiremock = await launchWireMock();
    await registerFiles(wiremock, [MARKER_FILE]);
    await registerProxyToModel(wiremock, platformUrl);
  });
  afterAll(async () => {
    await wiremock?.stop();
    await platform?.close();
  });

  it('verifies every interaction against the simulator through WireMock', async () => {
    await verifyProvider({
      vendor: 'oceanconnect',
      pactFile: PACT,
      providerBaseUrl: wiremock.url,
      mode: 'stateful',
      controlUrl: `${platformUrl}/__control`,
      requestFilter: ocRequestFilter,
    });
    const { interactions } = JSON.parse(readFileSync(PACT, 'utf8')) as { interactions: unknown[] };
    // Every state was set up, and every interaction's one request reached the model (none was replayed).
    expect(stateAnswers).toEqual(interactions.map(() => 200));
    expect(platform.journal.since(0, (e) => e.vendor === 'oceanconnect')).toHaveLength(interactions.length);
  }, 120_000);
});

describe.skipIf(javaMissing !== undefined)('OceanConnect provider verification, replay', () => {
  let wiremock: WireMockHandle;

  beforeAll(async () => {
    wiremock = await launchWireMock();
    expect(await registerFiles(wiremock, [MARKER_FILE, DEFAULTS_FILE])).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await wiremock?.stop();
  });

  it('verifies every interaction against the replayed fixtures alone', async () => {
    await verifyProvider({
      vendor: 'oceanconnect',
      pactFile: PACT,
      providerBaseUrl: wiremock.url,
      mode: 'replay',
      fixtureFor,
      requestFilter: ocRequestFilter,
    });
  }, 120_000);
});

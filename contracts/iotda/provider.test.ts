// Verifies the committed IoTDA pact through WireMock: against the stateful simulator (proxy to the platform) and replayed fixtures.
import { PACT_PROVIDER } from './constraints.ts';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resignAkskRequest } from '../../simulators/iotda/pact-resign.ts';
import { fixtureFor } from '../../simulators/iotda/replay-cases.ts';
import { type RunningSim, startSimulators } from '../../simulators/sim.ts';
import { committedPactPath } from '../common/pact.ts';
import { verifyProvider } from '../common/provider-verify.ts';

// The Pact verifier otherwise reports usage metrics over the network: no traffic leaves the machine.
process.env.PACT_DO_NOT_TRACK = 'true';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const noJava = java.error
  ? `java is not on the PATH (${java.error.message}): WireMock cannot start`
  : undefined;
if (noJava) console.warn(`skipping the IoTDA provider verification: ${noJava}`);

const pactFile = committedPactPath(PACT_PROVIDER);
/** The pact holds two AK/SK interactions (show SENT, create delay); each must be re-signed and then verified. */
const AKSK_INTERACTIONS = 2;

describe.skipIf(noJava !== undefined)('IoTDA provider verification', () => {
  describe('stateful: WireMock proxying to the platform model', () => {
    let sim: RunningSim | undefined;

    beforeAll(async () => {
      // WireMock must forward the Host the client signed (AK/SK signatures cover `host`).
      sim = await startSimulators({
        mode: 'stateful',
        platform: { frozen: true },
        wiremock: { extraArgs: ['--preserve-host-header'] },
      });
    });
    afterAll(async () => {
      await sim?.stop();
    });

    it('the committed pact verifies, AK/SK requests re-signed with the provider state credentials', async () => {
      const { info, platform } = sim!;
      let resigned = 0;
      await verifyProvider({
        vendor: 'iotda',
        pactFile,
        providerBaseUrl: info.wiremockUrl,
        mode: 'stateful',
        controlUrl: info.controlUrl,
        requestFilter: (req, state) => {
          if (resignAkskRequest(req, state, { ak: info.iotda.ak, sk: info.iotda.sk }).resigned) resigned += 1;
        },
      });
      expect(resigned).toBe(AKSK_INTERACTIONS);
      // The signed requests reached the model and were verified there (a bad signature would have been a 401).
      const signed = platform!.journal.since(0, (e) => e.vendor === 'iotda' && 'authorization' in e.headers);
      expect(signed.map((e) => e.status)).toEqual([200, 200]);
    });
  });

  describe('replay: WireMock serving only the mapping files', () => {
    let sim: RunningSim | undefined;

    beforeAll(async () => {
      sim = await startSimulators({ mode: 'replay' });
    });
    afterAll(async () => {
      await sim?.stop();
    });

    it('the committed pact verifies, each interaction answered by its fixture', async () => {
      await verifyProvider({
        vendor: 'iotda',
        pactFile,
        providerBaseUrl: sim!.info.wiremockUrl,
        mode: 'replay',
        fixtureFor,
      });
    });
  });
});

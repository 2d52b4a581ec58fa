// Verifies the three committed pacts against a running simulator, with each vendor's replay fixtures and request rewriting.
import type { Vendor } from './common/problem.ts';
import { committedPactPath, PROVIDERS } from './common/pact.ts';
import { type ProviderVerification, type VerifyMode, verifyProvider } from './common/provider-verify.ts';
import { fixtureFor as enosFixture } from '../simulators/enos/replay-cases.ts';
import { resignAkskRequest } from '../simulators/iotda/pact-resign.ts';
import { fixtureFor as iotdaFixture } from '../simulators/iotda/replay-cases.ts';
import { fixtureForInteraction as ocFixture } from '../simulators/oceanconnect/replay-cases.ts';
import { ocRequestFilter } from '../simulators/oceanconnect/verification.ts';
import type { ReadyInfo } from '../simulators/platform/ready-info.ts';

export type VerificationOutcome = {
  vendor: Vendor;
  provider: string;
  mode: VerifyMode;
  ok: boolean;
  message?: string;
  ms: number;
};

const specifics = (
  info: ReadyInfo,
): Record<Vendor, Pick<ProviderVerification, 'fixtureFor' | 'requestFilter'>> => ({
  enos: { fixtureFor: enosFixture },
  oceanconnect: { fixtureFor: ocFixture, requestFilter: ocRequestFilter },
  iotda: {
    fixtureFor: iotdaFixture,
    requestFilter: (req, state) => {
      resignAkskRequest(req, state, { ak: info.iotda.ak, sk: info.iotda.sk });
    },
  },
});

/** One verification per vendor, in turn (provider states reset the vendor they name). */
export const verifyAll = async (info: ReadyInfo, mode: VerifyMode): Promise<VerificationOutcome[]> => {
  const outcomes: VerificationOutcome[] = [];
  const extra = specifics(info);
  for (const vendor of ['enos', 'oceanconnect', 'iotda'] as const) {
    const started = Date.now();
    try {
      await verifyProvider({
        vendor,
        pactFile: committedPactPath(PROVIDERS[vendor]),
        providerBaseUrl: info.wiremockUrl,
        mode,
        controlUrl: info.controlUrl,
        logLevel: 'error',
        ...extra[vendor],
      });
      outcomes.push({ vendor, provider: PROVIDERS[vendor], mode, ok: true, ms: Date.now() - started });
    } catch (err) {
      outcomes.push({
        vendor,
        provider: PROVIDERS[vendor],
        mode,
        ok: false,
        message: (err as Error).message,
        ms: Date.now() - started,
      });
    }
  }
  return outcomes;
};

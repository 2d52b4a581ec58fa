// Verifies every registered vendor's committed pact against a running simulator, with its replay fixtures and request rewriting.
import type { Vendor } from './common/problem.ts';
import { committedPactPath } from './common/pact.ts';
import { type ProviderVerification, type VerifyMode, verifyProvider } from './common/provider-verify.ts';
import type { ReadyInfo } from '../simulators/platform/ready-info.ts';
import { VENDORS } from '../vendors/index.ts';

export type VerificationOutcome = {
  vendor: Vendor;
  provider: string;
  mode: VerifyMode;
  ok: boolean;
  message?: string;
  ms: number;
};

type Specifics = Pick<ProviderVerification, 'fixtureFor' | 'requestFilter'>;

/** One verification per vendor, in turn (provider states reset the vendor they name). */
export const verifyAll = async (info: ReadyInfo, mode: VerifyMode): Promise<VerificationOutcome[]> => {
  const outcomes: VerificationOutcome[] = [];
  for (const v of VENDORS) {
    const vendor = v.id;
    const provider = v.pactProvider;
    const started = Date.now();
    try {
      await verifyProvider({
        vendor,
        pactFile: committedPactPath(provider),
        providerBaseUrl: info.wiremockUrl,
        mode,
        controlUrl: info.controlUrl,
        logLevel: 'error',
        ...(v.providerVerification as (fleet: ReadyInfo[Vendor]) => Specifics)(info[vendor]),
      });
      outcomes.push({ vendor, provider, mode, ok: true, ms: Date.now() - started });
    } catch (err) {
      outcomes.push({
        vendor,
        provider,
        mode,
        ok: false,
        message: (err as Error).message,
        ms: Date.now() - started,
      });
    }
  }
  return outcomes;
};

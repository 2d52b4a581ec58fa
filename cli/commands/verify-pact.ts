// `harness verify-pact <pact>`: verifies a third party's consumer pact against the simulator and explains vendor-specific failures.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isVendor, vendorIds } from '../../vendors/index.ts';
import type { SubcommandRun } from '../subcommands.ts';

type Target = { baseUrl: string; controlUrl?: string; stop: () => Promise<void> };

/** The simulator to verify against: one already running (--against), the platform model alone, or the full simulator. */
const targetFrom = async (options: Record<string, unknown>): Promise<Target> => {
  if (typeof options.against === 'string') {
    const control = typeof options.control === 'string' ? options.control : undefined;
    return { baseUrl: options.against, ...(control ? { controlUrl: control } : {}), stop: async () => {} };
  }
  const mode = options.mode === 'replay' ? 'replay' : 'stateful';
  if (options.platformOnly && mode === 'stateful') {
    const { buildPlatform } = await import('../../simulators/platform/server.ts');
    const { VENDOR_FACTORIES } = await import('../../simulators/sim.ts');
    const platform = buildPlatform({}, VENDOR_FACTORIES);
    const url = await platform.listen(0);
    return { baseUrl: url, controlUrl: `${url}/__control`, stop: () => platform.close() };
  }
  const { startSimulators } = await import('../../simulators/sim.ts');
  const sim = await startSimulators({ mode });
  // Replay mode has no control API: provider states cannot be set and the documented answers are replayed as they are.
  return {
    baseUrl: sim.info.wiremockUrl,
    ...(mode === 'stateful' ? { controlUrl: sim.info.controlUrl } : {}),
    stop: () => sim.stop(),
  };
};

export const run: SubcommandRun = async ({ args, options }) => {
  const pactFile = args[0];
  if (!pactFile) {
    process.stderr.write('harness verify-pact: name the pact file to verify\n');
    return 2;
  }
  if (options.mode !== undefined && options.mode !== 'stateful' && options.mode !== 'replay') {
    process.stderr.write(
      `harness verify-pact: --mode must be stateful or replay, got ${String(options.mode)}\n`,
    );
    return 2;
  }
  const vendor = options.vendor === undefined ? undefined : String(options.vendor);
  if (vendor !== undefined && !isVendor(vendor)) {
    process.stderr.write(`harness verify-pact: --vendor must be one of ${vendorIds().join(', ')}\n`);
    return 2;
  }
  const { renderVerdict, verifyThirdPartyPact } = await import('../../drift/verify-pact.ts');
  let target: Target;
  try {
    target = await targetFrom(options);
  } catch (err) {
    process.stderr.write(`harness verify-pact: could not start the simulator: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const verdict = await verifyThirdPartyPact({
      pactFile: path.resolve(pactFile),
      target: { baseUrl: target.baseUrl, ...(target.controlUrl ? { controlUrl: target.controlUrl } : {}) },
      ...(vendor ? { vendor } : {}),
    });
    if (typeof options.out === 'string') {
      mkdirSync(path.dirname(options.out), { recursive: true });
      writeFileSync(options.out, `${JSON.stringify(verdict, null, 2)}\n`);
    }
    process.stdout.write(
      options.json ? `${JSON.stringify(verdict, null, 2)}\n` : `${renderVerdict(verdict)}\n`,
    );
    return verdict.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`harness verify-pact: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await target.stop();
  }
};

// `harness drift`: runs the pinned contracts against a target URL or a recording and writes the drift report (non-zero when anything breaks).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isVendor, vendorIds } from '../../vendors/index.ts';
import type { SubcommandRun } from '../subcommands.ts';
export const DEFAULT_DRIFT_REPORT = path.join('reports', 'out', 'drift.json');

export const run: SubcommandRun = async ({ options }) => {
  const target = typeof options.target === 'string' ? options.target : undefined;
  const recording = typeof options.recording === 'string' ? options.recording : undefined;
  if ((target === undefined) === (recording === undefined)) {
    process.stderr.write('harness drift: give exactly one of --target <base URL> or --recording <dir>\n');
    return 2;
  }
  const vendors =
    typeof options.vendor === 'string' ? options.vendor.split(',').map((v) => v.trim()) : vendorIds();
  const unknown = vendors.filter((v) => !isVendor(v));
  if (unknown.length > 0) {
    process.stderr.write(`harness drift: unknown vendor ${unknown.join(', ')} (${vendorIds().join(', ')})\n`);
    return 2;
  }
  const { runDrift, renderDrift } = await import('../../drift/drift.ts');
  const { credentialsFromEnv } = await import('../../drift/credentials.ts');
  try {
    const report = await runDrift({
      vendors: vendors.filter(isVendor),
      ...(recording !== undefined
        ? { recording }
        : {
            live: {
              baseUrl: target as string,
              ...(typeof options.control === 'string' ? { controlUrl: options.control } : {}),
              perVendor: credentialsFromEnv(process.env),
            },
          }),
    });
    const out = typeof options.out === 'string' ? options.out : DEFAULT_DRIFT_REPORT;
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderDrift(report)}\n`);
    process.stderr.write(`drift report written to ${out}\n`);
    return report.summary.breaking > 0 || report.summary.errors > 0 ? 1 : 0;
  } catch (err) {
    process.stderr.write(`harness drift: ${(err as Error).message}\n`);
    return 1;
  }
};

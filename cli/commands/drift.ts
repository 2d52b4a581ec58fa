// `harness drift`: runs the pinned contracts against a target URL or a recording and writes the drift report (non-zero when the gate fails).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isVendor, vendorIds } from '../../vendors/index.ts';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';

const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

export const run: SubcommandRun = async ({ options, context = defaultContext() }) => {
  const target = typeof options.target === 'string' ? options.target : undefined;
  const recording = typeof options.recording === 'string' ? options.recording : undefined;
  const control = typeof options.control === 'string' ? options.control : undefined;
  if ((target === undefined) === (recording === undefined)) {
    process.stderr.write('harness drift: give exactly one of --target <base URL> or --recording <dir>\n');
    return 2;
  }
  if (control !== undefined && target === undefined) {
    process.stderr.write('harness drift: --control goes with --target (our simulator)\n');
    return 2;
  }
  const vendors =
    typeof options.vendor === 'string' ? options.vendor.split(',').map((v) => v.trim()) : vendorIds();
  const unknown = vendors.filter((v) => !isVendor(v));
  if (unknown.length > 0) {
    process.stderr.write(`harness drift: unknown vendor ${unknown.join(', ')} (${vendorIds().join(', ')})\n`);
    return 2;
  }
  const minShare = options.minCoverage === undefined ? undefined : Number(options.minCoverage);
  if (minShare !== undefined && !(minShare >= 0 && minShare <= 1)) {
    process.stderr.write(
      `harness drift: --min-coverage must be a share from 0 to 1, got ${String(options.minCoverage)}\n`,
    );
    return 2;
  }
  const { runDrift } = await import('../../drift/drift.ts');
  const { renderDrift, renderDriftJunit } = await import('../../drift/report.ts');
  const { credentialsFromEnv } = await import('../../drift/credentials.ts');
  try {
    const credentials = credentialsFromEnv(process.env);
    const report = await runDrift({
      vendors: vendors.filter(isVendor),
      ...(minShare !== undefined ? { minShare } : {}),
      ...(recording !== undefined
        ? { recording, credentials }
        : control !== undefined
          ? { simulator: { baseUrl: target as string, controlUrl: control } }
          : { live: { baseUrl: target as string, credentials } }),
    });
    const out = typeof options.out === 'string' ? options.out : path.join(context.out, 'drift.json');
    write(out, `${JSON.stringify(report, null, 2)}\n`);
    if (typeof options.junit === 'string') write(options.junit, renderDriftJunit(report));
    process.stdout.write(
      options.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : `${renderDrift(report, options.verbose === true)}\n`,
    );
    process.stderr.write(`drift report written to ${out}\n`);
    return report.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`harness drift: ${(err as Error).message}\n`);
    return 1;
  }
};

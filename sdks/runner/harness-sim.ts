// Runs `harness sim` as a user does (the CLI in a child process), reads its ready line, and names the transports an SDK suite runs over.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ReadyInfo } from '../../simulators/platform/ready-info.ts';
import type { Vendor } from '../../vendors/index.ts';
import { SDKS_DIR } from '../provision/cache.ts';

const CLI = path.join(SDKS_DIR, '..', 'cli', 'harness.ts');

export type HarnessSim = { info: ReadyInfo; stop(): Promise<void> };

/**
 * Starts `node cli/harness.ts sim <args>` on this Node and resolves with its ready line (checked by the ReadyInfo
 * schema); rejects with its output if it exits or stays silent for `timeoutMs`.
 */
export const startHarnessSim = (args: string[], timeoutMs = 120_000): Promise<HarnessSim> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CLI, 'sim', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (c: Buffer) => {
      output = `${output}${c.toString()}`.slice(-4000);
    });
    const exited = new Promise<void>((done) => child.on('close', () => done()));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`harness sim: no ready line within ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness sim exited (code ${code}) before its ready line\n${output}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const parsed = ReadyInfo.safeParse(JSON.parse(line));
      if (!parsed.success) {
        void stop();
        reject(new Error(`harness sim: ready line out of schema: ${parsed.error.message}\n${line}`));
        return;
      }
      resolve({ info: parsed.data, stop });
    });
  });

/** The simulators a suite runs against: `harness sim` over plain HTTP, and `harness sim --https`. */
export type Sims = { http: HarnessSim; https: HarnessSim; stop(): Promise<void> };

/** Starts both (in parallel) with the same arguments; the same seed gives both the same fleet and credentials. */
export const startSims = async (args: string[]): Promise<Sims> => {
  const [http, https] = await Promise.allSettled([
    startHarnessSim(args),
    startHarnessSim([...args, '--https']),
  ]);
  const started = [http, https].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = [http, https].find((r) => r.status === 'rejected');
  if (failed || http.status !== 'fulfilled' || https.status !== 'fulfilled') {
    await Promise.all(started.map((s) => s.stop()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return {
    http: http.value,
    https: https.value,
    stop: async () => {
      await Promise.all([http.value.stop(), https.value.stop()]);
    },
  };
};

/**
 * How an SDK reaches the simulator: its base URL, the CA file to verify the server with over HTTPS (verification is
 * always on), and the ready line of the simulator behind it (credentials, device ids, control API). Every suite runs
 * over each transport; its tests are declared per name before the simulators start, the rest comes later.
 */
export type Transport = { name: TransportName; baseUrl: string; caFile?: string; info: ReadyInfo };

/** The front door `harness sim` prints, the same over `--https`, and the platform model straight. */
export const TRANSPORTS = ['front door (http)', 'front door (https)', 'platform model (http)'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** The transport's base URL for one vendor: the door the ready line names for it, or the model. */
export const transportOf = (name: TransportName, sims: Sims, vendor: Vendor): Transport => {
  switch (name) {
    case 'front door (http)':
      return { name, baseUrl: sims.http.info[vendor].baseUrl, info: sims.http.info };
    case 'front door (https)': {
      const { info } = sims.https;
      const baseUrl = info[vendor].baseUrl;
      if (!info.tls) throw new Error('harness sim --https printed no tls.caFile');
      if (!baseUrl.startsWith('https://'))
        throw new Error(`the --https front door of ${vendor} is ${baseUrl}`);
      return { name, baseUrl, caFile: info.tls.caFile, info };
    }
    case 'platform model (http)':
      return { name, baseUrl: sims.http.info.controlUrl.replace(/\/__control$/, ''), info: sims.http.info };
  }
};

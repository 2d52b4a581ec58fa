// Runs `harness sim` as a user does (the CLI in a child process), reads its ready line, and names the transports an SDK suite runs over.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ReadyInfo } from '../../simulators/platform/ready-info.ts';
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

/**
 * How an SDK reaches the simulator: its base URL, and the CA file to verify the server with over HTTPS. Every suite
 * runs over each transport (its tests are declared per name before the simulator starts; the URL comes later).
 */
export type Transport = { name: TransportName; baseUrl: string; caFile?: string };

/** The front door `harness sim` prints, and the platform model straight (the server of the control API). */
export const TRANSPORTS = ['front door (http)', 'platform model (http)'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

export const transportOf = (name: TransportName, info: ReadyInfo): Transport => {
  switch (name) {
    case 'front door (http)':
      return { name, baseUrl: info.wiremockUrl };
    case 'platform model (http)':
      return { name, baseUrl: info.controlUrl.replace(/\/__control$/, '') };
  }
};

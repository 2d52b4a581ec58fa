// `--client-ca`: the truststore of the front door that asks clients for a certificate, and what the main door answers for the vendors served there.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Platform } from './platform/server.ts';
import { SimulatorError, wireMockProblem } from './wiremock/errors.ts';
import type { Mapping } from './wiremock/mappings.ts';

const run = promisify(execFile);

export type ClientTruststore = { file: string; password: string };

/**
 * Java reads a PKCS#12 truststore only when each certificate carries Oracle's "trusted" attribute, which the JDK's
 * keytool writes and node-forge does not: so the user's PEM CA goes in with keytool (one short JVM, run only with
 * `--client-ca`). A file keytool cannot read is refused with its own words.
 */
export const clientTruststore = async (
  caFile: string,
  dir: string,
  keytool = 'keytool',
): Promise<ClientTruststore> => {
  if (!existsSync(caFile))
    throw new SimulatorError(wireMockProblem('client-ca-unreadable', `--client-ca ${caFile}: no such file`));
  const file = path.join(dir, 'client-trust.p12');
  const password = randomBytes(12).toString('hex');
  try {
    await run(
      keytool,
      [
        '-importcert',
        '-noprompt',
        '-alias',
        'client-ca',
        '-file',
        caFile,
        '-keystore',
        file,
        '-storetype',
        'PKCS12',
        '-storepass',
        password,
      ],
      { timeout: 60_000 },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new SimulatorError(
      wireMockProblem(
        'client-ca-unreadable',
        `--client-ca ${caFile}: keytool could not import it as a CA certificate`,
        `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message,
      ),
    );
  }
  return { file, password };
};

/**
 * On the main front door, the paths of the vendors that moved to the client-certificate door answer 403 with
 * where to go instead, so a client without a certificate cannot reach them by the other door.
 */
export const movedVendorMappings = (
  platform: Platform,
  vendors: readonly string[],
  doorUrl: string,
): Mapping[] =>
  [...platform.vendors.values()]
    .filter((v) => vendors.includes(v.vendor))
    .flatMap((v) =>
      v.prefixes.map((prefix) => ({
        name: `${v.vendor} is served at the client-certificate front door`,
        priority: 1,
        request: { method: 'ANY', urlPattern: `${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*` },
        response: {
          status: 403,
          headers: { 'Content-Type': 'application/json;charset=UTF-8' },
          jsonBody: {
            error: 'client-certificate-required',
            message: `${v.vendor} is served at ${doorUrl}, which asks for a client certificate (harness sim --client-ca)`,
          },
        },
      })),
    );

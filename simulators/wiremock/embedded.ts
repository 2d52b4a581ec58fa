// The embedded launcher: WireMock's standalone jar from the npm package, run by `java` directly, stopped cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path, { dirname, join } from 'node:path';
import { classDataPlan, defaultClassDataDir } from './class-data.ts';
import { OutputTail, SimulatorError, wireMockProblem } from './errors.ts';
import { FRONT_DOOR_EXTENSION_CLASS, frontDoorExtensionJar } from './extension.ts';
import { waitForHealth } from './health.ts';
import type { WireMockHandle } from './launcher.ts';
import { type EmbeddedOptions, type HttpsOptions, wireMockServerArgs } from './options.ts';
import { track } from './processes.ts';

/** The standalone jar shipped by the npm package `wiremock`, found next to its package.json. */
export const bundledJarPath = (): string => {
  const pkgJson = createRequire(import.meta.url).resolve('wiremock/package.json');
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  return join(dirname(pkgJson), 'build', `wiremock-standalone-${version}.jar`);
};

/**
 * WireMock's HTTPS flags: a free port, the run's PKCS#12 keystore, HTTP/1.1 only (as on the plain port, so what
 * reaches the model does not depend on the scheme), and a client truststore when clients must show a certificate.
 */
export const httpsArgs = (h: HttpsOptions): string[] => [
  '--https-port',
  '0',
  '--https-keystore',
  h.keystoreFile,
  '--keystore-type',
  'PKCS12',
  '--keystore-password',
  h.keystorePassword,
  '--key-manager-password',
  h.keystorePassword,
  '--disable-http2-tls',
  ...(h.clientTruststore
    ? [
        '--https-require-client-cert',
        '--https-truststore',
        h.clientTruststore.file,
        '--truststore-type',
        'PKCS12',
        '--truststore-password',
        h.clientTruststore.password,
      ]
    : []),
];

/**
 * How the JVM is told what to run: `-jar` alone, or with the extension's jar on the class path beside WireMock's
 * (then the jar manifest's `Add-Exports`, which `-jar` alone applies, is given as a flag).
 */
const mainArgs = (jar: string, extensionJar: string | undefined): string[] =>
  extensionJar
    ? [
        '--add-exports',
        'java.base/sun.security.x509=ALL-UNNAMED',
        '-cp',
        `${jar}${path.delimiter}${extensionJar}`,
        'wiremock.Run',
        '--extensions',
        FRONT_DOOR_EXTENSION_CLASS,
      ]
    : ['-jar', jar];

/** The full `java` argument list; exported so the flags can be read and tested without starting a JVM. */
export const embeddedJavaArgs = (
  o: EmbeddedOptions,
  jar: string,
  rootDir: string,
  classDataFlags: readonly string[] = [],
  extensionJar?: string,
): string[] => [
  ...classDataFlags,
  ...o.jvmFlags,
  ...(o.heapMb !== undefined ? [`-Xmx${o.heapMb}m`] : []),
  ...mainArgs(jar, extensionJar),
  '--port',
  String(o.port),
  '--bind-address',
  '127.0.0.1',
  '--root-dir',
  rootDir,
  ...(o.https ? httpsArgs(o.https) : []),
  ...wireMockServerArgs(o),
];

/** WireMock prints its options once it listens, including the real ports when it was given 0. */
const PORT_LINE = /^port:\s+(\d+)\s*$/m;
const HTTPS_PORT_LINE = /^https-port:\s+(\d+)\s*$/m;

type Ports = { http: number; https?: number };

const exitText = (child: ChildProcess): string =>
  child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;

/** Resolves once the process has exited (at once when it already has). */
const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

const stopChild = async (child: ChildProcess, graceMs: number): Promise<void> => {
  // No pid: spawning failed, there is no process to stop (and no 'exit' event will ever come).
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([exited(child).then(() => 'done' as const), graceOver]);
  clearTimeout(timer);
  if (outcome === 'late') {
    child.kill('SIGKILL');
    await exited(child);
  }
};

/**
 * Waits for the line with the port, failing at once if the JVM exits or cannot be spawned, and after the
 * start timeout otherwise.
 */
const learnPorts = (
  child: ChildProcess,
  stdout: OutputTail,
  timeoutMs: number,
  https: boolean,
): Promise<Ports> =>
  new Promise((resolve, reject) => {
    const settle = (fn: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      fn();
    };
    const onData = (): void => {
      const text = stdout.toString();
      const http = PORT_LINE.exec(text);
      const secure = HTTPS_PORT_LINE.exec(text);
      if (http && (!https || secure))
        settle(() => resolve({ http: Number(http[1]), ...(secure ? { https: Number(secure[1]) } : {}) }));
    };
    const onExit = (): void =>
      settle(() => reject(new Error(`java ${exitText(child)} before WireMock listened`)));
    const onError = (err: Error): void =>
      settle(() => reject(new Error(`java could not be started: ${err.message}`)));
    const timer = setTimeout(
      () => settle(() => reject(new Error(`WireMock did not report its port within ${timeoutMs} ms`))),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
    onData();
  });

/** Starts WireMock in a JVM of its own, bound to 127.0.0.1, with an empty temporary root folder. */
export const launchEmbedded = async (o: EmbeddedOptions): Promise<WireMockHandle> => {
  const jar = o.jarPath ?? bundledJarPath();
  if (!existsSync(jar)) throw new SimulatorError(wireMockProblem('jar-missing', `no WireMock jar at ${jar}`));
  const extension = o.frontDoorExtension ? frontDoorExtensionJar(jar) : undefined;
  if (extension && !extension.ok)
    throw new SimulatorError(
      wireMockProblem(
        'extension-missing',
        `the front door's WireMock extension is not available: ${extension.reason}`,
      ),
    );
  const extensionJar = extension?.ok ? extension.jar : undefined;
  const rootDir = await mkdtemp(join(tmpdir(), 'wiremock-harness-'));
  const started = Date.now();
  const stdout = new OutputTail();
  const stderr = new OutputTail();
  const classData = classDataPlan({
    javaPath: o.javaPath,
    jar,
    alsoOnClassPath: extensionJar ? [extensionJar] : [],
    dir: o.classDataDir ?? defaultClassDataDir(),
  });
  // A JVM writing the archive needs a moment more to exit (about 2 s here); killing it then only loses the archive.
  const graceMs = classData.kind === 'make' ? Math.max(o.stopGraceMs, 20_000) : o.stopGraceMs;
  const child = spawn(o.javaPath, embeddedJavaArgs(o, jar, rootDir, classData.flags, extensionJar), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both pipes are always drained: a JVM blocked on a full pipe would hang.
  child.stdout?.on('data', (c: Buffer) => stdout.push(c));
  child.stderr?.on('data', (c: Buffer) => stderr.push(c));
  child.on('error', () => {}); // reported through learnPort; never an unhandled 'error' event
  // 'close' comes after the last output chunk; 'exit' may come before it.
  const outputDone = new Promise<void>((resolve) => child.once('close', () => resolve()));
  track(child, rootDir, { graceMs, watchdog: o.watchdog });

  const output = (): string =>
    [stderr.toString().trim(), stdout.toString().trim()].filter(Boolean).join('\n');
  const fail = async (reason: string, message: string): Promise<never> => {
    await stopChild(child, o.stopGraceMs);
    await classData.settle();
    await Promise.race([outputDone, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    await rm(rootDir, { recursive: true, force: true });
    throw new SimulatorError(wireMockProblem(reason, message, output()));
  };

  let ports: Ports;
  try {
    ports = await learnPorts(child, stdout, o.startTimeoutMs, o.https !== undefined);
  } catch (err) {
    const spawnFailed = child.pid === undefined;
    return fail(spawnFailed ? 'java-not-started' : 'start-failed', (err as Error).message);
  }
  const adminBase = `http://127.0.0.1:${ports.http}`;
  const url = ports.https !== undefined ? `https://127.0.0.1:${ports.https}` : adminBase;
  const health = await waitForHealth(adminBase, Math.max(1, o.startTimeoutMs - (Date.now() - started)), () =>
    child.exitCode !== null || child.signalCode !== null ? `java ${exitText(child)}` : undefined,
  );
  if (!health.ok) return fail('start-failed', health.message);

  let stopping: Promise<void> | undefined;
  return {
    url,
    adminUrl: `${adminBase}/__admin`,
    kind: 'embedded',
    pid: child.pid,
    rootDir,
    owner: `embedded-${child.pid}`,
    serverUrlFor: (hostUrl) => hostUrl,
    stop: () => {
      stopping ??= (async () => {
        await stopChild(child, graceMs);
        await classData.settle();
        await rm(rootDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
};

// Starts the whole simulator: the platform model behind WireMock (stateful mode) or WireMock alone (replay mode), and says where.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTROL_PREFIX } from '../contracts/control/api.ts';
import { VENDORS } from '../vendors/index.ts';
import { clientTruststore, movedVendorMappings } from './client-cert-door.ts';
import { frontDoorGuards } from './front-door-guards.ts';
import { frontDoorOptions } from './front-door-options.ts';
import type { SimConfigInput } from './platform/config.ts';
import type { ReadyInfo } from './platform/ready-info.ts';
import { buildPlatform, type Platform } from './platform/server.ts';
import type { EngineFactories, VendorSimFactory } from './platform/vendor-sim.ts';
import { type LatencyProfile, withLatency } from './replay/build-mappings.ts';
import { DEFAULTS_FILE, FAULTS_PATH, MARKER_FILE, mappingsDirOf } from './replay/mapping-files.ts';
import { CASE_HEADER, CASE_QUERY, FAULT_HEADER } from './replay/replay-case.ts';
import type { LaunchOptions } from './wiremock/launcher.ts';
import { launchWireMock, type WireMockHandle } from './wiremock/launcher.ts';
import { SimulatorError, wireMockProblem } from './wiremock/errors.ts';
import { importMappings, loadMappingFiles, type Mapping, proxyToModel } from './wiremock/mappings.ts';

/** Every registered vendor's simulator, with its default options. */
export const VENDOR_FACTORIES: readonly VendorSimFactory[] = VENDORS.map(
  (v) => v.simulator as VendorSimFactory,
);

export type SimMode = 'stateful' | 'replay';

export type SimOptions = {
  mode?: SimMode;
  wiremock?: LaunchOptions;
  platform?: SimConfigInput;
  /** Port of the platform model (0: any free one). */
  platformPort?: number;
  latency?: LatencyProfile;
  /** How the vendors' command stores and throttles are made (the property suite's mutation check: faulty ones). */
  engines?: EngineFactories;
  /** Serve the front door over HTTPS with a CA and certificate made for this run (embedded launcher only). */
  https?: boolean;
  /**
   * PEM file of the CA that client certificates must chain to. Implies `https`; the vendors whose descriptor says
   * `clientCertificate` (OceanConnect) get a front door of their own that refuses a TLS handshake without one.
   */
  clientCaFile?: string;
  /**
   * The main front door, already being launched with `frontDoorOptions(wiremock, undefined)`: `harness sim` starts
   * the JVM before it loads the simulator's modules, so both take their time at once. Embedded, without https only.
   */
  prelaunched?: Promise<WireMockHandle>;
};

export type RunningSim = {
  info: ReadyInfo;
  mode: SimMode;
  wiremock: WireMockHandle;
  /** With `clientCaFile`: the front door that asks for client certificates. */
  clientCertDoor?: WireMockHandle;
  /** Absent in replay mode. */
  platform?: Platform;
  stop(): Promise<void>;
};

/** The mappings of one committed mapping file, as registered: in file order, with the latency profile applied. */
const mappingsOfFile = async (file: string, latency: LatencyProfile): Promise<Mapping[]> =>
  (await loadMappingFiles(path.dirname(file)))
    .filter((f) => path.basename(f.file) === path.basename(file))
    .flatMap((f) => f.mappings.map((m) => withLatency(m, latency) as Mapping));

const sectionOf = (platform: Platform, vendor: string): object => {
  const sim = platform.vendors.get(vendor as never);
  if (!sim) throw new Error(`vendor ${vendor} is not simulated`);
  return sim.fleet() as object;
};

/** The ready line. In replay mode the platform is not served, but it still provides the fleet and credentials. */
const readyInfo = (
  platform: Platform,
  doors: { main: WireMockHandle; clientCert?: { handle: WireMockHandle; vendors: string[]; caFile: string } },
  controlUrl: string,
  tls: TlsFiles | undefined,
): ReadyInfo =>
  ({
    wiremockUrl: doors.main.url,
    controlUrl,
    ...(tls
      ? {
          tls: {
            caFile: tls.caFile,
            ...(doors.clientCert
              ? { clientCaFile: doors.clientCert.caFile, clientCertificateFor: doors.clientCert.vendors }
              : {}),
          },
        }
      : {}),
    ...Object.fromEntries(
      VENDORS.map((v) => [
        v.id,
        {
          baseUrl: doors.clientCert?.vendors.includes(v.id) ? doors.clientCert.handle.url : doors.main.url,
          ...sectionOf(platform, v.id),
        },
      ]),
    ),
  }) as ReadyInfo;

type TlsFiles = Awaited<ReturnType<typeof import('./wiremock/tls.ts').makeFrontDoorTls>> & { dir: string };

/** The run's CA and front-door certificate, in a folder of their own that stop() removes. */
const makeTls = async (launch: LaunchOptions): Promise<TlsFiles> => {
  if ((launch.launcher ?? 'embedded') !== 'embedded')
    throw new SimulatorError(
      wireMockProblem(
        'https-unsupported',
        `--https needs the embedded launcher (it serves certificate files from this host), not ${launch.launcher}`,
      ),
    );
  const dir = await mkdtemp(path.join(tmpdir(), 'harness-tls-'));
  const { makeFrontDoorTls } = await import('./wiremock/tls.ts');
  return { dir, ...(await makeFrontDoorTls(dir)) };
};

/** WireMock request matching for a request that carries none of the replay markers. */
const UNMARKED = {
  headers: { [CASE_HEADER]: { absent: true }, [FAULT_HEADER]: { absent: true } },
  queryParameters: { [CASE_QUERY]: { absent: true } },
};

/** Every mapping of the front door, in registration order (later wins among equal priorities). */
const frontDoorMappings = async (
  wiremock: WireMockHandle,
  platform: Platform,
  mode: SimMode,
  latency: LatencyProfile,
  platformUrl: string | undefined,
): Promise<Mapping[]> => {
  const files = VENDORS.flatMap(({ id }) => [
    path.join(mappingsDirOf(id), MARKER_FILE),
    ...(mode === 'replay' ? [path.join(mappingsDirOf(id), DEFAULTS_FILE)] : []),
  ]);
  const mappings = (await Promise.all([...files, FAULTS_PATH].map((f) => mappingsOfFile(f, latency)))).flat();
  if (platformUrl) {
    const proxy = withLatency({ response: {} }, latency).response as Record<string, unknown>;
    mappings.push(
      proxyToModel(wiremock, platformUrl, { response: proxy }),
      // Every marker mapping needs a marker, so a request without one can go to the model at once instead of being
      // checked against all ~170 of them first (bench/simulator: 2,970 -> 6,790 req/s through WireMock here).
      proxyToModel(wiremock, platformUrl, {
        name: 'proxy unmarked requests to the platform model',
        priority: 1,
        request: UNMARKED,
        response: proxy,
      }),
    );
  }
  mappings.push(...frontDoorGuards(platform));
  return mappings;
};

const isEmbedded = (launch: LaunchOptions): launch is LaunchOptions & { launcher?: 'embedded' } =>
  launch.launcher === undefined || launch.launcher === 'embedded';

/** The vendors that get the client-certificate front door (their descriptor says real deployments ask for one). */
const clientCertificateVendors = (): string[] =>
  VENDORS.filter((v) => (v as { clientCertificate?: boolean }).clientCertificate === true).map((v) => v.id);

/**
 * Starts the platform model and WireMock (two with `clientCaFile`), then registers every mapping in one import per
 * door. An embedded WireMock does not need the model's address to start, so the JVMs start while the model binds its
 * port (a container must be told the model's port, so it waits for it). On any failure, whatever started is stopped.
 */
export const startSimulators = async (opts: SimOptions = {}): Promise<RunningSim> => {
  const mode = opts.mode ?? 'stateful';
  const latency = opts.latency ?? { kind: 'none' };
  const launch = opts.wiremock ?? {};
  const undo: (() => Promise<unknown>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    let tls: TlsFiles | undefined;
    if (opts.https || opts.clientCaFile) {
      const made = await makeTls(launch);
      tls = made;
      undo.push(() => rm(made.dir, { recursive: true, force: true }));
    }
    const trust = opts.clientCaFile && tls ? await clientTruststore(opts.clientCaFile, tls.dir) : undefined;
    const door = (
      platformUrl: string | undefined,
      clientTruststore?: typeof trust,
    ): Promise<WireMockHandle> => {
      const o = frontDoorOptions(launch, platformUrl);
      return launchWireMock(
        tls && isEmbedded(o)
          ? {
              ...o,
              https: {
                keystoreFile: tls.keystoreFile,
                keystorePassword: tls.keystorePassword,
                ...(clientTruststore ? { clientTruststore } : {}),
              },
            }
          : o,
      );
    };
    // The JVMs start first: they take longest, and building the model meanwhile costs them nothing.
    const early = isEmbedded(launch)
      ? ([
          opts.prelaunched ?? door(undefined),
          trust ? door(undefined, trust) : Promise.resolve(undefined),
        ] as const)
      : undefined;
    let platform: Platform;
    try {
      platform = buildPlatform(opts.platform ?? {}, VENDOR_FACTORIES, undefined, opts.engines);
    } catch (err) {
      for (const d of await Promise.allSettled(early ?? []))
        if (d.status === 'fulfilled') await d.value?.stop();
      throw err;
    }
    undo.push(() => platform.close());
    const listening =
      mode === 'stateful' ? platform.listen(opts.platformPort ?? 0) : Promise.resolve(undefined);
    const started = await Promise.allSettled([
      listening,
      early?.[0] ?? listening.then((url) => door(url)),
      early?.[1] ?? (trust ? listening.then((url) => door(url, trust)) : Promise.resolve(undefined)),
    ] as const);
    for (const s of started.slice(1))
      if (s.status === 'fulfilled' && s.value) {
        const handle = s.value as WireMockHandle;
        undo.push(() => handle.stop());
      }
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const [platformUrl, wiremock, certDoor] = started.map(
      (s) => (s as PromiseFulfilledResult<unknown>).value,
    ) as [string | undefined, WireMockHandle, WireMockHandle | undefined];
    const certVendors = certDoor ? clientCertificateVendors() : [];
    await Promise.all([
      (async () =>
        importMappings(wiremock, [
          ...(await frontDoorMappings(wiremock, platform, mode, latency, platformUrl)),
          ...(certDoor ? movedVendorMappings(platform, certVendors, certDoor.url) : []),
        ]))(),
      certDoor
        ? (async () =>
            importMappings(
              certDoor,
              await frontDoorMappings(certDoor, platform, mode, latency, platformUrl),
            ))()
        : undefined,
    ]);
    const controlUrl = platformUrl ? `${platformUrl}${CONTROL_PREFIX}` : wiremock.adminUrl;
    return {
      info: readyInfo(
        platform,
        {
          main: wiremock,
          ...(certDoor && opts.clientCaFile
            ? {
                clientCert: {
                  handle: certDoor,
                  vendors: certVendors,
                  caFile: path.resolve(opts.clientCaFile),
                },
              }
            : {}),
        },
        controlUrl,
        tls,
      ),
      mode,
      wiremock,
      ...(certDoor ? { clientCertDoor: certDoor } : {}),
      platform: platformUrl ? platform : undefined,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
};

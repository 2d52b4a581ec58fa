// Starts the whole simulator: the platform model behind WireMock (stateful mode) or WireMock alone (replay mode), and says where.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTROL_PREFIX } from '../contracts/control/api.ts';
import { VENDORS } from '../vendors/index.ts';
import type { SimConfigInput } from './platform/config.ts';
import type { ReadyInfo } from './platform/ready-info.ts';
import { buildPlatform, type Platform } from './platform/server.ts';
import type { VendorSimFactory } from './platform/vendor-sim.ts';
import { type LatencyProfile, withLatency } from './replay/build-mappings.ts';
import { DEFAULTS_FILE, FAULTS_PATH, MARKER_FILE, mappingsDirOf } from './replay/mapping-files.ts';
import { CASE_HEADER, CASE_QUERY, FAULT_HEADER } from './replay/replay-case.ts';
import type { LaunchOptions } from './wiremock/launcher.ts';
import { launchWireMock, type WireMockHandle } from './wiremock/launcher.ts';
import { SimulatorError, wireMockProblem } from './wiremock/errors.ts';
import { loadMappingFiles, registerMapping, registerProxyToModel } from './wiremock/mappings.ts';

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
  /** Serve the front door over HTTPS with a CA and certificate made for this run (embedded launcher only). */
  https?: boolean;
};

export type RunningSim = {
  info: ReadyInfo;
  mode: SimMode;
  wiremock: WireMockHandle;
  /** Absent in replay mode. */
  platform?: Platform;
  stop(): Promise<void>;
};

const registerFile = async (handle: WireMockHandle, file: string, latency: LatencyProfile): Promise<void> => {
  for (const { mappings } of await loadMappingFiles(path.dirname(file)).then((all) =>
    all.filter((f) => path.basename(f.file) === path.basename(file)),
  )) {
    for (const m of mappings) await registerMapping(handle, withLatency(m, latency) as typeof m);
  }
};

const sectionOf = (platform: Platform, vendor: string): object => {
  const sim = platform.vendors.get(vendor as never);
  if (!sim) throw new Error(`vendor ${vendor} is not simulated`);
  return sim.fleet() as object;
};

/** The ready line. In replay mode the platform is not served, but it still provides the fleet and credentials. */
const readyInfo = (
  platform: Platform,
  wiremockUrl: string,
  controlUrl: string,
  tls: TlsFiles | undefined,
): ReadyInfo =>
  ({
    wiremockUrl,
    controlUrl,
    ...(tls ? { tls: { caFile: tls.caFile } } : {}),
    ...Object.fromEntries(VENDORS.map((v) => [v.id, { baseUrl: wiremockUrl, ...sectionOf(platform, v.id) }])),
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

/**
 * WireMock must proxy the Host header unchanged: IoTDA's AK/SK signature covers it, so a rewritten Host fails every
 * signed request. A container also needs the platform's port forwarded.
 */
const frontDoorOptions = (launch: LaunchOptions, platformUrl: string | undefined): LaunchOptions => {
  if (launch.launcher === 'external') return launch;
  const extraArgs = [...new Set([...(launch.extraArgs ?? []), '--preserve-host-header'])];
  if (launch.launcher === 'container')
    return {
      ...launch,
      extraArgs,
      ...(platformUrl ? { hostPorts: [Number(new URL(platformUrl).port)] } : {}),
    };
  return { ...launch, extraArgs };
};

/** WireMock request matching for a request that carries none of the replay markers. */
const UNMARKED = {
  headers: { [CASE_HEADER]: { absent: true }, [FAULT_HEADER]: { absent: true } },
  queryParameters: { [CASE_QUERY]: { absent: true } },
};

export const startSimulators = async (opts: SimOptions = {}): Promise<RunningSim> => {
  const mode = opts.mode ?? 'stateful';
  const latency = opts.latency ?? { kind: 'none' };
  const platform = buildPlatform(opts.platform ?? {}, VENDOR_FACTORIES);
  let platformUrl: string | undefined;
  if (mode === 'stateful') platformUrl = await platform.listen(opts.platformPort ?? 0);
  let wiremock: WireMockHandle;
  let tls: TlsFiles | undefined;
  const removeTls = () => (tls ? rm(tls.dir, { recursive: true, force: true }) : Promise.resolve());
  try {
    const launch = frontDoorOptions(opts.wiremock ?? {}, platformUrl);
    if (opts.https) tls = await makeTls(launch);
    wiremock = await launchWireMock(
      tls && (launch.launcher === undefined || launch.launcher === 'embedded')
        ? { ...launch, https: { keystoreFile: tls.keystoreFile, keystorePassword: tls.keystorePassword } }
        : launch,
    );
  } catch (err) {
    await platform.close();
    await removeTls();
    throw err;
  }
  try {
    for (const { id } of VENDORS) {
      await registerFile(wiremock, path.join(mappingsDirOf(id), MARKER_FILE), latency);
      if (mode === 'replay')
        await registerFile(wiremock, path.join(mappingsDirOf(id), DEFAULTS_FILE), latency);
    }
    await registerFile(wiremock, FAULTS_PATH, latency);
    if (platformUrl) {
      const proxy = withLatency({ response: {} }, latency).response as Record<string, unknown>;
      await registerProxyToModel(wiremock, platformUrl, { response: proxy });
      // Every marker mapping needs a marker, so a request without one can go to the model at once instead of being
      // checked against all ~170 of them first (bench/simulator: 2,970 -> 6,790 req/s through WireMock here).
      await registerProxyToModel(wiremock, platformUrl, {
        name: 'proxy unmarked requests to the platform model',
        priority: 1,
        request: UNMARKED,
        response: proxy,
      });
    }
  } catch (err) {
    await wiremock.stop();
    await platform.close();
    await removeTls();
    throw err;
  }
  const controlUrl = platformUrl ? `${platformUrl}${CONTROL_PREFIX}` : wiremock.adminUrl;
  return {
    info: readyInfo(platform, wiremock.url, controlUrl, tls),
    mode,
    wiremock,
    platform: platformUrl ? platform : undefined,
    stop: async () => {
      await wiremock.stop();
      await platform.close();
      await removeTls();
    },
  };
};

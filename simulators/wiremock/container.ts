// The container launcher: WireMock's official image through testcontainers, where a container engine answers.
import { GenericContainer, getContainerRuntimeClient, TestContainers, Wait } from 'testcontainers';
import { SimulatorError, wireMockProblem } from './errors.ts';
import type { WireMockHandle } from './launcher.ts';
import { type ContainerOptions, wireMockServerArgs } from './options.ts';

/** The port WireMock listens on inside the container. */
const INNER_PORT = 8080;
/** The name under which a container reaches ports of this host that testcontainers forwarded. */
const HOST_ALIAS = 'host.testcontainers.internal';

export type EngineStatus = { available: true } | { available: false; reason: string };

/** Asks testcontainers for a container runtime, giving up after `timeoutMs`; never throws. */
export const isContainerEngineAvailable = async (timeoutMs = 5_000): Promise<EngineStatus> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<EngineStatus>((resolve) => {
    timer = setTimeout(
      () => resolve({ available: false, reason: `no container engine answered within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const probe = getContainerRuntimeClient().then(
    (): EngineStatus => ({ available: true }),
    (err: unknown): EngineStatus => ({ available: false, reason: (err as Error).message }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** The container's command: the image's entrypoint runs WireMock with these flags. */
export const containerArgs = (o: ContainerOptions): string[] => [
  '--port',
  String(INNER_PORT),
  ...wireMockServerArgs(o),
];

/** Rewrites a loopback URL of this host to the address the container reaches it at. */
export const viaHostAlias = (hostUrl: string): string => {
  const u = new URL(hostUrl);
  if (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]')
    u.hostname = HOST_ALIAS;
  return u.toString().replace(/\/$/, hostUrl.endsWith('/') ? '/' : '');
};

/** Starts the pinned WireMock image, waits for /__admin/health, and returns a handle that stops the container. */
export const launchContainer = async (o: ContainerOptions): Promise<WireMockHandle> => {
  const engine = await isContainerEngineAvailable(o.engineTimeoutMs);
  if (!engine.available)
    throw new SimulatorError(
      wireMockProblem('no-container-engine', `no container engine answers: ${engine.reason}`),
    );
  try {
    if (o.hostPorts.length > 0) await TestContainers.exposeHostPorts(...o.hostPorts);
    const started = await new GenericContainer(o.image)
      .withExposedPorts(INNER_PORT)
      .withCommand(containerArgs(o))
      .withEnvironment(o.heapMb !== undefined ? { JAVA_OPTS: `-Xmx${o.heapMb}m` } : {})
      .withWaitStrategy(Wait.forHttp('/__admin/health', INNER_PORT).forStatusCode(200))
      .withStartupTimeout(o.startTimeoutMs)
      .start();
    const url = `http://${started.getHost()}:${started.getMappedPort(INNER_PORT)}`;
    let stopping: Promise<void> | undefined;
    return {
      url,
      adminUrl: `${url}/__admin`,
      kind: 'container',
      owner: `container-${started.getId().slice(0, 12)}`,
      serverUrlFor: viaHostAlias,
      stop: () => {
        stopping ??= started.stop().then(() => undefined);
        return stopping;
      },
    };
  } catch (err) {
    throw new SimulatorError(wireMockProblem('container-failed', (err as Error).message));
  }
};

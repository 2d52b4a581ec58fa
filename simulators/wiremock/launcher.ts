// The one way to get a WireMock front door: embedded JVM (default), container, or an external one by URL.
import type { Problem } from '../../contracts/common/problem.ts';
import { SimulatorError, wireMockProblem } from './errors.ts';
import {
  ContainerOptionsSchema,
  EmbeddedOptionsSchema,
  ExternalOptionsSchema,
  type LaunchOptions,
} from './options.ts';

export type { LaunchOptions } from './options.ts';

export type WireMockHandle = {
  /** Base URL that clients call, e.g. http://127.0.0.1:41234 or https://127.0.0.1:41235 (no trailing slash). */
  url: string;
  /** The admin API, always plain HTTP on 127.0.0.1: `${url}/__admin` unless clients get HTTPS. */
  adminUrl: string;
  kind: 'embedded' | 'container' | 'external';
  /**
   * Tag written into the metadata (`harnessOwner`) of every mapping registered through this handle, so that
   * stopping an external WireMock removes exactly ours.
   */
  owner: string;
  /** The JVM's pid (embedded only). */
  pid?: number;
  /** The JVM's temporary --root-dir, removed on stop (embedded only). */
  rootDir?: string;
  /** The URL under which WireMock itself reaches a URL of this host (differs inside a container). */
  serverUrlFor(hostUrl: string): string;
  /** Embedded: SIGTERM, SIGKILL after the grace period, waits for exit. Container: stops it. External: removes our mappings. */
  stop(): Promise<void>;
};

export type LaunchOutcome = { ok: true; handle: WireMockHandle } | { ok: false; problem: Problem };

const invalid = (error: { issues: { path: PropertyKey[]; message: string }[] }): SimulatorError =>
  new SimulatorError(
    wireMockProblem(
      'invalid-options',
      error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; '),
    ),
  );

/** Starts (or connects to) WireMock as `options.launcher` says; throws a SimulatorError carrying a Problem. */
export const launchWireMock = async (options: LaunchOptions = {}): Promise<WireMockHandle> => {
  switch (options.launcher ?? 'embedded') {
    case 'embedded': {
      const parsed = EmbeddedOptionsSchema.safeParse(options);
      if (!parsed.success) throw invalid(parsed.error);
      const { launchEmbedded } = await import('./embedded.ts');
      return launchEmbedded(parsed.data);
    }
    case 'container': {
      const parsed = ContainerOptionsSchema.safeParse(options);
      if (!parsed.success) throw invalid(parsed.error);
      const { launchContainer } = await import('./container.ts');
      return launchContainer(parsed.data);
    }
    case 'external': {
      const parsed = ExternalOptionsSchema.safeParse(options);
      if (!parsed.success) throw invalid(parsed.error);
      const { connectExternal } = await import('./external.ts');
      return connectExternal(parsed.data);
    }
  }
};

/** Like launchWireMock, but a failure comes back as data instead of an exception. */
export const tryLaunchWireMock = async (options: LaunchOptions = {}): Promise<LaunchOutcome> => {
  try {
    return { ok: true, handle: await launchWireMock(options) };
  } catch (err) {
    if (err instanceof SimulatorError) return { ok: false, problem: err.problem };
    return { ok: false, problem: wireMockProblem('launch-failed', (err as Error).message) };
  }
};

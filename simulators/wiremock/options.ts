// The options of the three WireMock launchers, as zod schemas with their defaults; types are inferred from them.
import { z } from 'zod';

/** The WireMock release the embedded jar and the container image are pinned to. */
export const WIREMOCK_VERSION = '3.13.2';

/** Flags every launcher passes to WireMock itself (the container adds its own port and bind address). */
const serverFlags = {
  /**
   * WireMock's own request journal, bounded to this many entries; absent: no journal at all (--no-request-journal).
   * Off by default: a bounded journal cost WireMock 90% of its throughput here (about 20,000 req/s unbounded,
   * 680 with a 100,000-entry bound, 2,100 with 1,000), and an unbounded one grows without limit under load. The
   * platform model keeps its own bounded journal, which is what the harness audits in stateful mode.
   */
  maxRequestJournalEntries: z.number().int().positive().optional(),
  /** Render every response as a Handlebars template (otherwise only mappings naming `response-template`). */
  globalResponseTemplating: z.boolean().default(false),
  /** Jetty's request threads; WireMock's own default when omitted. */
  containerThreads: z.number().int().positive().optional(),
  /** More WireMock command-line flags, appended as given. */
  extraArgs: z.array(z.string()).default([]),
  /** Bounded wait for `GET /__admin/health` to answer 200. */
  startTimeoutMs: z.number().int().positive().default(60_000),
};

/**
 * HTTPS for the clients' side (embedded only: the files are paths on this host). The plain HTTP port stays open on
 * 127.0.0.1 for the admin API; clients are given the HTTPS URL.
 */
export const HttpsOptionsSchema = z.object({
  /** PKCS#12 keystore with the server key and its chain (see tls.ts). */
  keystoreFile: z.string().min(1),
  keystorePassword: z.string().min(1),
  /** Ask every client for a certificate that chains to a CA in this PKCS#12 truststore; refuse the TLS handshake otherwise. */
  clientTruststore: z.object({ file: z.string().min(1), password: z.string().min(1) }).optional(),
});
export type HttpsOptions = z.infer<typeof HttpsOptionsSchema>;

export const EmbeddedOptionsSchema = z.object({
  launcher: z.literal('embedded').default('embedded'),
  https: HttpsOptionsSchema.optional(),
  ...serverFlags,
  /** The `java` executable; the one on the PATH by default. */
  javaPath: z.string().min(1).default('java'),
  /** The WireMock standalone jar; the one in the npm package `wiremock` by default. */
  jarPath: z.string().min(1).optional(),
  /** 0 lets the OS choose (the port is read back from WireMock's start-up lines, so there is no race). */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Heap cap, passed as -Xmx<heapMb>m. */
  heapMb: z.number().int().positive().optional(),
  /**
   * JVM flags before `-jar`; none by default. C1-only compilation (-XX:TieredStopAtLevel=1) starts barely
   * faster here and lowers warmed-up throughput, so it is not a default (see README.md).
   */
  jvmFlags: z.array(z.string()).default([]),
  /**
   * Folder of the class-data archive (class-data.ts): the first JVM writes it when it exits, later ones start from
   * it (about 3 times faster to healthy here). Default: HARNESS_CACHE_DIR or ~/.cache/iot-command-harness, under
   * `wiremock-cds/`; `false`: no archive.
   */
  classDataDir: z.union([z.string().min(1), z.literal(false)]).optional(),
  /**
   * Load the harness's WireMock extension (extension.ts: Jetty's error pages as JSON, unparseable multipart and form
   * bodies marked for the vendors' guard mappings). Without it WireMock answers those with its own HTML.
   */
  frontDoorExtension: z.boolean().default(true),
  /** How long the JVM may take to exit after SIGTERM before it gets SIGKILL. */
  stopGraceMs: z.number().int().positive().default(5_000),
  /** A tiny `sh` watching this process that stops the JVM if this process dies without clean-up (Linux only). */
  watchdog: z.boolean().default(true),
});

export const ContainerOptionsSchema = z.object({
  launcher: z.literal('container'),
  ...serverFlags,
  image: z.string().min(1).default(`wiremock/wiremock:${WIREMOCK_VERSION}`),
  /** Heap cap inside the container, passed through JAVA_OPTS. */
  heapMb: z.number().int().positive().optional(),
  /** Host ports the container must reach (the platform model), forwarded as host.testcontainers.internal. */
  hostPorts: z.array(z.number().int().min(1).max(65_535)).default([]),
  /** Bounded wait for the container engine to answer before giving up. */
  engineTimeoutMs: z.number().int().positive().default(5_000),
});

export const ExternalOptionsSchema = z.object({
  launcher: z.literal('external'),
  /** Base URL of a running WireMock, without `/__admin`. */
  url: z.url(),
  /** Bounded wait for its health endpoint. */
  startTimeoutMs: z.number().int().positive().default(10_000),
});

export type EmbeddedOptions = z.infer<typeof EmbeddedOptionsSchema>;
export type ContainerOptions = z.infer<typeof ContainerOptionsSchema>;
export type ExternalOptions = z.infer<typeof ExternalOptionsSchema>;

/** What callers pass: every default may be left out, and `launcher` defaults to 'embedded'. */
export type LaunchOptions =
  | (Omit<z.input<typeof EmbeddedOptionsSchema>, 'launcher'> & { launcher?: 'embedded' })
  | z.input<typeof ContainerOptionsSchema>
  | z.input<typeof ExternalOptionsSchema>;

/** The WireMock command-line flags shared by the embedded JVM and the container. */
export const wireMockServerArgs = (o: z.infer<z.ZodObject<typeof serverFlags>>): string[] => [
  '--disable-banner',
  '--async-response-enabled',
  'true',
  ...(o.maxRequestJournalEntries === undefined
    ? ['--no-request-journal']
    : ['--max-request-journal-entries', String(o.maxRequestJournalEntries)]),
  '--disable-request-logging',
  // WireMock 3 opens a new connection to the proxy target for every proxied request unless told otherwise; reusing
  // them more than doubled proxied throughput here (4,800 -> 11,800 req/s to a bare Node server, bench/simulator).
  '--disable-connection-reuse',
  'false',
  ...(o.globalResponseTemplating ? ['--global-response-templating'] : []),
  ...(o.containerThreads !== undefined ? ['--container-threads', String(o.containerThreads)] : []),
  ...o.extraArgs,
];

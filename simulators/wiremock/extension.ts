// The harness's WireMock extension (extension/src, Java): the jar shipped in the package, or compiled once from the committed sources into the cache.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harnessCacheRoot } from './class-data.ts';

/** The class WireMock is told to load (`--extensions`): its Jetty server with the front door's guard and JSON errors. */
export const FRONT_DOOR_EXTENSION_CLASS = 'harness.frontdoor.FrontDoorServerFactory';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCES = path.join(HERE, 'extension', 'src');
/** Where `npm run build` (prepack) puts the jar it compiles, beside the compiled module. */
export const PACKAGED_JAR = path.join(HERE, 'extension', 'harness-front-door.jar');

const javaSources = (): string[] =>
  existsSync(SOURCES)
    ? readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.java'))
        .sort()
        .map((f) => path.join(SOURCES, f))
    : [];

export type ExtensionJar = { ok: true; jar: string } | { ok: false; reason: string };

/**
 * Compiles the sources against WireMock's standalone jar with the machine's `javac` into `outJar` (through a file of
 * its own, renamed into place, so processes building at once never see half a jar).
 */
export const compileExtension = (wiremockJar: string, outJar: string, javac = 'javac'): ExtensionJar => {
  const sources = javaSources();
  if (sources.length === 0) return { ok: false, reason: `no extension sources under ${SOURCES}` };
  const work = `${outJar}.${process.pid}-${randomBytes(4).toString('hex')}`;
  const classes = `${work}.classes`;
  try {
    mkdirSync(path.dirname(outJar), { recursive: true });
    const compiled = spawnSync(
      javac,
      ['-nowarn', '--release', '17', '-cp', wiremockJar, '-d', classes, ...sources],
      { encoding: 'utf8' },
    );
    if (compiled.error || compiled.status !== 0)
      return {
        ok: false,
        reason: compiled.error
          ? `javac could not be run (${compiled.error.message}); install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)`
          : `javac failed: ${compiled.stderr.trim().split('\n').slice(0, 5).join(' | ')}`,
      };
    const jarTool = javac.includes(path.sep) ? path.join(path.dirname(javac), 'jar') : 'jar';
    const packed = spawnSync(jarTool, ['cf', work, '-C', classes, '.'], { encoding: 'utf8' });
    if (packed.error || packed.status !== 0)
      return { ok: false, reason: `jar failed: ${packed.error?.message ?? packed.stderr.trim()}` };
    renameSync(work, outJar);
    return { ok: true, jar: outJar };
  } finally {
    rmSync(classes, { recursive: true, force: true });
    rmSync(work, { force: true });
  }
};

const cached = new Map<string, ExtensionJar>();

/**
 * The extension's jar for this WireMock jar: the packaged one when present (an installed package, built by
 * prepack), else one compiled from the sources into `<cache>/wiremock-ext/`, named by a hash of the sources and
 * the WireMock jar's path, so a changed source or a new WireMock compiles a new one. Compiled at most once per
 * process; about 3 s the first time on a machine.
 */
export const frontDoorExtensionJar = (
  wiremockJar: string,
  env: NodeJS.ProcessEnv = process.env,
): ExtensionJar => {
  if (existsSync(PACKAGED_JAR)) return { ok: true, jar: PACKAGED_JAR };
  const hash = createHash('sha256').update(path.resolve(wiremockJar));
  for (const f of javaSources()) hash.update(path.relative(SOURCES, f)).update(readFileSync(f));
  const jar = path.join(
    harnessCacheRoot(env),
    'wiremock-ext',
    `harness-front-door-${hash.digest('hex').slice(0, 20)}.jar`,
  );
  const known = cached.get(jar);
  if (known) return known;
  const outcome: ExtensionJar = existsSync(jar) ? { ok: true, jar } : compileExtension(wiremockJar, jar);
  cached.set(jar, outcome);
  return outcome;
};

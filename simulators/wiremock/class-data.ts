// WireMock's class-data archive (AppCDS): made once by a JVM that dumps the classes it loaded when it exits, kept in a cache outside the checkout, mapped by every later JVM.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The harness's cache outside any checkout: HARNESS_CACHE_DIR, else the user's cache folder. */
export const harnessCacheRoot = (env: NodeJS.ProcessEnv = process.env): string =>
  env.HARNESS_CACHE_DIR ??
  path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'iot-command-harness');

/** Where the archive lives unless told otherwise. */
export const defaultClassDataDir = (env: NodeJS.ProcessEnv = process.env): string =>
  path.join(harnessCacheRoot(env), 'wiremock-cds');

/** The executable `java` resolves to on the PATH (or the path given), so a JDK upgrade changes the archive's key. */
const resolveJava = (javaPath: string, env: NodeJS.ProcessEnv): string | undefined => {
  const candidates = javaPath.includes(path.sep)
    ? [javaPath]
    : (env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, javaPath));
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return realpathSync(c);
    } catch {
      // not here
    }
  }
  return undefined;
};

/**
 * The archive's file name: a hash of the jars on the class path and the JVM (real path, size, modification time). A JVM refuses an
 * archive made from another jar or by another JVM build anyway (it then starts without it); keying by both means a
 * stale archive is never even tried, and a new one is made instead.
 */
export const archiveKey = (jar: string, java: string, ...alsoOnClassPath: string[]): string => {
  const facts = [jar, java, ...alsoOnClassPath].map((f) => {
    const s = statSync(f);
    return `${realpathSync(f)}:${s.size}:${s.mtimeMs}`;
  });
  return createHash('sha256').update(facts.join('\n')).digest('hex').slice(0, 20);
};

export type ClassDataPlan =
  | { kind: 'off'; flags: []; settle(): Promise<void> }
  /** An archive exists: this JVM maps it. */
  | { kind: 'use'; archive: string; flags: string[]; settle(): Promise<void> }
  /** None yet: this JVM writes one when it exits; settle() moves it into place. */
  | { kind: 'make'; archive: string; flags: string[]; settle(): Promise<void> };

const noop = async (): Promise<void> => {};

/**
 * Decides how a new WireMock JVM uses the class-data archive. The archive is written by the JVM itself on a clean
 * exit (SIGTERM included; not after SIGKILL), to a file of its own, and renamed into place by `settle()` after the
 * JVM exited, so JVMs starting meanwhile never map a half-written file. Never throws: without a usable cache
 * folder or java, the JVM simply runs without an archive.
 */
export const classDataPlan = (
  opts: { javaPath: string; jar: string; alsoOnClassPath?: readonly string[]; dir: string | false },
  env: NodeJS.ProcessEnv = process.env,
): ClassDataPlan => {
  if (opts.dir === false) return { kind: 'off', flags: [], settle: noop };
  try {
    const java = resolveJava(opts.javaPath, env);
    if (!java) return { kind: 'off', flags: [], settle: noop };
    mkdirSync(opts.dir, { recursive: true });
    const archive = path.join(
      opts.dir,
      `wiremock-${archiveKey(opts.jar, java, ...(opts.alsoOnClassPath ?? []))}.jsa`,
    );
    // The JVM's own messages about classes it cannot archive are noise here; errors still show.
    const quiet = '-Xlog:cds=error,cds+dynamic=error';
    if (existsSync(archive))
      return { kind: 'use', archive, flags: [`-XX:SharedArchiveFile=${archive}`, quiet], settle: noop };
    const partial = `${archive}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
    return {
      kind: 'make',
      archive,
      flags: [`-XX:ArchiveClassesAtExit=${partial}`, quiet],
      settle: async () => {
        try {
          if ((await stat(partial)).size > 0) await rename(partial, archive);
        } catch {
          // the JVM did not write one (killed, or the dump failed): the next JVM tries again
        } finally {
          await rm(partial, { force: true });
        }
      },
    };
  } catch {
    return { kind: 'off', flags: [], settle: noop };
  }
};

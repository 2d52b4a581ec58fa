// The class-data archive: planned from the jar and the JVM, written by the first JVM on exit, mapped by the next one.
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveKey, classDataPlan, defaultClassDataDir } from './class-data.ts';
import { bundledJarPath } from './embedded.ts';
import { launchWireMock } from './launcher.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cds-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const jvmArgs = (pid: number): string[] => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

describe('class-data plan', () => {
  it('lives under HARNESS_CACHE_DIR, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultClassDataDir({ HARNESS_CACHE_DIR: '/c' })).toBe('/c/wiremock-cds');
    expect(defaultClassDataDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/iot-command-harness/wiremock-cds');
  });

  it('off when asked, or when no java is found', () => {
    expect(classDataPlan({ javaPath: 'java', jar: bundledJarPath(), dir: false }).kind).toBe('off');
    expect(classDataPlan({ javaPath: 'no-such-java', jar: bundledJarPath(), dir }, { PATH: dir }).kind).toBe(
      'off',
    );
  });

  it('without an archive the JVM writes one to a file of its own; settle() moves it into place', async () => {
    const sub = await mkdtemp(join(dir, 'plan-'));
    const plan = classDataPlan({ javaPath: 'java', jar: bundledJarPath(), dir: sub });
    expect(plan.kind).toBe('make');
    if (plan.kind !== 'make') return;
    const partial = plan.flags[0]!.replace('-XX:ArchiveClassesAtExit=', '');
    expect(partial).not.toBe(plan.archive);
    writeFileSync(partial, 'archive bytes');
    await plan.settle();
    expect(readFileSync(plan.archive, 'utf8')).toBe('archive bytes');
    expect(existsSync(partial)).toBe(false);
    const next = classDataPlan({ javaPath: 'java', jar: bundledJarPath(), dir: sub });
    expect(next).toMatchObject({ kind: 'use', archive: plan.archive });
    expect(next.flags).toContain(`-XX:SharedArchiveFile=${plan.archive}`);
  });

  it('a JVM that wrote nothing (killed) leaves no archive behind', async () => {
    const sub = await mkdtemp(join(dir, 'killed-'));
    const plan = classDataPlan({ javaPath: 'java', jar: bundledJarPath(), dir: sub });
    await plan.settle();
    expect(await readdir(sub)).toEqual([]);
  });

  it('the key changes with the jar, so an archive of another jar is never mapped', async () => {
    const jar = join(dir, 'fake.jar');
    await writeFile(jar, 'jar');
    const before = archiveKey(jar, bundledJarPath());
    utimesSync(jar, new Date(), new Date(Date.now() + 60_000));
    expect(archiveKey(jar, bundledJarPath())).not.toBe(before);
  });
});

describe('class-data archive with real JVMs', () => {
  it('the first JVM writes the archive when it stops; the next starts from it and is healthy', async () => {
    const sub = await mkdtemp(join(dir, 'jvm-'));
    const first = await launchWireMock({ classDataDir: sub });
    expect(jvmArgs(first.pid!).some((a) => a.startsWith('-XX:ArchiveClassesAtExit='))).toBe(true);
    await first.stop();
    const archives = (await readdir(sub)).filter((f) => f.endsWith('.jsa'));
    expect(archives).toHaveLength(1);
    const second = await launchWireMock({ classDataDir: sub });
    try {
      expect(jvmArgs(second.pid!)).toContain(`-XX:SharedArchiveFile=${join(sub, archives[0]!)}`);
      const res = await fetch(`${second.adminUrl}/health`);
      expect(res.status).toBe(200);
    } finally {
      await second.stop();
    }
    expect((await readdir(sub)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

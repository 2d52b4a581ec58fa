// The package build (`npm run build`, run by `prepack`): the sources compiled to dist/, with the data files the runtime reads beside them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledJarPath } from '../simulators/wiremock/embedded.ts';
import { compileExtension, PACKAGED_JAR } from '../simulators/wiremock/extension.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BUILD_CONFIG = path.join(ROOT, 'tsconfig.build.json');

const buildConfig = JSON.parse(readFileSync(BUILD_CONFIG, 'utf8')) as {
  include: string[];
  exclude: string[];
};

/** The compiled folders: the `include` list of tsconfig.build.json, so the two never disagree. */
const sourceFolders = (): string[] => buildConfig.include;

/** What tests alone use (helpers, their fixtures): the plain paths of the `exclude` list, for data files as for code. */
const excluded = (rel: string): boolean =>
  buildConfig.exclude
    .filter((e) => !e.includes('*'))
    .some((e) => rel === path.normalize(e) || rel.startsWith(`${path.normalize(e)}${path.sep}`));

/**
 * Data the runtime reads next to its module (import.meta.url): fixtures, mappings, pacts, profiles, regressions are
 * JSON; k6 runs the load scripts' TypeScript itself, so they ship as they are; the WireMock extension's Java sources
 * ship beside the jar compiled from them below.
 */
const isData = (rel: string): boolean =>
  rel.endsWith('.java') ||
  (rel.endsWith('.json') && path.basename(rel) !== 'tsconfig.json') ||
  rel.startsWith(`load${path.sep}scripts${path.sep}`);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) =>
    statSync(path.join(dir, rel)).isFile(),
  );

/** Every relative import left in the output must name a .js file: a .ts one would not load under node_modules. */
const tsImportsLeft = (): string[] => {
  const bad: string[] = [];
  for (const rel of filesUnder(DIST).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(DIST, rel), 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g))
      if (!m[1]?.endsWith('.js')) bad.push(`${rel}: ${m[1]}`);
  }
  return bad;
};

rmSync(DIST, { recursive: true, force: true });
const tsc = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', BUILD_CONFIG], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.stderr.write(`build: tsc failed (exit ${tsc.status})\n`);
  process.exit(1);
}
let copied = 0;
for (const folder of [...sourceFolders(), 'load']) {
  const from = path.join(ROOT, folder);
  if (!existsSync(from)) continue;
  for (const rel of filesUnder(from)) {
    const full = path.join(folder, rel);
    if (!isData(full) || excluded(full)) continue;
    cpSync(path.join(ROOT, full), path.join(DIST, full));
    copied += 1;
  }
}
const bad = tsImportsLeft();
if (bad.length) {
  process.stderr.write(`build: relative imports that do not name .js files:\n  ${bad.join('\n  ')}\n`);
  process.exit(1);
}
// The WireMock extension, compiled here with the machine's javac, so an installed package needs only a JRE.
const extension = compileExtension(bundledJarPath(), path.join(DIST, path.relative(ROOT, PACKAGED_JAR)));
if (!extension.ok) {
  process.stderr.write(`build: the WireMock extension: ${extension.reason}\n`);
  process.exit(1);
}
process.stderr.write(
  `build: dist/ compiled, ${copied} data files copied, ${path.relative(ROOT, extension.jar)}\n`,
);

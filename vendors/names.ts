// Which modules name a vendor outside the vendors' own folders and the registry: the scan behind vendors/names.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Folders never scanned: dependencies, build and run outputs. */
const SKIPPED = new Set(['node_modules', 'dist', '.cache', '.git', 'out']);

/** Test code: test files, test-support modules and the test/ folder. */
export const isTestModule = (rel: string): boolean =>
  /\.test\.ts$/.test(rel) || /(^|\/)test-support\.ts$/.test(rel) || rel.startsWith('test/');

/**
 * Sample clients of users (examples/): a user's client names the vendor APIs it calls, so they are not held to the
 * rule; they are what `harness gate` audits, not part of the harness.
 */
export const isSampleClient = (rel: string): boolean => rel.startsWith('examples/');

/** Every .ts/.mjs/.js module under `root` (relative paths, `/`-separated). */
export const modulesUnder = (root: string, dir = ''): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return SKIPPED.has(e.name) || e.name.startsWith('.') ? [] : modulesUnder(root, rel);
    return /\.(ts|mjs|js)$/.test(e.name) ? [rel] : [];
  });

/** A vendor's own folder (`<capability>/<vendor>/...`, at any depth) or the registry (`vendors/`). */
export const isVendorOwned = (rel: string, ids: readonly string[]): boolean =>
  rel.startsWith('vendors/') ||
  rel
    .split('/')
    .slice(0, -1)
    .some((segment) => ids.includes(segment));

const withoutComments = (code: string): string =>
  code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

/**
 * How a module names a vendor, if it does: a string literal that is a vendor id (`'enos'`), an import from a vendor's
 * folder or file (`../clients/enos/client.ts`), or an identifier spelled with an id (`EnosClient`, `fleet.iotda`).
 * Prose inside strings ("EnOS answers 11905") does not count; comments are ignored.
 */
export const vendorNamings = (code: string, ids: readonly string[]): string[] => {
  const text = withoutComments(code);
  const found: string[] = [];
  const strings = text.match(STRING) ?? [];
  for (const s of strings) {
    const inner = s.slice(1, -1);
    if (ids.includes(inner)) found.push(`literal ${s}`);
  }
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const parts = m[1]!.split('/');
    if (parts.some((p) => ids.includes(p) || ids.includes(p.replace(/\.(ts|js|mjs)$/, ''))))
      found.push(`import ${m[1]}`);
  }
  const code2 = text.replace(STRING, '""');
  for (const id of ids)
    for (const m of code2.matchAll(new RegExp(`[A-Za-z_$0-9]*${id}[A-Za-z_$0-9]*`, 'gi')))
      found.push(`identifier ${m[0]}`);
  return [...new Set(found)];
};

/** Every non-test module outside the vendors' folders and the registry that names a vendor, with how. */
export const modulesNamingVendors = (root: string, ids: readonly string[]): Record<string, string[]> =>
  Object.fromEntries(
    modulesUnder(root)
      .filter((rel) => !isTestModule(rel) && !isSampleClient(rel) && !isVendorOwned(rel, ids))
      .map((rel) => [rel, vendorNamings(readFileSync(path.join(root, rel), 'utf8'), ids)] as const)
      .filter(([, how]) => how.length > 0),
  );

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findK6, HOW_TO_GET_K6 } from './k6-binary.ts';

const fakeK6 = (dir: string, version = 'k6 v1.8.1 (fake)'): string => {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'k6');
  writeFileSync(file, `#!/bin/sh\necho "${version}"\n`);
  chmodSync(file, 0o755);
  return file;
};

describe('k6 lookup order', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'k6-lookup-'));
  const emptyCache = path.join(root, 'empty-cache');
  const basePath = '/usr/bin:/bin';

  it('prefers K6_BIN', async () => {
    const bin = fakeK6(path.join(root, 'env'));
    fakeK6(path.join(root, 'onpath'));
    const r = await findK6({
      env: { K6_BIN: bin, PATH: `${path.join(root, 'onpath')}:${basePath}` },
      build: false,
    });
    expect(r).toEqual({ ok: true, k6: { kind: 'env', command: bin, prefixArgs: [] } });
  });

  it('reports a K6_BIN that is not k6', async () => {
    const r = await findK6({ env: { K6_BIN: '/bin/true', PATH: basePath }, build: false });
    expect(r.ok).toBe(false);
  });

  it('then k6 on the PATH', async () => {
    const bin = fakeK6(path.join(root, 'onpath2'));
    const r = await findK6({
      env: { PATH: `${path.dirname(bin)}:${basePath}` },
      build: false,
      cacheDir: emptyCache,
    });
    expect(r.ok && r.k6.kind).toBe('path');
  });

  it('then the cached Go build', async () => {
    const cache = path.join(root, 'cache');
    fakeK6(cache);
    const r = await findK6({ env: { PATH: basePath }, build: false, cacheDir: cache });
    expect(r.ok && r.k6).toEqual({ kind: 'cache', command: path.join(cache, 'k6'), prefixArgs: [] });
  });

  it('otherwise explains how to get k6 (no build, no engine here)', async (ctx) => {
    const r = await findK6({ env: { PATH: basePath }, build: false, cacheDir: emptyCache });
    if (r.ok && r.k6.kind === 'container') {
      console.log('skipped: a container engine answers here, so the container fallback is chosen instead');
      ctx.skip('a container engine answers here, so the container fallback is chosen instead');
      return;
    }
    expect(r).toEqual({ ok: false, message: HOW_TO_GET_K6 });
  });
});

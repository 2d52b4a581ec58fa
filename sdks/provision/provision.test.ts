// Provisioning of the vendor SDKs: pins read from their one home, cache keys, absent tools as data, atomic publishing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyOf, publish, sdkCacheDir } from './cache.ts';
import { ensureGoDriver, goDriverDirs, goModuleVersion } from './go.ts';
import { ensureVenv, findPython, pinnedVersion, REQUIREMENTS } from './python.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'sdk-provision-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** An environment where no Python and no Go can be found. */
const bare = {
  PATH: path.join(scratch, 'empty-bin'),
  HOME: scratch,
  SDK_CACHE_DIR: path.join(scratch, 'cache'),
};

describe('pins', () => {
  it('are read from requirements.txt and go.mod', () => {
    expect(pinnedVersion('huaweicloudsdkiotda')).toBe('3.1.219');
    expect(pinnedVersion('huaweicloudsdkcore')).toBe('3.1.219');
    expect(pinnedVersion('enos-poseidon')).toBe('0.2.0');
    const [driver] = goDriverDirs();
    expect(goDriverDirs().map((d) => path.relative(path.join(REQUIREMENTS, '..'), d))).toEqual([
      path.join('iotda', 'go'),
    ]);
    expect(goModuleVersion(driver!, 'github.com/huaweicloud/huaweicloud-sdk-go-v3')).toBe('v0.1.207');
    expect(() => pinnedVersion('not-a-package')).toThrow(/does not pin not-a-package/);
  });
  it('every requirement is pinned exactly (==), so the venv key names one set of versions', () => {
    const lines = readFileSync(REQUIREMENTS, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(/^[A-Za-z0-9_.-]+==[^\s=]+$/);
  });
});

describe('cache', () => {
  it('lives outside the clone by default, SDK_CACHE_DIR wins', () => {
    expect(sdkCacheDir({ HOME: '/h', XDG_CACHE_HOME: '/x' })).toBe('/x/iot-command-harness/sdks');
    expect(sdkCacheDir({ SDK_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
  });
  it('keys change with any input', () => {
    expect(keyOf('a', 'b')).toBe(keyOf('a', 'b'));
    expect(keyOf('a', 'b')).not.toBe(keyOf('ab'));
    expect(keyOf('a', 'b')).toMatch(/^[0-9a-f]{16}$/);
  });
  it('publish: the first finished copy stays, a later one is removed', () => {
    const final = path.join(scratch, 'entry');
    for (const name of ['one', 'two']) {
      const built = path.join(scratch, `built-${name}`);
      mkdirSync(built);
      writeFileSync(path.join(built, 'who'), name);
      publish(built, final);
      expect(existsSync(built)).toBe(false);
    }
    expect(readFileSync(path.join(final, 'who'), 'utf8')).toBe('one');
  });
});

describe('absent tools are data (the suites skip on them, or fail under CI)', () => {
  it('no Python on the PATH', async () => {
    expect(findPython(bare)).toBe(undefined);
    expect(await ensureVenv({ env: bare })).toEqual({
      ok: false,
      missing: true,
      message: expect.stringMatching(/^no Python 3\.8\+ found/),
    });
  });
  it('no Go on the PATH', async () => {
    expect(await ensureGoDriver(goDriverDirs()[0]!, { env: bare })).toEqual({
      ok: false,
      missing: true,
      message: expect.stringMatching(/^Go is not installed/),
    });
  });
});

// The exported variables: every name gets a value from a ready line, and every name is documented in gate/README.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThrottleConfig } from '../simulators/model/throttle.ts';
import { perVendor } from '../vendors/index.ts';
import { ENV, gateEnv } from './env.ts';

const info = {
  wiremockUrl: 'http://127.0.0.1:1',
  controlUrl: 'http://127.0.0.1:2/__control',
  enos: {
    baseUrl: 'http://127.0.0.1:1',
    orgId: 'o1',
    appKey: 'k',
    appSecret: 's',
    devices: [
      { assetId: 'a1', productKey: 'p', deviceKey: 'd1' },
      { assetId: 'a2', productKey: 'p', deviceKey: 'd2' },
    ],
  },
  oceanconnect: { baseUrl: 'http://127.0.0.1:1', appId: 'app', secret: 'sec', devices: ['x', 'y'] },
  iotda: {
    baseUrl: 'http://127.0.0.1:1',
    projectId: 'pr',
    ak: 'ak',
    sk: 'sk',
    authToken: 't',
    region: 'cn-north-4',
    devices: ['i1'],
  },
};

describe('gate environment', () => {
  const env = gateEnv({
    info,
    readyFile: '/tmp/r.json',
    limits: { timeScale: 3, maxPollRate: 3, minBackoffMs: 1500, pathJitterWallMs: 10 },
    throttle: perVendor(() => ThrottleConfig.parse({ limit: 10, windowMs: 3000 })),
  });

  it('gives every name a value, lists comma-separated', () => {
    expect(Object.keys(env).sort()).toEqual(Object.values(ENV).sort());
    expect(env.HARNESS_OC_DEVICE_IDS).toBe('x,y');
    expect(env.HARNESS_ENOS_ASSET_IDS).toBe('a1,a2');
    expect(env.HARNESS_OC_THROTTLE_WINDOW_MS).toBe('3000');
  });

  it('exports the exact limits the audit judges by', () => {
    expect(env.HARNESS_MIN_BACKOFF_MS).toBe('1500');
    expect(Number(env.HARNESS_MIN_POLL_GAP_MS)).toBeCloseTo(1000 / 3, 9);
    // One wall ms of the client's clock and 10 of the path's jitter, at 3 platform ms per wall ms.
    expect(env.HARNESS_TOLERANCE_MS).toBe('33');
  });

  it('documents every name in gate/README.md', () => {
    const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `(HARNESS_[A-Z_]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.values(ENV).sort());
  });
});

// advertise(): the run file's URLs moved to the origins k6 reaches the simulators at, paths kept.
import { describe, expect, it } from 'vitest';
import { advertise } from './advertise.ts';
import { RunFile } from './run-file.ts';

const run = RunFile.parse({
  scenario: 'fleet-drain',
  timeScale: 30,
  alignToWindow: true,
  throttle: {
    oceanconnect: { enabled: true, limit: 100, windowMs: 60_000 },
    enos: { enabled: false, limit: 100, windowMs: 60_000 },
  },
  apps: {
    oceanconnect: [
      {
        baseUrl: 'http://127.0.0.1:18080',
        controlUrl: 'http://127.0.0.1:18080/__control',
        appId: 'a',
        secret: 's',
        accessToken: 't',
        devices: ['d'],
      },
      {
        baseUrl: 'http://127.0.0.1:18081',
        controlUrl: 'http://127.0.0.1:18081/__control',
        appId: 'b',
        secret: 's',
        accessToken: 't',
        devices: ['e'],
      },
    ],
    enos: [],
  },
  primaryVendor: 'oceanconnect',
  pacing: { callsPerWindow: 99, windows: 1 },
  strategy: 'revoke',
  backoff: { demandPerWindow: 1, marginRatio: 0 },
  thresholds: {},
  summaryPath: '/tmp/s.json',
});

describe('advertise', () => {
  it('moves each instance to its advertised origin and leaves the rest', () => {
    const moved = advertise(
      run,
      new Map([['http://127.0.0.1:18080', 'http://harness-sim-0.harness-sim:8080/']]),
    );
    expect(moved.apps.oceanconnect!.map((a) => [a.baseUrl, a.controlUrl])).toEqual([
      ['http://harness-sim-0.harness-sim:8080', 'http://harness-sim-0.harness-sim:8080/__control'],
      ['http://127.0.0.1:18081', 'http://127.0.0.1:18081/__control'],
    ]);
    expect(moved.apps.oceanconnect![0]!.devices).toEqual(['d']);
  });
});
